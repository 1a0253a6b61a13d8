export function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : sum(xs) / xs.length;
}

/** Standard deviation with `ddof` degrees of freedom removed (1 = sample, 0 = population). */
export function sd(xs: readonly number[], ddof = 1): number {
  const m = mean(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) ** 2;
  return Math.sqrt(ss / (xs.length - ddof));
}

/** Quantile by linear interpolation between order statistics (Hyndman–Fan type 7, numpy's default). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function sortedCopy(xs: ArrayLike<number>): number[] {
  return Float64Array.from(xs).sort() as unknown as number[];
}

export function median(xs: readonly number[]): number {
  return quantile(sortedCopy(xs), 0.5);
}

/** Percentile interval [q, 1-q] of a sample, e.g. q = 0.025 for a 95% interval. */
export function percentileInterval(xs: readonly number[], level: number): [number, number] {
  const s = sortedCopy(xs);
  const q = (1 - level) / 2;
  return [quantile(s, q), quantile(s, 1 - q)];
}

export function log10(x: number): number {
  return Math.log10(x);
}
