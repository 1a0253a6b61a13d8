/**
 * Exact (Clopper–Pearson) confidence interval for a binomial proportion k/n:
 * the bounds are beta quantiles, so the interval never undercovers.
 */
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';

export function clopperPearson(k: number, n: number, level: number): [number, number] {
  if (!(n > 0) || k < 0 || k > n) throw new Error(`clopperPearson: need 0 <= k <= n and n > 0, got k = ${k}, n = ${n}`);
  const a = (1 - level) / 2;
  const low = k === 0 ? 0 : betaQuantile(a, k, n - k + 1);
  const high = k === n ? 1 : betaQuantile(1 - a, k + 1, n - k);
  return [low, high];
}
