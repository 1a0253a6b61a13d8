import type { Rng } from './rng.ts';

/**
 * Distinct indices of one resample with replacement of 0..n-1, ascending.
 * For finite differences a repeated model adds only a zero-width step, so a
 * bootstrap of consecutive couplings sees the distinct models it drew.
 */
export function distinctResample(rng: Rng, n: number, seen: Uint8Array = new Uint8Array(n)): number[] {
  seen.fill(0, 0, n);
  for (let k = 0; k < n; k++) seen[rng.int(n)] = 1;
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (seen[i]) out.push(i);
  return out;
}

/** One family-stratified resample: distinct drawn indices within each stratum. */
export function stratifiedDistinctResample(rng: Rng, sizes: readonly number[]): number[][] {
  return sizes.map((n) => distinctResample(rng, n));
}
