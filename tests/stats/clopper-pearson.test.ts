import { describe, expect, it } from 'vitest';
import { clopperPearson } from '../../pipeline/stats/clopper-pearson.ts';
import { mcnemarExact } from '../../pipeline/stats/mcnemar.ts';

/** Binomial tail sums by direct summation, for hand checks. */
function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - i + 1)) / i;
  return c;
}
const cdf = (k: number, n: number, p: number) => Array.from({ length: k + 1 }, (_, i) => choose(n, i) * p ** i * (1 - p) ** (n - i)).reduce((a, b) => a + b, 0);

describe('Clopper–Pearson interval', () => {
  it('puts exactly 2.5% in each tail at its bounds: P(X >= k | low) = P(X <= k | high) = 0.025', () => {
    for (const [k, n] of [
      [3, 10],
      [7, 20],
      [1, 5],
    ] as const) {
      const [low, high] = clopperPearson(k, n, 0.95);
      expect(1 - cdf(k - 1, n, low)).toBeCloseTo(0.025, 9);
      expect(cdf(k, n, high)).toBeCloseTo(0.025, 9);
    }
  });

  it('is [0, 1 − 0.025^(1/n)] at k = 0 and mirrored at k = n', () => {
    expect(clopperPearson(0, 10, 0.95)).toEqual([0, expect.closeTo(1 - 0.025 ** 0.1, 12)]);
    const [low, high] = clopperPearson(10, 10, 0.95);
    expect(high).toBe(1);
    expect(low).toBeCloseTo(0.025 ** 0.1, 12);
  });

  it('refuses an impossible count', () => {
    expect(() => clopperPearson(4, 3, 0.95)).toThrow(/0 <= k <= n/);
    expect(() => clopperPearson(0, 0, 0.95)).toThrow();
  });
});

describe('exact McNemar test', () => {
  it('is 1 with no discordant items and when they split evenly', () => {
    expect(mcnemarExact(0, 0)).toBe(1);
    expect(mcnemarExact(3, 3)).toBe(1);
  });

  it('matches the hand calculation: 1 against 9 discordant gives 2·(1 + 10)/1024', () => {
    expect(mcnemarExact(1, 9)).toBeCloseTo((2 * 11) / 1024, 12);
    expect(mcnemarExact(9, 1)).toBeCloseTo((2 * 11) / 1024, 12);
    expect(mcnemarExact(0, 6)).toBeCloseTo(2 / 64, 12);
  });

  it('stays finite and small for many one-sided discordant items', () => {
    const p = mcnemarExact(0, 2000);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(1e-300);
  });
});
