/**
 * Parametric bootstrap of one family's measurement noise: every HellaSwag and
 * TruthfulQA score is redrawn from N(score, SE²) and the family's g12 series,
 * N_c (first negative→positive crossing) and r(HS, TQA) recomputed per draw.
 * Gives N_c as a distribution, with P(N_c defined), and noise intervals for
 * r and for each interval's g12.
 */
import { fillStandardNormal } from '../stats/normal.ts';
import type { Rng } from '../stats/rng.ts';
import { selectQuantile } from '../stats/select-quantile.ts';
import type { Model } from '../types.ts';
import { modelSe, type NoiseModel } from './noise-model.ts';

export interface NcDistribution {
  draws: number;
  /** Share of draws in which g12 changes sign from negative to positive. */
  pDefined: number;
  /** Median and central interval of N_c (B params) over the draws where it is defined. */
  medianB: number | null;
  lowB: number | null;
  highB: number | null;
}

export interface FamilyNoise {
  nc: NcDistribution;
  /** Central interval of r(HS, TQA) over the draws; null below three scored models. */
  r: [number, number] | null;
  /** Per interval of the family (model k-1 → k), central interval of g12 over draws where it is defined. */
  g12: ([number, number] | null)[];
}

export interface DrawSettings {
  draws: number;
  level: number;
  /** g12 is not computed when |ΔHS| is at or below this (the coupling stage's rule). */
  minDeltaHs: number;
}

const toB = (log10N: number) => 10 ** log10N / 1e9;

/** Central interval of the first `n` values of a buffer (reorders them). */
function centralInterval(buffer: Float64Array, n: number, level: number): [number, number] | null {
  if (n === 0) return null;
  const q = (1 - level) / 2;
  return [selectQuantile(buffer, n, q), selectQuantile(buffer, n, 1 - q)];
}

/** `models` in size order, as the coupling stage orders a family. */
export function familyNoiseDraws(models: readonly Model[], noise: NoiseModel, s: DrawSettings, rng: Rng): FamilyNoise {
  const n = models.length;
  const hs = new Float64Array(n);
  const tqa = new Float64Array(n);
  const seHs = new Float64Array(n);
  const seTqa = new Float64Array(n);
  const scored = new Uint8Array(n);
  const logN = new Float64Array(n);
  models.forEach((m, i) => {
    logN[i] = Math.log10(m.paramsB * 1e9);
    if (m.scores.hellaswag === null || m.scores.truthfulqa_mc2 === null) return;
    scored[i] = 1;
    hs[i] = m.scores.hellaswag;
    tqa[i] = m.scores.truthfulqa_mc2;
    seHs[i] = modelSe(noise, m, 'hellaswag')!;
    seTqa[i] = modelSe(noise, m, 'truthfulqa_mc2')!;
  });
  let nScored = 0;
  for (const x of scored) nScored += x;
  const intervals = Math.max(0, n - 1);
  const g12 = Array.from({ length: intervals }, () => new Float64Array(s.draws));
  const g12Count = new Int32Array(intervals);
  const nc = new Float64Array(s.draws);
  let ncCount = 0;
  const r = new Float64Array(s.draws);
  const z = new Float64Array(2 * n);
  const h = new Float64Array(n);
  const t = new Float64Array(n);
  for (let d = 0; d < s.draws; d++) {
    fillStandardNormal(rng, z);
    for (let i = 0; i < n; i++) {
      h[i] = hs[i]! + seHs[i]! * z[2 * i]!;
      t[i] = tqa[i]! + seTqa[i]! * z[2 * i + 1]!;
    }
    let negX = NaN;
    let negG = NaN;
    let crossing = NaN;
    for (let k = 1; k < n; k++) {
      if (!scored[k - 1] || !scored[k]) continue;
      const dHs = h[k]! - h[k - 1]!;
      if (Math.abs(dHs) <= s.minDeltaHs) continue;
      const g = (t[k]! - t[k - 1]!) / dHs;
      g12[k - 1]![g12Count[k - 1]!++] = g;
      if (!Number.isNaN(crossing)) continue; // N_c is the first crossing; later intervals only add g12 draws
      const x = (logN[k - 1]! + logN[k]!) / 2;
      if (g < 0) {
        negX = x;
        negG = g;
      } else if (g > 0 && !Number.isNaN(negX)) crossing = negX + ((0 - negG) * (x - negX)) / (g - negG);
    }
    if (!Number.isNaN(crossing)) nc[ncCount++] = toB(crossing);
    if (nScored >= 3) r[d] = pearsonMasked(h, t, scored);
  }
  const ncInterval = centralInterval(nc, ncCount, s.level);
  return {
    nc: {
      draws: s.draws,
      pDefined: ncCount / s.draws,
      medianB: ncCount > 0 ? selectQuantile(nc, ncCount, 0.5) : null,
      lowB: ncInterval?.[0] ?? null,
      highB: ncInterval?.[1] ?? null,
    },
    r: nScored >= 3 ? centralInterval(r, s.draws, s.level) : null,
    g12: g12.map((buf, k) => centralInterval(buf, g12Count[k]!, s.level)),
  };
}

function pearsonMasked(x: Float64Array, y: Float64Array, mask: Uint8Array): number {
  let n = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < x.length; i++) {
    if (!mask[i]) continue;
    n++;
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    if (!mask[i]) continue;
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Draws a family's noise once per distinct set of scores: a family identical in both panels gets one (identical) result. */
export interface FamilyNoiseSource {
  model: NoiseModel;
  draw(family: string, models: readonly Model[]): FamilyNoise;
}

export function familyNoiseSource(model: NoiseModel, settings: DrawSettings, rng: Rng): FamilyNoiseSource {
  const memo = new Map<string, FamilyNoise>();
  return {
    model,
    draw(family, models) {
      const key = JSON.stringify([family, models.map((m) => [m.paramsB, m.scores.hellaswag, m.scores.truthfulqa_mc2, modelSe(model, m, 'hellaswag'), modelSe(model, m, 'truthfulqa_mc2')])]);
      let out = memo.get(key);
      if (!out) {
        out = familyNoiseDraws(models, model, settings, rng.fork(family));
        memo.set(key, out);
      }
      return out;
    },
  };
}
