// Layer x strength grid: a direction is rebuilt at each layer from the same
// statement set, then every strength is judged against its random control.
import { computeDirection } from '../steering/direction.ts';
import { runEval, type EvalSummary } from './eval.ts';
import type { SteerPositions } from '../steering/hooks.ts';
import type { McItem } from './items.ts';
import type { LoadedModel } from '../model/load.ts';
import type { StatementSet } from '../steering/statements.ts';
import type { DirectionMethod } from '../io/vector-file.ts';

export interface SweepOptions {
  layers: number[];
  strengths: number[];
  /** Strengths are multiples of the typical residual norm at each layer. */
  relative: boolean;
  method?: DirectionMethod;
  statements?: StatementSet;
  positions?: SteerPositions;
  controls?: number;
  controlSeed?: number | string;
  /** Default 0: the sweep judges by likelihood only. */
  genTokens?: number;
  onCell?: (layer: number, strength: number) => void;
}

export interface SweepRow {
  layer: number;
  strength: number;
  /** Multiplier actually applied to the unit vector. */
  alpha: number;
  summary: EvalSummary;
}

export function runSweep(lm: LoadedModel, items: McItem[], o: SweepOptions): SweepRow[] {
  const rows: SweepRow[] = [];
  for (const layer of o.layers) {
    const vf = computeDirection(lm, { layer, method: o.method, statements: o.statements });
    for (const strength of o.strengths) {
      o.onCell?.(layer, strength);
      const report = runEval(lm, vf, items, {
        strength: { kind: 'fixed', value: strength, relative: o.relative },
        positions: o.positions,
        controls: o.controls,
        controlSeed: o.controlSeed,
        genTokens: o.genTokens ?? 0,
      });
      rows.push({ layer, strength, alpha: report.items[0]?.alpha ?? strength, summary: report.summary });
    }
  }
  return rows;
}
