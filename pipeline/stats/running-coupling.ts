import { appendCouplings, type SizedScores } from './local-coupling.ts';
import { fitLine } from './ols.ts';
import { distinctResample } from './resample.ts';
import type { Rng } from './rng.ts';

/** The running-coupling law g12 = A·log10 N + B fitted by OLS to interval couplings. */
export interface RunningFit {
  n: number;
  slope: number;
  intercept: number;
  slopeSe: number;
  interceptSe: number;
  r2: number;
  /** Intervals whose observed g12 has the sign of the fitted line at that x (an exact zero never agrees). */
  signAgree: number;
  /** log10 N (parameters) where the line is zero: -B/A. */
  zeroLog10: number;
}

export function fitRunningCoupling(x: readonly number[], g: readonly number[]): RunningFit {
  const f = fitLine(x, g);
  let signAgree = 0;
  for (let i = 0; i < x.length; i++) if (Math.sign(f.slope * x[i]! + f.intercept) === Math.sign(g[i]!) && g[i] !== 0) signAgree++;
  return {
    n: x.length,
    slope: f.slope,
    intercept: f.intercept,
    slopeSe: f.slopeSe,
    interceptSe: f.interceptSe,
    r2: f.r2,
    signAgree,
    zeroLog10: -f.intercept / f.slope,
  };
}

/** Zero of the OLS line through (x, g), or why there is none. */
export function lineZero(x: readonly number[], g: readonly number[]): { zero: number } | { none: 'degenerate' | 'slope <= 0' } {
  const n = x.length;
  if (n < 2) return { none: 'degenerate' };
  let sx = 0;
  let sg = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i]!;
    sg += g[i]!;
  }
  const mx = sx / n;
  const mg = sg / n;
  let sxx = 0;
  let sxg = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    sxx += dx * dx;
    sxg += dx * (g[i]! - mg);
  }
  if (!(sxx > 1e-12 * n)) return { none: 'degenerate' };
  const slope = sxg / sxx;
  if (!(slope > 0)) return { none: 'slope <= 0' };
  return { zero: mx - mg / slope };
}

export interface CrossingBootstrap {
  resamples: number;
  /** log10 N of the zero crossing in each resample that has one, in draw order. */
  crossings: Float64Array;
  slopeNotPositive: number;
  degenerate: number;
}

/**
 * Family-stratified bootstrap of the pooled zero crossing: within each family
 * (entries sorted by size) draw models with replacement, recompute g12 between
 * consecutive distinct models, pool the intervals of all families and fit one line.
 */
export function stratifiedCrossingBootstrap(families: readonly SizedScores[], rng: Rng, resamples: number, minDeltaHs: number): CrossingBootstrap {
  const crossings: number[] = [];
  let slopeNotPositive = 0;
  let degenerate = 0;
  const seen = families.map((f) => new Uint8Array(f.logN.length));
  for (let b = 0; b < resamples; b++) {
    const xs: number[] = [];
    const gs: number[] = [];
    families.forEach((f, k) => appendCouplings(f, distinctResample(rng, f.logN.length, seen[k]), minDeltaHs, xs, gs));
    const z = lineZero(xs, gs);
    if ('zero' in z) crossings.push(z.zero);
    else if (z.none === 'degenerate') degenerate++;
    else slopeNotPositive++;
  }
  return { resamples, crossings: Float64Array.from(crossings), slopeNotPositive, degenerate };
}
