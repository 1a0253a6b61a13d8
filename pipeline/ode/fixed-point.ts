import type { Interval } from '../intervals.ts';
import { fitLine } from '../stats/ols.ts';

export interface FixedPointFit {
  /** Intervals (with g12) that enter the fit. */
  intervals: Interval[];
  /** dγ/dlog10 N = a·γ + b over consecutive intervals, γ at the midpoint of each pair. */
  a: number;
  b: number;
  /** γ* = −b/a; attracting when a < 0. */
  fixedPoint: number;
  attracting: boolean;
}

/**
 * The authors' fixed-point fit (finite-difference slopes regressed on midpoint
 * values), applied to a family's benchmark g12 series: each interval sits at
 * log10 of its geometric-mean size.
 */
export function fixedPointFit(intervals: readonly Interval[], maxB: number): FixedPointFit | null {
  const used = intervals.filter((iv) => iv.g12 !== null && iv.toB <= maxB + 1e-12);
  if (used.length < 3) return null;
  const t = used.map((iv) => Math.log10(iv.midB * 1e9));
  const g = used.map((iv) => iv.g12!);
  const mid = g.slice(1).map((v, i) => (v + g[i]!) / 2);
  const slope = g.slice(1).map((v, i) => (v - g[i]!) / (t[i + 1]! - t[i]!));
  const line = fitLine(mid, slope);
  return { intervals: used, a: line.slope, b: line.intercept, fixedPoint: -line.intercept / line.slope, attracting: line.slope < 0 };
}
