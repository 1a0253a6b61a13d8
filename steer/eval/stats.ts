// Counts with exact (Clopper–Pearson) binomial confidence intervals.
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';

export interface Proportion {
  k: number;
  n: number;
  rate: number;
  /** Clopper–Pearson 95% interval. */
  ci95: [number, number];
}

export function clopperPearson(k: number, n: number, level = 0.95): [number, number] {
  if (!(Number.isInteger(k) && Number.isInteger(n) && k >= 0 && k <= n)) throw new RangeError(`need integers 0 <= k <= n, got k=${k}, n=${n}`);
  if (n === 0) return [0, 1];
  const a = (1 - level) / 2;
  const lo = k === 0 ? 0 : betaQuantile(a, k, n - k + 1);
  const hi = k === n ? 1 : betaQuantile(1 - a, k + 1, n - k);
  return [lo, hi];
}

export function proportion(k: number, n: number): Proportion {
  return { k, n, rate: n === 0 ? NaN : k / n, ci95: clopperPearson(k, n) };
}

export function formatProportion(p: Proportion): string {
  const pct = (x: number): string => `${(100 * x).toFixed(0)}%`;
  return `${p.k}/${p.n} (${p.n ? pct(p.rate) : '–'}; 95% CI ${pct(p.ci95[0])}–${pct(p.ci95[1])})`;
}
