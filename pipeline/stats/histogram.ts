export interface Bin {
  lo: number;
  hi: number;
  count: number;
}

export interface Histogram {
  bins: Bin[];
  /** Values below `lo` or at/above `hi`, counted here rather than dropped silently. */
  below: number;
  above: number;
}

/** Equal-width bins over [lo, hi). */
export function histogram(values: ArrayLike<number>, lo: number, hi: number, bins: number): Histogram {
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) below++;
    else if (v >= hi) above++;
    else counts[Math.min(bins - 1, Math.floor((v - lo) / width))]!++;
  }
  return { bins: counts.map((count, k) => ({ lo: lo + k * width, hi: lo + (k + 1) * width, count })), below, above };
}
