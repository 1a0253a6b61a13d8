import type { Config } from '../config.ts';
import { mean, sd } from '../stats/describe.ts';
import { fitOffsetPowerLaw, offsetPowerLaw, type OffsetPowerLaw } from '../stats/power-law-fit.ts';

export interface LossPoint {
  model: string;
  /** Parameters (raw count). */
  params: number;
  loss: number;
}

/** Spread of the "loss-blindness constant" N^α (L − E) across models. */
export interface ConstantStats {
  values: number[];
  mean: number;
  sdPopulation: number;
  sdSample: number;
  /** CV in percent. */
  cvPopulation: number;
  cvSample: number;
  min: number;
  max: number;
}

export interface LossFit {
  dataset: string;
  points: LossPoint[];
  fit: OffsetPowerLaw;
  /** Mean absolute percentage error of the fit on the losses it was fitted to (%). */
  mape: number;
  /** The constant with the fitted E and α at full precision. */
  constant: ConstantStats;
  /** The same with E and α rounded to the decimals the paper prints (the figure script hard-codes those). */
  constantRounded: ConstantStats;
  rounded: { e: number; alpha: number };
  curve: { params: number; loss: number }[];
}

export function constantStats(points: readonly LossPoint[], e: number, alpha: number): ConstantStats {
  const values = points.map((p) => p.params ** alpha * (p.loss - e));
  const m = mean(values);
  const sdPopulation = sd(values, 0);
  const sdSample = sd(values, 1);
  return {
    values,
    mean: m,
    sdPopulation,
    sdSample,
    cvPopulation: (100 * sdPopulation) / m,
    cvSample: (100 * sdSample) / m,
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

const round = (x: number, d: number) => Number(x.toFixed(d));

export function lossFit(dataset: string, points: readonly LossPoint[], cfg: Config['loss']): LossFit {
  const n = points.map((p) => p.params);
  const l = points.map((p) => p.loss);
  const fit = fitOffsetPowerLaw(n, l, cfg);
  const mape = 100 * mean(points.map((p) => Math.abs(offsetPowerLaw(fit, p.params) - p.loss) / p.loss));
  const rounded = { e: round(fit.e, cfg.printedDecimals), alpha: round(fit.alpha, cfg.printedDecimals) };
  const lo = Math.log10(Math.min(...n));
  const hi = Math.log10(Math.max(...n));
  const curve = Array.from({ length: cfg.curvePoints }, (_, i) => {
    const params = 10 ** (lo + ((hi - lo) * i) / (cfg.curvePoints - 1));
    return { params, loss: offsetPowerLaw(fit, params) };
  });
  return {
    dataset,
    points: [...points],
    fit,
    mape,
    constant: constantStats(points, fit.e, fit.alpha),
    constantRounded: constantStats(points, rounded.e, rounded.alpha),
    rounded,
    curve,
  };
}
