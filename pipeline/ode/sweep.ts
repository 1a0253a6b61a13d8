import { BENCHMARKS } from '../config.ts';
import type { Sample, Trajectory } from './data.ts';
import { fitSparse, replay, type SimSettings, type SparseSettings } from './fit.ts';
import { odeHoldout } from './holdout.ts';

export interface SweepPoint {
  threshold: number;
  /** Active terms per equation, in benchmark order. */
  supportSizes: number[];
  supportTotal: number;
  /** In-sample trajectory MAPE (integrated from the smallest model), or null if it diverged. */
  inSampleMape: number | null;
  /** Held-out trajectory MAPE, or null if it diverged. */
  heldOutMape: number | null;
  /** Jaccard index of the selected (equation, term) pairs against the previous λ of the sweep; null for the first. */
  jaccardPrev: number | null;
  allPrunedEquations: number;
  underdeterminedEquations: number;
  iterationsMax: number;
  warnings: string[];
}

/** Jaccard index |A ∩ B| / |A ∪ B|; two empty sets count as identical. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const union = new Set([...a, ...b]).size;
  if (union === 0) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / union;
}

export function selectedPairs(support: readonly boolean[][]): Set<string> {
  return new Set(support.flatMap((row, i) => row.flatMap((on, j) => (on ? [`${BENCHMARKS[i]}:${j}`] : []))));
}

/** STLSQ at each λ on `train`; trajectory error in sample and on a held-out family. */
export function thresholdSweep(
  train: readonly Sample[],
  inSample: Trajectory,
  heldOut: Trajectory,
  thresholds: readonly number[],
  base: Omit<SparseSettings, 'threshold'>,
  sim: SimSettings,
): SweepPoint[] {
  let prev: Set<string> | null = null;
  return thresholds.map((threshold) => {
    const fit = fitSparse(train, { ...base, threshold });
    const pairs = selectedPairs(fit.fits.map((f) => f.support));
    const point: SweepPoint = {
      threshold,
      supportSizes: fit.fits.map((f) => f.support.filter(Boolean).length),
      supportTotal: pairs.size,
      inSampleMape: replay(fit.system, inSample, sim).mape,
      heldOutMape: odeHoldout(fit.system, heldOut, sim).mapeAll,
      jaccardPrev: prev === null ? null : jaccard(prev, pairs),
      allPrunedEquations: fit.fits.filter((f) => f.allPruned).length,
      underdeterminedEquations: fit.fits.filter((f) => f.underdetermined).length,
      iterationsMax: Math.max(...fit.fits.map((f) => f.iterations)),
      warnings: fit.warnings,
    };
    prev = pairs;
    return point;
  });
}

/**
 * Widest ratio λ_hi / λ_lo of consecutive sweep points around `at` whose
 * selected structure is identical (Jaccard 1); 1 when neither neighbour agrees.
 */
export function stableRatio(points: readonly SweepPoint[], at: number): number | null {
  const i = points.findIndex((p) => p.threshold === at);
  if (i < 0) return null;
  let lo = i;
  let hi = i;
  while (lo > 0 && points[lo]!.jaccardPrev === 1) lo--;
  while (hi + 1 < points.length && points[hi + 1]!.jaccardPrev === 1) hi++;
  return points[hi]!.threshold / points[lo]!.threshold;
}
