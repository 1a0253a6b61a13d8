/** The Wilson score interval for a binomial proportion, with the normal quantile from @stdlib. */
import normalQuantileAt from '@stdlib/stats-base-dists-normal-quantile';

/** Standard normal quantile. */
export function normalQuantile(p: number): number {
  return normalQuantileAt(p, 0, 1);
}

/** Wilson score interval for k successes in n trials at the given two-sided level. */
export function wilsonInterval(k: number, n: number, level: number): [number, number] {
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [centre - half, centre + half];
}
