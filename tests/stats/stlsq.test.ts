import { describe, expect, it } from 'vitest';
import { evalTerms, polynomialTerms, termName } from '../../pipeline/ode/library.ts';
import { integrate } from '../../pipeline/stats/rk4.ts';
import { leastSquares, ridge, stlsq } from '../../pipeline/stats/stlsq.ts';

// Damped linear oscillator x' = v, v' = −x − 0.3 v.
const TRUE = { x: { v: 1 }, v: { x: -1, v: -0.3 } };
const rhs = (_t: number, y: ArrayLike<number>) => [y[1]!, -y[0]! - 0.3 * y[1]!];
const terms = polynomialTerms(2, 3);
const names = terms.map((t) => termName(t, ['x', 'v']));
const opts = { threshold: 0.05, ridgeAlpha: 1e-8, maxIterations: 20 };

function sampled(h: number, n: number) {
  const times = Array.from({ length: n }, (_, i) => (i + 1) * h);
  return [[2, 0], ...integrate(rhs, [2, 0], 0, times, 1000).states.slice()];
}

function coefOf(fit: { coef: number[] }, name: string) {
  return fit.coef[names.indexOf(name)]!;
}

describe('STLSQ', () => {
  it('recovers the damped oscillator exactly from its integrated trajectory, differenced with midpoint states', () => {
    const h = 0.01;
    const X = sampled(h, 800);
    const mids = X.slice(1).map((b, i) => b.map((v, j) => (v + X[i]![j]!) / 2));
    const slopes = X.slice(1).map((b, i) => b.map((v, j) => (v - X[i]![j]!) / h));
    const theta = mids.map((m) => evalTerms(terms, m));
    const fx = stlsq(
      theta,
      slopes.map((s) => s[0]!),
      opts,
    );
    const fv = stlsq(
      theta,
      slopes.map((s) => s[1]!),
      opts,
    );
    expect(names.filter((_, j) => fx.support[j])).toEqual(['v']);
    expect(names.filter((_, j) => fv.support[j]).sort()).toEqual(['v', 'x']);
    // Midpoint differences are second order: coefficients agree to O(h²).
    expect(coefOf(fx, 'v')).toBeCloseTo(TRUE.x.v, 4);
    expect(coefOf(fv, 'x')).toBeCloseTo(TRUE.v.x, 4);
    expect(coefOf(fv, 'v')).toBeCloseTo(TRUE.v.v, 4);
    expect(fx.converged && fv.converged).toBe(true);
    expect(fx.warnings).toEqual([]);
  });

  it('recovers the coefficients to machine precision when the derivatives are exact', () => {
    const X = sampled(0.05, 100);
    const theta = X.map((s) => evalTerms(terms, s));
    const fv = stlsq(
      theta,
      X.map((s) => rhs(0, s)[1]!),
      opts,
    );
    expect(coefOf(fv, 'x')).toBeCloseTo(-1, 10);
    expect(coefOf(fv, 'v')).toBeCloseTo(-0.3, 10);
    expect(fv.coef.filter((c) => c !== 0)).toHaveLength(2);
  });

  it('warns and returns all zeros when every term is pruned', () => {
    const X = sampled(0.05, 50);
    const theta = X.map((s) => evalTerms(terms, s));
    const fit = stlsq(
      theta,
      X.map((s) => rhs(0, s)[0]!),
      { ...opts, threshold: 10 },
    );
    expect(fit.allPruned).toBe(true);
    expect(fit.coef.every((c) => c === 0)).toBe(true);
    expect(fit.warnings.join(' ')).toMatch(/every term pruned/);
  });

  it('flags a support wider than the sample as underdetermined (minimum-norm refit)', () => {
    const theta = [
      [1, 2, 3],
      [2, 1, 0],
    ];
    const fit = stlsq(theta, [1, 2], { threshold: 1e-6, ridgeAlpha: 1e-9, maxIterations: 20 });
    expect(fit.underdetermined).toBe(true);
    expect(fit.warnings.join(' ')).toMatch(/minimum-norm/);
  });

  it('never runs more thresholding passes than allowed', () => {
    const X = sampled(0.05, 60);
    const theta = X.map((s) => evalTerms(terms, s));
    const fit = stlsq(
      theta,
      X.map((s) => rhs(0, s)[1]! + 0.01 * s[0]! ** 3),
      { ...opts, maxIterations: 1 },
    );
    expect(fit.iterations).toBeLessThanOrEqual(1);
  });
});

describe('least squares helpers', () => {
  it('ridge matches the closed form (XᵀX + αI)⁻¹Xᵀy on a 3×2 case worked by hand', () => {
    // XᵀX = [[2,1],[1,2]], Xᵀy = [1,2]; with α = 1: [[3,1],[1,3]]⁻¹ [1,2] = [1/8, 5/8].
    const w = ridge(
      [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
      [0, 1, 1],
      1,
    );
    expect(w[0]).toBeCloseTo(1 / 8, 12);
    expect(w[1]).toBeCloseTo(5 / 8, 12);
  });

  it('least squares returns the minimum-norm solution of a wide system', () => {
    // x1 + x2 = 2 has minimum-norm solution (1, 1).
    const w = leastSquares([[1, 1]], [2]);
    expect(w[0]).toBeCloseTo(1, 12);
    expect(w[1]).toBeCloseTo(1, 12);
  });
});
