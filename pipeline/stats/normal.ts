/**
 * The standard normal distribution: its CDF (from @stdlib) and seeded draws
 * (Box–Muller on the project's one RNG), for the measurement-noise model.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import type { Rng } from './rng.ts';

/** Φ(z); ±Infinity map to 1 and 0. */
export function phi(z: number): number {
  return normalCdf(z, 0, 1);
}

/** Fills `out` with independent standard normal draws, two per pair of uniforms. */
export function fillStandardNormal(rng: Rng, out: Float64Array): void {
  for (let i = 0; i < out.length; i += 2) {
    // 1 - u keeps the logarithm's argument in (0, 1].
    const r = Math.sqrt(-2 * Math.log(1 - rng.next()));
    const t = 2 * Math.PI * rng.next();
    out[i] = r * Math.cos(t);
    if (i + 1 < out.length) out[i + 1] = r * Math.sin(t);
  }
}
