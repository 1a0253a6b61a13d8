import tcdf from '@stdlib/stats-base-dists-t-cdf';
import { mean } from './describe.ts';

export function pearson(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) throw new Error(`pearson: length mismatch ${x.length} vs ${y.length}`);
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}

/** Two-sided p-value of r under H0: rho = 0, from t = r sqrt(df / (1 - r^2)). */
export function pearsonP(r: number, n: number, lostDf = 0): number {
  const df = n - 2 - lostDf;
  if (!(df > 0) || !Number.isFinite(r)) return NaN;
  if (Math.abs(r) >= 1) return 0;
  const t = Math.abs(r) * Math.sqrt(df / (1 - r * r));
  return 2 * (1 - tcdf(t, df));
}

function residuals(y: readonly number[], z: readonly number[]): number[] {
  const mz = mean(z);
  const my = mean(y);
  let szz = 0;
  let szy = 0;
  for (let i = 0; i < z.length; i++) {
    szz += (z[i]! - mz) ** 2;
    szy += (z[i]! - mz) * (y[i]! - my);
  }
  const b = szy / szz;
  return y.map((v, i) => v - my - b * (z[i]! - mz));
}

/** Correlation of x and y after removing a linear trend in z from both; p uses n - 3 df. */
export function partialCorrelation(x: readonly number[], y: readonly number[], z: readonly number[]): { r: number; p: number } {
  const r = pearson(residuals(x, z), residuals(y, z));
  return { r, p: pearsonP(r, x.length, 1) };
}
