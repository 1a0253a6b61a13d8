import type { Model } from './types.ts';
import { phaseOf, type Phase } from './phase.ts';

/** One step between consecutive sizes of a family: the local coupling g12 = ΔTQA/ΔHS. */
export interface Interval {
  family: string;
  from: string;
  to: string;
  fromB: number;
  toB: number;
  /** Geometric mean of the two sizes, where the interval sits on a log axis. */
  midB: number;
  dHs: number | null;
  dTqa: number | null;
  g12: number | null;
  phase: Phase | null;
  /** Why g12 is missing, or '' when it is present. */
  flag: '' | 'near-zero ΔHS' | 'missing score';
}

/** Intervals between consecutive models of one size-sorted family. */
export function familyIntervals(models: readonly Model[], minDeltaHs: number, threshold: number): Interval[] {
  const out: Interval[] = [];
  for (let i = 1; i < models.length; i++) {
    const a = models[i - 1]!;
    const b = models[i]!;
    const base = { family: b.family, from: a.model, to: b.model, fromB: a.paramsB, toB: b.paramsB, midB: Math.sqrt(a.paramsB * b.paramsB) };
    const hsA = a.scores.hellaswag;
    const hsB = b.scores.hellaswag;
    const tA = a.scores.truthfulqa_mc2;
    const tB = b.scores.truthfulqa_mc2;
    if (hsA === null || hsB === null || tA === null || tB === null) {
      out.push({ ...base, dHs: null, dTqa: null, g12: null, phase: null, flag: 'missing score' });
      continue;
    }
    const dHs = hsB - hsA;
    const dTqa = tB - tA;
    if (Math.abs(dHs) <= minDeltaHs) {
      out.push({ ...base, dHs, dTqa, g12: null, phase: null, flag: 'near-zero ΔHS' });
      continue;
    }
    const g12 = dTqa / dHs;
    out.push({ ...base, dHs, dTqa, g12, phase: phaseOf(g12, threshold), flag: '' });
  }
  return out;
}

/** Phase of each model = phase of the interval that ends at it; the smallest model has none. */
export function modelPhases(intervals: readonly Interval[]): Map<string, Phase | null> {
  const out = new Map<string, Phase | null>();
  for (const iv of intervals) out.set(iv.to, iv.phase);
  return out;
}
