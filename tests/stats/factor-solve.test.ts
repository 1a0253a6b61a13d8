import { describe, expect, it } from 'vitest';
import { factorSolver, factorSystem, leastSquaresOnTerms, ridgeOnTerms } from '../../pipeline/stats/factor-solve.ts';
import { leastSquares, ridge, rowSolver, stlsqWith } from '../../pipeline/stats/stlsq.ts';
import { absorbRow, emptyFactor, type TriangularFactor } from '../../pipeline/stats/triangular-factor.ts';

/** The factor of rows [x | y]. */
function factorOf(X: number[][], ys: number[][]): TriangularFactor {
  const f = emptyFactor(X[0]!.length + ys.length);
  X.forEach((row, i) => absorbRow(f, [...row, ...ys.map((y) => y[i]!)]));
  return f;
}

let seed = 17;
const draw = () => (seed = (seed * 48271) % 2147483647) / 2147483647 - 0.5;
const X = Array.from({ length: 30 }, () => {
  const x = [draw(), draw(), draw()];
  return [1, ...x, x[0]! * x[1]!, x[2]! ** 2];
});
const truth = [0.5, 2, 0, -1.5, 0, 3];
const y1 = X.map((r) => r.reduce((s, v, j) => s + v * truth[j]!, 0) + 0.01 * draw());
const y2 = X.map(() => draw());
const sys = factorSystem(factorOf(X, [y1, y2]), 6);
const pick = (keep: boolean[]) => X.map((r) => r.filter((_, j) => keep[j]));

function expectClose(a: number[], b: number[], tol: number) {
  expect(a).toHaveLength(b.length);
  a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i]!))));
}

describe('solves on a triangular factor', () => {
  it('fits y = 2 + 3x exactly, by hand', () => {
    const xs = [0, 1, 2, 5];
    const s = factorSystem(
      factorOf(
        xs.map((x) => [1, x]),
        [xs.map((x) => 2 + 3 * x)],
      ),
      2,
    );
    expectClose(leastSquaresOnTerms(s, [true, true], 0), [2, 3], 1e-12);
  });

  it('gives the least-squares solution of the rows on any subset of terms, for each right-hand side', () => {
    for (const keep of [
      [true, true, true, true, true, true],
      [true, true, false, true, false, false],
      [false, false, true, false, true, true],
    ]) {
      expectClose(leastSquaresOnTerms(sys, keep, 0), leastSquares(pick(keep), y1), 1e-10);
      expectClose(leastSquaresOnTerms(sys, keep, 1), leastSquares(pick(keep), y2), 1e-10);
    }
  });

  it('gives the ridge solution of the rows on any subset of terms', () => {
    for (const alpha of [1e-5, 0.1, 10]) {
      for (const keep of [
        [true, true, true, true, true, true],
        [false, true, true, false, true, false],
      ]) {
        expectClose(ridgeOnTerms(sys, keep, 0, alpha), ridge(pick(keep), y1, alpha), 1e-10);
      }
    }
  });

  it('returns the minimum-norm solution, as the SVD route does, when two kept terms are the same column', () => {
    const xs = [0, 1, 2, 3];
    const s = factorSystem(
      factorOf(
        xs.map((x) => [1, x, x]),
        [xs.map((x) => 2 + 3 * x)],
      ),
      3,
    );
    expectClose(leastSquaresOnTerms(s, [true, true, true], 0), [2, 1.5, 1.5], 1e-9);
    // Without a penalty the singular Gram matrix has no Cholesky factor; the SVD route answers.
    expectClose(ridgeOnTerms(s, [true, true, true], 0, 0), [2, 1.5, 1.5], 1e-9);
  });

  it('runs STLSQ to the same support and coefficients as on the rows', () => {
    const opts = { threshold: 0.2, ridgeAlpha: 1e-6, maxIterations: 20 };
    const all = truth.map(() => true);
    const onRows = stlsqWith(rowSolver(X, y1, opts.ridgeAlpha), opts, ridge(X, y1, opts.ridgeAlpha));
    const onFactor = stlsqWith(factorSolver(sys, 0, opts.ridgeAlpha), opts, ridgeOnTerms(sys, all, 0, opts.ridgeAlpha));
    expect(onFactor.support).toEqual([true, true, false, true, false, true]);
    expect(onFactor.support).toEqual(onRows.support);
    expect(onFactor.iterations).toBe(onRows.iterations);
    expectClose(onFactor.coef, onRows.coef, 1e-10);
    expect(factorSolver(sys, 0, 0).samples).toBe(30);
  });
});
