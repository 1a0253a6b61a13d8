import { MultivariateLinearRegression, PolynomialRegression } from 'ml-regression';
import { describe, expect, it } from 'vitest';
import { fitLine, ols, polyfit, polyval } from '../../pipeline/stats/ols.ts';
import { createRng } from '../../pipeline/stats/rng.ts';

describe('ordinary least squares', () => {
  it('matches a hand-computed three-point fit with standard errors', () => {
    // x = 0,1,2 ; y = 1,3,4: slope = Sxy/Sxx = 3/2, intercept = 8/3 - 1.5 = 7/6,
    // residuals = -1/6, 1/3, -1/6 → RSS = 1/6, σ² = 1/6 (1 df), SE(slope) = sqrt(σ²/Sxx) = sqrt(1/12).
    const f = fitLine([0, 1, 2], [1, 3, 4]);
    expect(f.slope).toBeCloseTo(1.5, 12);
    expect(f.intercept).toBeCloseTo(7 / 6, 12);
    expect(f.slopeSe).toBeCloseTo(Math.sqrt(1 / 12), 12);
    // SE(intercept) = sqrt(σ² (1/n + x̄²/Sxx)) = sqrt(1/6 · (1/3 + 1/2)) = sqrt(5/36)
    expect(f.interceptSe).toBeCloseTo(Math.sqrt(5 / 36), 12);
    // t(0.975, 1 df) = 12.7062
    expect(f.slopeCi95[1] - f.slope).toBeCloseTo(12.7062047 * Math.sqrt(1 / 12), 5);
    expect(f.r2).toBeCloseTo(1 - 1 / 6 / (14 / 3), 12);
  });

  it('recovers an exact quadratic', () => {
    const x = [-2, -1, 0, 1, 2, 3];
    const y = x.map((v) => 1 - 2 * v + 0.5 * v * v);
    const c = polyfit(x, y, 2);
    expect(c[0]).toBeCloseTo(1, 10);
    expect(c[1]).toBeCloseTo(-2, 10);
    expect(c[2]).toBeCloseTo(0.5, 10);
    expect(polyval(c, 4)).toBeCloseTo(1 - 8 + 8, 10);
  });

  it('agrees with ml-regression, an independent implementation, on coefficients and standard errors of noisy data', () => {
    const rng = createRng('ols-oracle');
    const X = Array.from({ length: 30 }, () => [rng.next() * 10, rng.next() * 5 - 2]);
    const y = X.map(([a, b]) => 0.7 + 1.3 * a! - 2.1 * b! + (rng.next() - 0.5) * 3);
    const ours = ols(
      X.map((r) => [...r, 1]),
      y,
    );
    const oracle = new MultivariateLinearRegression(
      X,
      y.map((v) => [v]),
      { intercept: true, statistics: true },
    );
    oracle.weights.forEach(([w], j) => expect(ours.coef[j]).toBeCloseTo(w!, 9));
    oracle.stdErrors.forEach((se, j) => expect(ours.se[j]).toBeCloseTo(se, 9));
    const x = X.map((r) => r[0]!);
    const poly = new PolynomialRegression(x, y, 3);
    polyfit(x, y, 3).forEach((c, j) => expect(c).toBeCloseTo(poly.coefficients[j]!, 7));
  });
});
