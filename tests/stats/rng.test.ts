import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { createRng, resampleIndices } from '../../pipeline/stats/rng.ts';

describe('the seeded random number generator', () => {
  it('draws the integer floor(u · n) of the uniform the same seed gives, for small and large n', () => {
    const rng = createRng('rng-test');
    const reference = seedrandom.xor4096('rng-test');
    for (const n of [1, 2, 3, 14, 1000, 0x200000, 0x200001, 1e9]) {
      for (let k = 0; k < 2000; k++) expect(rng.int(n)).toBe(Math.floor(reference() * n));
    }
  });

  it('gives the same stream for the same seed and independent streams for forks', () => {
    expect(resampleIndices(createRng('s'), 50)).toEqual(resampleIndices(createRng('s'), 50));
    expect(resampleIndices(createRng('s').fork('a'), 50)).not.toEqual(resampleIndices(createRng('s').fork('b'), 50));
  });
});
