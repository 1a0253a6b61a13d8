import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../../pipeline/stats/eigen.ts';
import { correlationMatrix, covarianceMatrix, participationRatio } from '../../pipeline/stats/participation-ratio.ts';

describe('participation ratio d_eff = (Σλ)²/Σλ²', () => {
  it('equals the dimension for an isotropic covariance', () => {
    for (const k of [1, 2, 5, 7]) {
      const iso = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 3.5 : 0)));
      expect(participationRatio(symmetricEigen(iso).values)).toBeCloseTo(k, 10);
    }
  });

  it('is 1 for a rank-1 covariance', () => {
    // C = v vᵀ with v = (1, 2, -1, 0.5, 3): one non-zero eigenvalue |v|².
    const v = [1, 2, -1, 0.5, 3];
    const C = v.map((a) => v.map((b) => a * b));
    const e = symmetricEigen(C);
    expect(e.values[0]).toBeCloseTo(
      v.reduce((s, x) => s + x * x, 0),
      10,
    );
    expect(participationRatio(e.values)).toBeCloseTo(1, 10);
  });

  it('matches a hand calculation for eigenvalues 3 and 1', () => {
    // (3 + 1)² / (9 + 1) = 1.6
    expect(participationRatio([3, 1])).toBeCloseTo(1.6, 12);
  });
});

describe('covariance and correlation matrices', () => {
  it('use n − 1 by default and give a unit diagonal for the correlation', () => {
    // columns (1,2,3) and (2,4,7): var = 1 and 6.333…, cov = 2.5
    const X = [
      [1, 2],
      [2, 4],
      [3, 7],
    ];
    const C = covarianceMatrix(X);
    expect(C[0]![0]).toBeCloseTo(1, 12);
    expect(C[1]![1]).toBeCloseTo(19 / 3, 12);
    expect(C[0]![1]).toBeCloseTo(2.5, 12);
    expect(C[1]![0]).toBe(C[0]![1]);
    expect(covarianceMatrix(X, 0)[0]![0]).toBeCloseTo(2 / 3, 12);
    const R = correlationMatrix(X);
    expect(R[0]![0]).toBeCloseTo(1, 12);
    expect(R[0]![1]).toBeCloseTo(2.5 / Math.sqrt(19 / 3), 12);
  });
});
