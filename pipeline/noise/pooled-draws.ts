/**
 * Measurement noise propagated into the pooled N_c (Paper A App. A.2): the
 * pooled models' scores redrawn from N(score, SE²), the estimator refitted on
 * every draw, beside the model-resampling CI the paper reports.
 */
import { quantile } from '../stats/describe.ts';
import { appendCouplings, type SizedScores } from '../stats/local-coupling.ts';
import { fillStandardNormal } from '../stats/normal.ts';
import { quadraticVertex } from '../stats/quadratic-vertex.ts';
import type { Rng } from '../stats/rng.ts';
import { lineZero } from '../stats/running-coupling.ts';

/** One pooled family: log10 N (parameters), scores and their SEs, in size order. */
export interface NoisyFamily extends SizedScores {
  seHs: ArrayLike<number>;
  seTqa: ArrayLike<number>;
}

export interface PooledNoise {
  draws: number;
  /** Draws in which the estimator gives an N_c (inside the window, for the quadratic minimum). */
  kept: number;
  medianB: number | null;
  lowB: number | null;
  highB: number | null;
}

const toB = (log10N: number) => 10 ** log10N / 1e9;

function summarise(values: number[], draws: number, level: number): PooledNoise {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const q = (1 - level) / 2;
  return { draws, kept: n, medianB: n ? quantile(sorted, 0.5) : null, lowB: n ? quantile(sorted, q) : null, highB: n ? quantile(sorted, 1 - q) : null };
}

function perturb(f: NoisyFamily, z: Float64Array, at: number, hs: Float64Array, tqa: Float64Array): void {
  for (let i = 0; i < f.logN.length; i++) {
    hs[i] = f.hs[i]! + f.seHs[i]! * z[at + 2 * i]!;
    tqa[i] = f.tqa[i]! + f.seTqa[i]! * z[at + 2 * i + 1]!;
  }
}

/**
 * Quadratic minimum of TQA on log10 N (as coded) under score noise; kept when
 * a > 0 and the vertex lies in the window. With x fixed, the fitted
 * coefficients are linear in y, so each draw adds up per-point weights (the
 * fits to unit vectors) instead of refitting.
 */
export function quadraticNoise(families: readonly NoisyFamily[], window: readonly [number, number], draws: number, level: number, rng: Rng): PooledNoise {
  const x = families.flatMap((f) => Array.from(f.logN));
  const y = families.flatMap((f) => Array.from(f.tqa));
  const se = families.flatMap((f) => Array.from(f.seTqa));
  const n = x.length;
  const base = quadraticVertex(x, y);
  if (!base) return summarise([], draws, level);
  const w1 = new Float64Array(n);
  const w2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const unit = quadraticVertex(
      x,
      x.map((_, j) => (j === i ? se[i]! : 0)),
    )!;
    w1[i] = unit.c1;
    w2[i] = unit.c2;
  }
  const z = new Float64Array(n);
  const kept: number[] = [];
  for (let d = 0; d < draws; d++) {
    fillStandardNormal(rng, z);
    let c1 = base.c1;
    let c2 = base.c2;
    for (let i = 0; i < n; i++) {
      c1 += w1[i]! * z[i]!;
      c2 += w2[i]! * z[i]!;
    }
    const vertex = -c1 / (2 * c2);
    if (c2 > 0 && vertex > window[0] && vertex < window[1]) kept.push(toB(vertex));
  }
  return summarise(kept, draws, level);
}

/** Pooled zero crossing of g12 = A log10 N + B (as described) under score noise; kept when A > 0. */
export function crossingNoise(families: readonly NoisyFamily[], minDeltaHs: number, draws: number, level: number, rng: Rng): PooledNoise {
  const sizes = families.map((f) => f.logN.length);
  const z = new Float64Array(2 * sizes.reduce((a, b) => a + b, 0));
  const bufs = sizes.map((n) => ({ hs: new Float64Array(n), tqa: new Float64Array(n), order: Array.from({ length: n }, (_, i) => i) }));
  const kept: number[] = [];
  const xs: number[] = [];
  const gs: number[] = [];
  for (let d = 0; d < draws; d++) {
    fillStandardNormal(rng, z);
    xs.length = 0;
    gs.length = 0;
    let at = 0;
    families.forEach((f, k) => {
      const b = bufs[k]!;
      perturb(f, z, 2 * at, b.hs, b.tqa);
      at += f.logN.length;
      appendCouplings({ logN: f.logN, hs: b.hs, tqa: b.tqa }, b.order, minDeltaHs, xs, gs);
    });
    const line = lineZero(xs, gs);
    if ('zero' in line) kept.push(toB(line.zero));
  }
  return summarise(kept, draws, level);
}
