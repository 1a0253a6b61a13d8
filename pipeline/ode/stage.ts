import { BENCHMARKS, BENCHMARK_LABEL, type Benchmark } from '../config.ts';
import { odeClaims } from './claims.ts';
import { computeOde, type CurvePoint, type OdeNumbers } from './compute.ts';
import type { SweepPoint } from './sweep.ts';
import { odeFitTables } from './tables.ts';
import { odeHoldoutTables } from './tables-holdout.ts';
import { odePhaseTables } from './tables-phase.ts';
import type { PanelContext } from '../stage-context.ts';
import type { StageOutput } from '../types.ts';

export interface Fig3Data {
  source: string;
  panels: { benchmark: Benchmark; label: string; linearError: number | null; sparseMape: number | null }[];
  points: { model: string; paramsB: number; benchmark: Benchmark; value: number }[];
  curves: CurvePoint[];
}

export interface Fig2cData {
  points: { family: string; model: string; paramsB: number; value: number; role: string }[];
  curves: CurvePoint[];
  heldOutMape: number;
  inSampleMape: number;
  odeTqaMape: number | null;
}

export interface OdeOutput extends StageOutput {
  numbers: OdeNumbers;
  fig3: Fig3Data;
  fig2c: Fig2cData;
  sweeps: { scale: number; points: SweepPoint[] }[];
}

function fig3(n: OdeNumbers): Fig3Data {
  const s = n.sources.find((x) => x.key === 'published')!;
  return {
    source: s.label,
    panels: BENCHMARKS.map((b, j) => ({
      benchmark: b,
      label: BENCHMARK_LABEL[b],
      linearError: s.linearReplay.errors?.[j]?.authors ?? null,
      sparseMape: s.sparseReplay.errors?.[j]?.mape ?? null,
    })),
    points: s.pythia.models.flatMap((m, i) =>
      BENCHMARKS.map((b, j) => ({ model: m, paramsB: s.pythia.paramsB[i]!, benchmark: b, value: s.pythia.states[i]![j]! })),
    ),
    curves: n.fig3Curves,
  };
}

function fig2c(n: OdeNumbers, ctx: PanelContext): Fig2cData {
  const degree = ctx.config.ode.figureDegree;
  const pick = (inSample: boolean) =>
    n.poly.find((r) => r.data.startsWith('pooled') && r.inSample === inSample && r.train.startsWith('Pythia + Llama-1') && r.fit.degree === degree)!;
  return {
    points: ctx.data.pooled14.map((r) => ({
      family: r.family,
      model: `${r.family} ${r.model}`,
      paramsB: r.paramsB,
      value: r.truthfulqa,
      role: r.family === 'Llama-2' ? 'held out' : 'fitted',
    })),
    curves: n.fig2cCurves,
    heldOutMape: pick(false).fit.mape,
    inSampleMape: pick(true).fit.mape,
    odeTqaMape: n.panels[0]!.linearRoute.mapePerBenchmark[BENCHMARKS.indexOf('truthfulqa_mc2')] ?? null,
  };
}

/** Paper A §4: the sparse ODE as described, the linear ODE as coded, the Llama-2 hold-out, baselines and generalisation. */
export function runOde(ctx: PanelContext): OdeOutput {
  const n = computeOde(ctx);
  return {
    numbers: n,
    fig3: fig3(n),
    fig2c: fig2c(n, ctx),
    sweeps: n.sweeps,
    tables: [...odeFitTables(n, ctx.config), ...odeHoldoutTables(n, ctx.config), ...odePhaseTables(n, ctx.config)],
    claims: odeClaims(n, ctx.config),
  };
}
