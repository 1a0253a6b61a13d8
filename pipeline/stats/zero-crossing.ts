/** A value of g12 placed on the log10 N axis. */
export interface AxisPoint {
  x: number;
  y: number;
}

export interface Crossing {
  /** Where the straight line between the two bracketing points meets zero. */
  x: number;
  /** Indices (into the input) of the last negative and the first positive point. */
  below: number;
  above: number;
}

/**
 * First negative→positive sign change along x (points already in x order),
 * interpolated linearly in x. An exact zero has no sign and is stepped over.
 */
export function firstUpCrossing(points: readonly AxisPoint[]): Crossing | null {
  let lastNegative = -1;
  for (let i = 0; i < points.length; i++) {
    const y = points[i]!.y;
    if (y < 0) lastNegative = i;
    else if (y > 0) {
      if (lastNegative >= 0) {
        const a = points[lastNegative]!;
        const b = points[i]!;
        return { x: a.x + ((0 - a.y) * (b.x - a.x)) / (b.y - a.y), below: lastNegative, above: i };
      }
    }
  }
  return null;
}

export type SignPattern = 'no values' | 'all positive' | 'all negative' | 'all zero' | 'positive then negative' | 'crosses upward';

/** Why a series does or does not cross upward, for table notes. */
export function signPattern(ys: readonly number[]): SignPattern {
  const signed = ys.filter((y) => y !== 0);
  if (ys.length === 0) return 'no values';
  if (signed.length === 0) return 'all zero';
  if (signed.every((y) => y > 0)) return 'all positive';
  if (signed.every((y) => y < 0)) return 'all negative';
  return firstUpCrossing(ys.map((y, i) => ({ x: i, y }))) ? 'crosses upward' : 'positive then negative';
}
