import { describe, expect, it } from 'vitest';
import { quantileMcRange, summariseDraws } from '../../pipeline/stats/bootstrap-summary.ts';
import { createRng } from '../../pipeline/stats/rng.ts';

describe('bootstrap summary', () => {
  it('gives type-7 percentile intervals that nest around the median', () => {
    const s = summariseDraws([5, 1, 4, 2, 3], [0.5, 0.9]);
    expect(s.median).toBe(3);
    // type 7: h = (n − 1) q; q = 0.25 → 2, q = 0.05 → 1.2
    expect([s.intervals[0]!.low, s.intervals[0]!.high]).toEqual([2, 4]);
    expect(s.intervals[1]!.low).toBeCloseTo(1.2, 12);
    expect(s.intervals[1]!.high).toBeCloseTo(4.8, 12);
  });

  it('bounds the Monte Carlo error of a quantile by binomial order statistics', () => {
    // n = 1000, q = 0.5: 1.96·sqrt(250) = 31.0, so ranks 500 ± 31 (1-based) → values 468 and 530.
    const sorted = Array.from({ length: 1000 }, (_, i) => i);
    expect(quantileMcRange(sorted, 0.5)).toEqual([468, 530]);
  });

  it('covers the population quantile in about 95% of fresh samples', () => {
    const rng = createRng('mc');
    let covered = 0;
    const runs = 400;
    for (let k = 0; k < runs; k++) {
      const sorted = Array.from({ length: 2000 }, () => rng.next()).sort((a, b) => a - b);
      const [lo, hi] = quantileMcRange(sorted, 0.975);
      if (lo <= 0.975 && 0.975 <= hi) covered++;
    }
    expect(covered / runs).toBeGreaterThan(0.9);
    expect(covered / runs).toBeLessThan(0.99);
  });
});
