import seedrandom from 'seedrandom';

/**
 * The one source of randomness. A stage receives an Rng and forks it by name,
 * so adding or reordering stages never changes another stage's draws.
 */
export interface Rng {
  readonly seed: string;
  /** Uniform on [0, 1). */
  next(): number;
  /** Uniform integer on [0, n). */
  int(n: number): number;
  fork(label: string): Rng;
}

/**
 * seedrandom's xor4096 (Brent's xorgen: 4096 bits of state, passes BigCrush)
 * rather than its default ARC4, which is about five times slower per draw and
 * dominated the bootstraps' time.
 */
export function createRng(seed: string): Rng {
  const draw = seedrandom.xor4096(seed);
  const bits = draw.int32;
  return {
    seed,
    next: () => draw(),
    // The same integer as Math.floor(next() * n) (next() is bits / 2^32, and bits * n is exact below 2^53),
    // one call and one division fewer per draw: resampling indices is most of a bootstrap's work.
    int: (n) => (n <= 0x200000 ? Math.floor(((bits() >>> 0) * n) / 0x100000000) : Math.floor(draw() * n)),
    fork: (label) => createRng(`${seed}/${label}`),
  };
}

/** Indices of a resample with replacement of size n. */
export function resampleIndices(rng: Rng, n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = rng.int(n);
  return out;
}

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(rng: Rng, xs: readonly T[]): T[] {
  const a = xs.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
