// Next-token choice: greedy, or seeded temperature + nucleus (top-p) sampling.
import seedrandom from 'seedrandom';

export interface SamplingOptions {
  seed: string | number;
  temperature: number;
  topP: number;
}

export type Sampler = (logits: Float32Array) => number;

/** Lowest index among the maxima, so ties break the same way every run. */
export function argmax(a: Float32Array): number {
  let best = 0;
  for (let i = 1; i < a.length; i++) if (a[i]! > a[best]!) best = i;
  return best;
}

export const greedy: Sampler = argmax;

/**
 * A fresh generator per call: the unsteered and steered runs of one prompt
 * draw the same random numbers, so a difference between them comes from the
 * steering and not from sampling noise (the authors sampled with no seed).
 */
export function seededSampler(o: SamplingOptions): Sampler {
  if (o.temperature <= 0) return greedy;
  const rng = seedrandom(String(o.seed));
  return (logits) => {
    const n = logits.length;
    let m = -Infinity;
    for (let i = 0; i < n; i++) if (logits[i]! > m) m = logits[i]!;
    const p = new Float64Array(n);
    let z = 0;
    for (let i = 0; i < n; i++) z += p[i] = Math.exp((logits[i]! - m) / o.temperature);
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => p[b]! - p[a]! || a - b);
    // Smallest top set whose mass reaches top_p; the token that crosses it is kept.
    let keep = 0,
      mass = 0;
    while (keep < n && mass < o.topP * z) mass += p[order[keep++]!]!;
    let u = rng() * mass;
    for (let k = 0; k < keep; k++) {
      u -= p[order[k]!]!;
      if (u < 0) return order[k]!;
    }
    return order[keep - 1]!;
  };
}
