import type { GradientModelRow } from '../internals/ingest.ts';
import { mean } from '../stats/describe.ts';
import { fitLine, type LineFit } from '../stats/ols.ts';

export interface GradientLaw {
  models: GradientModelRow[];
  /** ln ‖∇L‖ = c + k ln L. */
  k: LineFit;
  /** ln ‖∇L‖ = c − β ln N. */
  beta: LineFit;
  /** ln L = c − α ln N (a pure power law in N, as the authors' beta file fits it). */
  alpha: LineFit;
  /** Per model: ‖∇L‖ predicted by exp(c)·L^k and by exp(c)·N^−β. */
  fitted: { model: string; byLoss: number; byN: number }[];
  /** MAPE (%) of ‖∇L‖ predicted by exp(c)·L^k. */
  kMape: number;
  /** The model furthest below the ‖∇L‖-vs-N power law, as a fraction below it (all six, and refitted without it). */
  dip: { model: string; belowAll: number; belowLeaveOut: number };
  /** ln ‖∇L‖ = c − C / L, over all models and per phase where a phase has at least two models. */
  arrhenius: { phase: string; models: string[]; fit: LineFit | null }[];
}

const ln = Math.log;

/** How far m sits below the power law of gradient norm on N fitted to `fitOn`, as a fraction. */
function below(fitOn: readonly GradientModelRow[], m: GradientModelRow): number {
  const f = fitLine(
    fitOn.map((r) => ln(r.params)),
    fitOn.map((r) => ln(r.gradNormMean)),
  );
  return 1 - m.gradNormMean / Math.exp(f.intercept + f.slope * ln(m.params));
}

export function gradientLaw(models: GradientModelRow[], phaseOf: (m: GradientModelRow) => string | null): GradientLaw {
  const lg = models.map((m) => ln(m.gradNormMean));
  const k = fitLine(
    models.map((m) => ln(m.lossMean)),
    lg,
  );
  const beta = fitLine(
    models.map((m) => ln(m.params)),
    lg,
  );
  const alpha = fitLine(
    models.map((m) => ln(m.params)),
    models.map((m) => ln(m.lossMean)),
  );
  const fitted = models.map((m) => ({
    model: m.model,
    byLoss: Math.exp(k.intercept + k.slope * ln(m.lossMean)),
    byN: Math.exp(beta.intercept + beta.slope * ln(m.params)),
  }));
  const kMape = 100 * mean(models.map((m, i) => Math.abs(fitted[i]!.byLoss - m.gradNormMean) / m.gradNormMean));
  const dipModel = models.reduce((a, b) => (below(models, b) > below(models, a) ? b : a));
  const dip = {
    model: dipModel.model,
    belowAll: below(models, dipModel),
    belowLeaveOut: below(
      models.filter((m) => m !== dipModel),
      dipModel,
    ),
  };
  const arr = (phase: string, ms: GradientModelRow[]) => ({
    phase,
    models: ms.map((m) => m.model),
    fit:
      ms.length >= 2
        ? fitLine(
            ms.map((m) => 1 / m.lossMean),
            ms.map((m) => ln(m.gradNormMean)),
          )
        : null,
  });
  const phases = ['tax', 'transition', 'bonus'].map((p) =>
    arr(
      p,
      models.filter((m) => phaseOf(m) === p),
    ),
  );
  return { models, k, beta, alpha, fitted, kMape, dip, arrhenius: [arr('all', models), ...phases] };
}
