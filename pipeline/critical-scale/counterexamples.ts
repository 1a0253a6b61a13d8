import type { Config } from '../config.ts';
import type { PanelCoupling } from '../coupling.ts';
import { familyIntervals } from '../intervals.ts';
import { makeTable } from '../table.ts';
import type { ClaimResult, Table } from '../types.ts';

/** Paper A §9, falsification criterion (i): a family with at least 5 models in 0.1B–10B and no coupling sign change there. */
export interface CriterionRow {
  panel: string;
  family: string;
  nInRange: number;
  signs: string;
  meets: boolean;
}

const RANGE_B: [number, number] = [0.1, 10];
const MIN_MODELS = 5;

export function criterionOne(pc: PanelCoupling, cfg: Config): CriterionRow[] {
  return pc.families.map((f) => {
    const inRange = f.models.filter((m) => m.paramsB >= RANGE_B[0] && m.paramsB <= RANGE_B[1]);
    const g = familyIntervals(inRange, cfg.coupling.minDeltaHs, cfg.coupling.phaseThreshold)
      .map((iv) => iv.g12)
      .filter((x): x is number => x !== null && x !== 0);
    const signs = g.map((x) => (x > 0 ? '+' : '−')).join('');
    const oneSign = g.length > 0 && (g.every((x) => x > 0) || g.every((x) => x < 0));
    return { panel: pc.panel, family: f.family, nInRange: inRange.length, signs, meets: inRange.length >= MIN_MODELS && oneSign };
  });
}

export function criterionTable(rows: CriterionRow[]): Table {
  return makeTable(
    'A-s9-falsification-criterion-i',
    'Falsification criterion (i): families with ≥ 5 models in 0.1B–10B whose g12 never changes sign there',
    [
      ['panel', 'panel'],
      ['family', 'family'],
      ['n_in_range', 'models with 0.1 ≤ N ≤ 10 B'],
      ['signs', 'signs of g12 between consecutive sizes in range (exact zeros and near-zero ΔHS skipped)'],
      ['meets', 'meets criterion (i)'],
    ],
    rows.map((r) => ({ panel: r.panel, family: r.family, n_in_range: r.nInRange, signs: r.signs, meets: r.meets })),
    [],
    ['panel', 'family'],
  );
}

export function criterionClaims(rows: CriterionRow[]): ClaimResult[] {
  return (['as published', 'audited'] as const).map((panel) => {
    const hits = rows.filter((r) => r.panel === panel && r.meets).map((r) => r.family);
    return {
      id: 'A.s9.counterexamples',
      variant: panel === 'audited' ? 'audited' : 'as described',
      value: hits.length,
      note: `families meeting criterion (i) in the ${panel} panel: ${hits.join(', ') || 'none'}`,
    };
  });
}
