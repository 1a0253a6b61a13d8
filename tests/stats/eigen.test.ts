import { describe, expect, it } from 'vitest';
import { determinant, symmetricEigen } from '../../pipeline/stats/eigen.ts';

describe('symmetric eigendecomposition', () => {
  it('matches the hand-computed 2×2 case [[2, 1], [1, 2]]', () => {
    // det([[2-λ, 1], [1, 2-λ]]) = (2-λ)² - 1 = 0 → λ = 3, 1; vectors (1, 1)/√2 and (1, -1)/√2.
    const e = symmetricEigen([
      [2, 1],
      [1, 2],
    ]);
    expect(e.values[0]).toBeCloseTo(3, 12);
    expect(e.values[1]).toBeCloseTo(1, 12);
    expect(e.vectors[0]![0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(e.vectors[0]![1]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(e.vectors[1]![0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(e.vectors[1]![1]).toBeCloseTo(-Math.SQRT1_2, 12);
    expect(determinant(e.values)).toBeCloseTo(3, 12);
  });

  it('sorts eigenvalues in decreasing order and makes the chosen component non-negative', () => {
    const e = symmetricEigen(
      [
        [1, 0, 0],
        [0, 5, 0],
        [0, 0, 2],
      ],
      1,
    );
    expect(e.values.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([5, 2, 1]);
    for (const v of e.vectors) expect(v[1]).toBeGreaterThanOrEqual(0);
    // where the chosen component is zero the largest-magnitude component is made positive
    expect(e.vectors[1]![2]).toBeCloseTo(1, 12);
  });
});
