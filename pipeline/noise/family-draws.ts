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
  // Only models with both scores are drawn; an interval needs both of its models scored, as in the coupling stage.
  const at = new Int32Array(models.length).fill(-1);
  const kept: Model[] = [];
  models.forEach((x, i) => {
    if (x.scores.hellaswag === null || x.scores.truthfulqa_mc2 === null) return;
    at[i] = kept.length;
    kept.push(x);
  });
  const m = kept.length;
  const hs = Float64Array.from(kept, (x) => x.scores.hellaswag!);
  const tqa = Float64Array.from(kept, (x) => x.scores.truthfulqa_mc2!);
  const seHs = Float64Array.from(kept, (x) => modelSe(noise, x, 'hellaswag')!);
  const seTqa = Float64Array.from(kept, (x) => modelSe(noise, x, 'truthfulqa_mc2')!);
  const meanHs = hs.reduce((a, b) => a + b, 0) / Math.max(1, m);
  const meanTqa = tqa.reduce((a, b) => a + b, 0) / Math.max(1, m);
  // Interval k of the family (models k-1 → k) as a pair of drawn models, with its midpoint on log10 N.
  const pairs: { k: number; a: number; b: number; x: number }[] = [];
  for (let k = 1; k < models.length; k++) {
    if (at[k - 1]! < 0 || at[k]! < 0) continue;
    pairs.push({ k: k - 1, a: at[k - 1]!, b: at[k]!, x: (Math.log10(models[k - 1]!.paramsB * 1e9) + Math.log10(models[k]!.paramsB * 1e9)) / 2 });
  }
  const P = pairs.length;
  const pa = Int32Array.from(pairs, (p) => p.a);
  const pb = Int32Array.from(pairs, (p) => p.b);
  const px = Float64Array.from(pairs, (p) => p.x);
  const g12 = new Float64Array(P * s.draws);
  const g12Count = new Int32Array(P);
  const nc = new Float64Array(s.draws);
  let ncCount = 0;
  const r = new Float64Array(s.draws);
  const z = new Float64Array(2 * m);
  const h = new Float64Array(m);
  const t = new Float64Array(m);
  for (let d = 0; d < s.draws; d++) {
    fillStandardNormal(rng, z);
    // Scores centred on the family's means, so r's one-pass sums lose nothing.
    let sh = 0;
    let st = 0;
    let shh = 0;
    let stt = 0;
    let sht = 0;
    for (let i = 0; i < m; i++) {
      const hi = hs[i]! - meanHs + seHs[i]! * z[2 * i]!;
      const ti = tqa[i]! - meanTqa + seTqa[i]! * z[2 * i + 1]!;
      h[i] = hi;
      t[i] = ti;
      sh += hi;
      st += ti;
      shh += hi * hi;
      stt += ti * ti;
      sht += hi * ti;
    }
    let negX = NaN;
    let negG = NaN;
    let crossing = NaN;
    for (let j = 0; j < P; j++) {
      const dHs = h[pb[j]!]! - h[pa[j]!]!;
      if (Math.abs(dHs) <= s.minDeltaHs) continue;
      const g = (t[pb[j]!]! - t[pa[j]!]!) / dHs;
      g12[j * s.draws + g12Count[j]!++] = g;
      if (!Number.isNaN(crossing)) continue; // N_c is the first crossing; later intervals only add g12 draws
      if (g < 0) {
        negX = px[j]!;
        negG = g;
      } else if (g > 0 && !Number.isNaN(negX)) crossing = negX + ((0 - negG) * (px[j]! - negX)) / (g - negG);
    }
    if (!Number.isNaN(crossing)) nc[ncCount++] = toB(crossing);
    if (m >= 3) r[d] = (sht - (sh * st) / m) / Math.sqrt((shh - (sh * sh) / m) * (stt - (st * st) / m));
  }
  const ncInterval = centralInterval(nc, ncCount, s.level);
  const ranges: ([number, number] | null)[] = Array.from({ length: Math.max(0, models.length - 1) }, () => null);
  pairs.forEach((p, j) => (ranges[p.k] = centralInterval(g12.subarray(j * s.draws, (j + 1) * s.draws), g12Count[j]!, s.level)));
  return {
    nc: {
      draws: s.draws,
      pDefined: ncCount / s.draws,
      medianB: ncCount > 0 ? selectQuantile(nc, ncCount, 0.5) : null,
      lowB: ncInterval?.[0] ?? null,
      highB: ncInterval?.[1] ?? null,
    },
    r: m >= 3 ? centralInterval(r, s.draws, s.level) : null,
    g12: ranges,
  };
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
      const key = JSON.stringify([
        family,
        models.map((m) => [m.paramsB, m.scores.hellaswag, m.scores.truthfulqa_mc2, modelSe(model, m, 'hellaswag'), modelSe(model, m, 'truthfulqa_mc2')]),
      ]);
      let out = memo.get(key);
      if (!out) {
        out = familyNoiseDraws(models, model, settings, rng.fork(family));
        memo.set(key, out);
      }
      return out;
    },
  };
}
