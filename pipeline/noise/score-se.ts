/**
 * Standard error of one benchmark score, in percentage points: the stderr the
 * input gives where it gives one, else the sampling error of a mean over the
 * benchmark's items (binomial for 0/1 accuracies, the per-item SD for MC2).
 */
import type { BenchmarkSpec } from './benchmarks.ts';

export function scoreSe(spec: BenchmarkSpec, scorePercent: number, givenStderr: number | null): number {
  if (givenStderr !== null) return givenStderr;
  if (spec.itemSd !== null) return (100 * spec.itemSd) / Math.sqrt(spec.nItems);
  const p = Math.min(1, Math.max(0, scorePercent / 100));
  return 100 * Math.sqrt((p * (1 - p)) / spec.nItems);
}

/** SE of the difference of two independent scores (different models, unpaired). */
export function diffSe(seA: number, seB: number): number {
  return Math.sqrt(seA * seA + seB * seB);
}
