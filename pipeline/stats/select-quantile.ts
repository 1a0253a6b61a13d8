/**
 * Type-7 quantiles (numpy's default) of the first n values of a buffer
 * without sorting it: quickselect places the order statistics the quantile
 * interpolates between, in linear expected time. Reorders the buffer.
 */

/** Rearranges a[lo..hi] so that a[k] holds the value it would have in sorted order. */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

export function selectQuantile(a: Float64Array, n: number, q: number): number {
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const k = Math.floor(h);
  select(a, k, 0, n - 1);
  const low = a[k]!;
  if (k + 1 >= n || h === k) return low;
  // After selection everything right of k is >= a[k]; the next order statistic is their minimum.
  let next = Infinity;
  for (let i = k + 1; i < n; i++) if (a[i]! < next) next = a[i]!;
  return low + (h - k) * (next - low);
}
