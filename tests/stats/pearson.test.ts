import { describe, expect, it } from 'vitest';
import { partialCorrelation, pearson, pearsonP } from '../../pipeline/stats/pearson.ts';

describe('pearson', () => {
  it('matches a hand calculation on four points', () => {
    // x = 1,2,3,4 ; y = 2,1,4,3 → Sxy = 3, Sxx = Syy = 5 → r = 0.6
    expect(pearson([1, 2, 3, 4], [2, 1, 4, 3])).toBeCloseTo(0.6, 12);
  });

  it('is -1 for a perfectly decreasing line and NaN for a constant series', () => {
    expect(pearson([1, 2, 3], [9, 7, 5])).toBeCloseTo(-1, 12);
    expect(pearson([1, 2, 3], [4, 4, 4])).toBeNaN();
  });

  it('gives the two-sided t-test p-value', () => {
    // r = 0.6, n = 4 → t = 0.6·sqrt(2/0.64) = 1.06066; two-sided p with 2 df = 1 - t/sqrt(2 + t²) = 0.4
    expect(pearsonP(0.6, 4)).toBeCloseTo(0.4, 10);
  });
});

describe('partial correlation', () => {
  it('removes a shared linear trend: two series that are trend plus opposite noise become -1', () => {
    const z = [1, 2, 3, 4, 5];
    const noise = [0.3, -0.1, 0.2, -0.5, 0.1];
    const x = z.map((v, i) => 2 * v + noise[i]!);
    const y = z.map((v, i) => -3 * v - noise[i]!);
    const raw = pearson(x, y);
    const { r } = partialCorrelation(x, y, z);
    expect(raw).toBeLessThan(-0.99);
    expect(r).toBeCloseTo(-1, 10);
  });

  it('equals the textbook formula from the three pairwise correlations', () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6];
    const y = [2, 7, 1, 8, 2, 8, 1, 8];
    const z = [1, 2, 3, 4, 5, 6, 7, 8];
    const rxy = pearson(x, y);
    const rxz = pearson(x, z);
    const ryz = pearson(y, z);
    const expected = (rxy - rxz * ryz) / Math.sqrt((1 - rxz ** 2) * (1 - ryz ** 2));
    expect(partialCorrelation(x, y, z).r).toBeCloseTo(expected, 12);
  });
});
