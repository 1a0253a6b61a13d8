import { Matrix, inverse, solve } from 'ml-matrix';
import tquantile from '@stdlib/stats-base-dists-t-quantile';
import { pearsonP } from './pearson.ts';

export interface OlsFit {
  /** Coefficients in the order of the design-matrix columns. */
  coef: number[];
  se: number[];
  /** Two-sided 95% intervals from the t distribution with `df` degrees of freedom. */
  ci95: [number, number][];
  df: number;
  r2: number;
  residuals: number[];
  sigma: number;
}

/** Least squares for y = X b. Standard errors assume homoscedastic errors. */
export function ols(X: number[][], y: readonly number[]): OlsFit {
  const n = y.length;
  const k = X[0]?.length ?? 0;
  const A = new Matrix(X);
  const Y = Matrix.columnVector(y as number[]);
  const coef = solve(A, Y, true).to1DArray();
  const fitted = A.mmul(Matrix.columnVector(coef)).to1DArray();
  const residuals = y.map((v, i) => v - fitted[i]!);
  const rss = residuals.reduce((s, e) => s + e * e, 0);
  const my = y.reduce((s, v) => s + v, 0) / n;
  const tss = y.reduce((s, v) => s + (v - my) ** 2, 0);
  const df = n - k;
  const sigma2 = df > 0 ? rss / df : NaN;
  const xtxInv = df > 0 ? inverse(A.transpose().mmul(A)) : null;
  const se = coef.map((_, j) => (xtxInv ? Math.sqrt(sigma2 * xtxInv.get(j, j)) : NaN));
  const t = df > 0 ? tquantile(0.975, df) : NaN;
  return {
    coef,
    se,
    ci95: coef.map((b, j) => [b - t * se[j]!, b + t * se[j]!] as [number, number]),
    df,
    r2: tss === 0 ? NaN : 1 - rss / tss,
    residuals,
    sigma: Math.sqrt(sigma2),
  };
}

export interface LineFit {
  slope: number;
  intercept: number;
  slopeSe: number;
  interceptSe: number;
  slopeCi95: [number, number];
  interceptCi95: [number, number];
  r: number;
  /** Two-sided p of the slope (equal to that of r). */
  p: number;
  r2: number;
  n: number;
}

export function fitLine(x: readonly number[], y: readonly number[]): LineFit {
  const f = ols(
    x.map((v) => [1, v]),
    y,
  );
  const slope = f.coef[1]!;
  const r = Math.sign(slope) * Math.sqrt(Math.max(0, f.r2));
  return {
    slope,
    intercept: f.coef[0]!,
    slopeSe: f.se[1]!,
    interceptSe: f.se[0]!,
    slopeCi95: f.ci95[1]!,
    interceptCi95: f.ci95[0]!,
    r,
    p: pearsonP(r, x.length),
    r2: f.r2,
    n: x.length,
  };
}

/** Polynomial coefficients c0 + c1 x + ... + cd x^d by least squares. */
export function polyfit(x: readonly number[], y: readonly number[], degree: number): number[] {
  return ols(
    x.map((v) => Array.from({ length: degree + 1 }, (_, j) => v ** j)),
    y,
  ).coef;
}

export function polyval(coef: readonly number[], x: number): number {
  let s = 0;
  for (let j = coef.length - 1; j >= 0; j--) s = s * x + coef[j]!;
  return s;
}
