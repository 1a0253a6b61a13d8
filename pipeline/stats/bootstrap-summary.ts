import { quantile, sortedCopy } from './describe.ts';

/** A percentile interval, with how far each bound could move by Monte Carlo error alone. */
export interface PercentileInterval {
  low: number;
  high: number;
  /** 95% Monte Carlo ranges of the two bounds (order-statistic intervals). */
  lowMc: [number, number];
  highMc: [number, number];
}

export interface BootstrapSummary {
  /** Draws summarised (kept resamples). */
  n: number;
  median: number;
  mean: number;
  /** One per requested level, in the same order. */
  intervals: PercentileInterval[];
}

/**
 * Distribution-free 95% interval for the q-quantile of the population the
 * draws come from: the number of draws below it is Binomial(n, q), so its
 * rank lies within n·q ± 1.96·sqrt(n q (1 − q)).
 */
export function quantileMcRange(sorted: readonly number[], q: number): [number, number] {
  const n = sorted.length;
  if (n === 0) return [NaN, NaN];
  const half = 1.96 * Math.sqrt(n * q * (1 - q));
  const at = (rank: number) => sorted[Math.min(n - 1, Math.max(0, Math.round(rank)))]!;
  return [at(n * q - half - 1), at(n * q + half - 1)];
}

/** Median, mean and percentile intervals (type-7 quantiles, numpy's default) of bootstrap draws. */
export function summariseDraws(draws: ArrayLike<number>, levels: readonly number[]): BootstrapSummary {
  const s = sortedCopy(draws);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return {
    n: s.length,
    median: quantile(s, 0.5),
    mean: s.length ? mean : NaN,
    intervals: levels.map((l) => {
      const q = (1 - l) / 2;
      return { low: quantile(s, q), high: quantile(s, 1 - q), lowMc: quantileMcRange(s, q), highMc: quantileMcRange(s, 1 - q) };
    }),
  };
}
