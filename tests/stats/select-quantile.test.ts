import { describe, expect, it } from 'vitest';
import { quantile } from '../../pipeline/stats/describe.ts';
import { selectQuantile } from '../../pipeline/stats/select-quantile.ts';
import { createRng } from '../../pipeline/stats/rng.ts';

describe('quantiles by selection', () => {
  it('equal the sorted type-7 quantiles, ties and duplicates included', () => {
    const rng = createRng('select');
    for (const n of [1, 2, 3, 10, 101, 1000]) {
      const values = Array.from({ length: n }, () => Math.floor(rng.next() * 20) / 4);
      const sorted = [...values].sort((a, b) => a - b);
      for (const q of [0, 0.025, 0.25, 0.5, 0.975, 1]) {
        expect(selectQuantile(Float64Array.from(values), n, q)).toBe(quantile(sorted, q));
      }
    }
  });

  it('uses only the first n values of the buffer', () => {
    const buf = Float64Array.from([5, 1, 3, -100, 100]);
    expect(selectQuantile(buf, 3, 0.5)).toBe(3);
    expect(selectQuantile(buf, 3, 1)).toBe(5);
  });

  it('is NaN for no values', () => {
    expect(selectQuantile(new Float64Array(4), 0, 0.5)).toBeNaN();
  });
});
