/**
 * Local coupling g12 = ΔTQA/ΔHS between consecutive sizes of one family
 * (Paper A §2), with the sampling noise of each difference when a noise model
 * is given: SE(ΔHS), SE(ΔTQA), P(g12 > 0) and whether the sign is resolved.
 */
import { diffSe } from './noise/score-se.ts';
import { g12Sign, pG12Positive, type G12Sign } from './noise/interval-sign.ts';
import { modelSe, type NoiseModel } from './noise/noise-model.ts';
import { phaseOf, type Phase } from './phase.ts';
import type { Model } from './types.ts';

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
  /** Standard errors of the two differences (pp), unpaired; null without scores or a noise model. */
  seDHs: number | null;
  seDTqa: number | null;
  /** P(g12 > 0) under independent normal score noise (closed form). */
  pG12Positive: number | null;
  /** "+" or "-" when noise resolves the sign; "within noise"; "undefined" when |ΔHS| is within 2 SE. */
  sign: G12Sign | null;
}

const noNoise = { seDHs: null, seDTqa: null, pG12Positive: null, sign: null };

/** Intervals between consecutive models of one size-sorted family. */
export function familyIntervals(models: readonly Model[], minDeltaHs: number, threshold: number, noise?: NoiseModel): Interval[] {
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
      out.push({ ...base, dHs: null, dTqa: null, g12: null, phase: null, flag: 'missing score', ...noNoise });
      continue;
    }
    const dHs = hsB - hsA;
    const dTqa = tB - tA;
    const noisy = noise ? intervalNoise(a, b, dHs, dTqa, noise) : noNoise;
    if (Math.abs(dHs) <= minDeltaHs) {
      out.push({ ...base, dHs, dTqa, g12: null, phase: null, flag: 'near-zero ΔHS', ...noisy });
      continue;
    }
    const g12 = dTqa / dHs;
    out.push({ ...base, dHs, dTqa, g12, phase: phaseOf(g12, threshold), flag: '', ...noisy });
  }
  return out;
}

function intervalNoise(a: Model, b: Model, dHs: number, dTqa: number, noise: NoiseModel) {
  const seDHs = diffSe(modelSe(noise, a, 'hellaswag')!, modelSe(noise, b, 'hellaswag')!);
  const seDTqa = diffSe(modelSe(noise, a, 'truthfulqa_mc2')!, modelSe(noise, b, 'truthfulqa_mc2')!);
  const p = pG12Positive(dHs, seDHs, dTqa, seDTqa);
  return { seDHs, seDTqa, pG12Positive: p, sign: g12Sign(dHs, seDHs, p, noise.rule) };
}

/** An interval's numbers under their machine-readable names, as tables and `--json` write them. */
export function intervalRecord(iv: Interval) {
  return {
    from: iv.from,
    to: iv.to,
    from_b: iv.fromB,
    to_b: iv.toB,
    mid_b: iv.midB,
    d_hs: iv.dHs,
    d_tqa: iv.dTqa,
    g12: iv.g12,
    phase: iv.phase,
    flag: iv.flag,
    se_d_hs: iv.seDHs,
    se_d_tqa: iv.seDTqa,
    p_g12_positive: iv.pG12Positive,
    sign: iv.sign,
  };
}

/** Phase of each model = phase of the interval that ends at it; the smallest model has none. */
export function modelPhases(intervals: readonly Interval[]): Map<string, Phase | null> {
  const out = new Map<string, Phase | null>();
  for (const iv of intervals) out.set(iv.to, iv.phase);
  return out;
}
