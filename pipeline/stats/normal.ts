/**
 * The standard normal distribution: its CDF (from @stdlib) and seeded draws
 * (Marsaglia's polar method on the project's one RNG), for the measurement-noise model.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import type { Rng } from './rng.ts';

/** Φ(z); ±Infinity map to 1 and 0. */
export function phi(z: number): number {
  return normalCdf(z, 0, 1);
}

/**
 * Fills `out` with independent standard normal draws by Marsaglia's polar
 * method: two per accepted pair of uniforms, without trigonometric calls.
 */
export function fillStandardNormal(rng: Rng, out: Float64Array): void {
  for (let i = 0; i < out.length; i += 2) {
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * rng.next() - 1;
      v = 2 * rng.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    out[i] = u * m;
    if (i + 1 < out.length) out[i + 1] = v * m;
  }
}
