/**
 * Local coupling g12 = ΔTQA/ΔHS between consecutive entries of a size-sorted
 * list, the same rule as pipeline/intervals.ts but on plain arrays so that a
 * bootstrap can call it many times without building objects.
 */
export interface SizedScores {
  /** log10 of N in parameters. */
  logN: ArrayLike<number>;
  hs: ArrayLike<number>;
  tqa: ArrayLike<number>;
}

/**
 * Appends one (x, g12) pair per consecutive step of `order` (indices in
 * ascending size), x = log10 of the geometric mean of the two sizes; steps with
 * |ΔHS| at or below `minDeltaHs` are left out, as in the coupling stage.
 */
export function appendCouplings(d: SizedScores, order: ArrayLike<number>, minDeltaHs: number, xs: number[], gs: number[]): void {
  for (let k = 1; k < order.length; k++) {
    const i = order[k - 1]!;
    const j = order[k]!;
    const dHs = d.hs[j]! - d.hs[i]!;
    if (Math.abs(dHs) <= minDeltaHs) continue;
    xs.push((d.logN[i]! + d.logN[j]!) / 2);
    gs.push((d.tqa[j]! - d.tqa[i]!) / dHs);
  }
}
