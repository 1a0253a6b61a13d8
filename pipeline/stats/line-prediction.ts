import tquantile from '@stdlib/stats-base-dists-t-quantile';
import { mean } from './describe.ts';
import type { LineFit } from './ols.ts';

export interface LinePrediction {
  x: number;
  fitted: number;
  /** Prediction interval for a new observation at x (not the narrower interval for the mean). */
  low: number;
  high: number;
}

/** Fitted value and t-based prediction interval of a new point, from the line fitted to (xs, ys). */
export function predictOnLine(fit: LineFit, xs: readonly number[], ys: readonly number[], x: number, level: number): LinePrediction {
  const n = xs.length;
  const mx = mean(xs);
  let sxx = 0;
  let rss = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i]! - mx) ** 2;
    rss += (ys[i]! - (fit.intercept + fit.slope * xs[i]!)) ** 2;
  }
  const fitted = fit.intercept + fit.slope * x;
  const s = Math.sqrt(rss / (n - 2));
  const half = tquantile(1 - (1 - level) / 2, n - 2) * s * Math.sqrt(1 + 1 / n + (x - mx) ** 2 / sxx);
  return { x, fitted, low: fitted - half, high: fitted + half };
}
