import { describe, expect, it } from 'vitest';
import { exactPermutationTest, monteCarloPermutationTest } from '../../pipeline/stats/permutation.ts';
import { pearson } from '../../pipeline/stats/pearson.ts';
import { createRng } from '../../pipeline/stats/rng.ts';

describe('exact permutation test', () => {
  it('enumerates all 3! orderings: a perfect monotone triple has two-sided p = 2/6', () => {
    // Only the identity (r = 1) and the reversal (r = -1) reach |r| = 1.
    const res = exactPermutationTest([1, 2, 3], [10, 20, 30]);
    expect(res.permutations).toBe(6);
    expect(res.pTwoSided).toBeCloseTo(2 / 6, 12);
    expect(res.pOneSided).toBeCloseTo(1 / 6, 12);
    expect(res.minAttainableP).toBeCloseTo(2 / 6, 12);
  });

  it('counts orderings that tie the observed statistic when the data have tied values', () => {
    // y has a tie: swapping the two 5s reproduces the observed ordering, doubling the count.
    const res = exactPermutationTest([1, 2, 3, 4], [1, 5, 5, 9]);
    expect(res.permutations).toBe(24);
    expect(res.pTwoSided).toBeCloseTo(4 / 24, 12);
    expect(res.pStep).toBeCloseTo(1 / 24, 12);
  });

  it('visits every ordering once: p equals a count over all 6! orderings listed independently', () => {
    const x = [1.5, 2, 3.25, 4, 6, 7.5];
    const y = [2, 1, 4.5, 3, 7, 5];
    const orderings = (xs: number[]): number[][] =>
      xs.length <= 1 ? [xs] : xs.flatMap((v, i) => orderings([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [v, ...rest]));
    const r = pearson(x, y);
    const all = orderings(y).map((o) => pearson(x, o));
    const res = exactPermutationTest(x, y);
    expect(res.permutations).toBe(720);
    expect(res.pTwoSided).toBe(all.filter((v) => Math.abs(v) >= Math.abs(r) * (1 - 1e-10)).length / 720);
    expect(res.pOneSided).toBe(all.filter((v) => v >= r * (1 - 1e-10)).length / 720);
  });

  it('gives p = 1 when the observed correlation is zero', () => {
    expect(exactPermutationTest([1, 2, 3], [2, 1, 2]).pTwoSided).toBe(1);
  });
});

describe('Monte Carlo permutation test', () => {
  it('is reproducible for a seed and varies with the seed', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const y = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8];
    const a = monteCarloPermutationTest(x, y, createRng('s1'), 2000);
    const b = monteCarloPermutationTest(x, y, createRng('s1'), 2000);
    const c = monteCarloPermutationTest(x, y, createRng('s2'), 2000);
    expect(a.pTwoSided).toBe(b.pTwoSided);
    expect(a.pTwoSided).not.toBe(c.pTwoSided);
    expect(a.minAttainableP).toBeCloseTo(1 / 2001, 12);
  });

  it('agrees with the exact test within Monte Carlo error', () => {
    const x = [1, 2, 3, 4, 5, 6, 7];
    const y = [2, 1, 4, 3, 7, 5, 6];
    const exact = exactPermutationTest(x, y).pTwoSided;
    const mc = monteCarloPermutationTest(x, y, createRng('agree'), 20000).pTwoSided;
    expect(Math.abs(mc - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / 20000));
  });
});
