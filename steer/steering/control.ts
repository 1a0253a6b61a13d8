// The random-direction control: a seeded Gaussian direction scaled to the
// truth vector's norm, added at the same layer with the same strength, so any
// difference from steering is due to the direction alone.
import seedrandom from 'seedrandom';
import { norm } from './activations.ts';

export function randomDirection(dModel: number, targetNorm: number, seed: string | number): Float32Array {
  const rng = seedrandom(`cape-steer-control:${seed}`);
  const v = new Float64Array(dModel);
  for (let i = 0; i < dModel; i += 2) {
    // Box–Muller: two independent standard normals per pair of uniforms.
    const r = Math.sqrt(-2 * Math.log(1 - rng()));
    const th = 2 * Math.PI * rng();
    v[i] = r * Math.cos(th);
    if (i + 1 < dModel) v[i + 1] = r * Math.sin(th);
  }
  const scale = targetNorm / norm(v);
  return Float32Array.from(v, (x) => x * scale);
}
