import type { PolySystem } from './library.ts';
import { log10N, type Trajectory } from './data.ts';
import { simulate, type SimSettings } from './fit.ts';
import { mean } from '../stats/describe.ts';
import { polyfit, polyval } from '../stats/ols.ts';

export interface SizedScore {
  family: string;
  model: string;
  paramsB: number;
  value: number;
}

export interface PolyHoldout {
  degree: number;
  coef: number[];
  predicted: number[];
  actual: number[];
  /** Mean |predicted − actual| / actual × 100 over the targets. */
  mape: number;
}

export const mapeOf = (predicted: readonly number[], actual: readonly number[]) => mean(predicted.map((p, i) => (100 * Math.abs(p - actual[i]!)) / actual[i]!));

/** Polynomial of a score on log10 N (N in parameters) fitted on `train`, evaluated on `targets`. */
export function polyHoldout(train: readonly SizedScore[], targets: readonly SizedScore[], degree: number): PolyHoldout {
  const coef = polyfit(
    train.map((p) => log10N(p.paramsB)),
    train.map((p) => p.value),
    degree,
  );
  const predicted = targets.map((p) => polyval(coef, log10N(p.paramsB)));
  const actual = targets.map((p) => p.value);
  return { degree, coef, predicted, actual, mape: mapeOf(predicted, actual) };
}

/** Dense curve of a fitted polynomial between two sizes, for plotting. */
export function polyCurve(coef: readonly number[], fromB: number, toB: number, perDecade: number): { paramsB: number; value: number }[] {
  const t0 = log10N(fromB);
  const t1 = log10N(toB);
  const n = Math.max(2, Math.ceil((t1 - t0) * perDecade) + 1);
  return Array.from({ length: n }, (_, i) => {
    const t = t0 + ((t1 - t0) * i) / (n - 1);
    return { paramsB: 10 ** t / 1e9, value: polyval(coef, t) };
  });
}

export interface OdeHoldout {
  /** Predicted scores (percent) at every model after the start, all five benchmarks. */
  predicted: number[][];
  actual: number[][];
  models: string[];
  /** MAPE over the predicted models, every benchmark pooled. */
  mapeAll: number | null;
  /** MAPE per benchmark over the predicted models. */
  mapePerBenchmark: (number | null)[];
  divergedAt: number | null;
}

/** The ODE route: start from the held-out family's smallest model and integrate to its other sizes. */
export function odeHoldout(sys: PolySystem, target: Trajectory, sim: SimSettings): OdeHoldout {
  const times = target.t.slice(1);
  const { predicted, divergedAt } = simulate(sys, target.states[0]!, target.t[0]!, times, sim);
  const actual = target.states.slice(1);
  const ok = divergedAt === null;
  const perBenchmark = actual[0]!.map((_, j) =>
    ok
      ? mapeOf(
          predicted.map((r) => r[j]!),
          actual.map((r) => r[j]!),
        )
      : null,
  );
  return {
    predicted,
    actual,
    models: target.models.slice(1),
    mapeAll: ok ? mapeOf(predicted.flat(), actual.flat()) : null,
    mapePerBenchmark: perBenchmark,
    divergedAt,
  };
}
