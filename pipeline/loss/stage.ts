/** The loss stage (Paper A §3, Fig. 2a–b, App. A.8): L = E + A·N^−α, the loss-blindness constant, the boosting chain and the gradient-norm law. */
import { gradientLaw } from './gradient-law.ts';
import { familyIntervals, modelPhases } from '../intervals.ts';
import { lossClaims } from './claims.ts';
import { lossFit } from './fit.ts';
import { lossTables } from './tables.ts';
import { familiesOf, publishedPanel } from '../panels.ts';
import type { StageContext } from '../stage-context.ts';
import type { LossCore, LossOutput } from './types.ts';

export type { LossCore, LossOutput } from './types.ts';

export const FIGURE_LOSSES = 'Fig. 2 script losses, 8 Pythia models (data/extracted/pythia-figure-table.csv)';
export const GRADIENT_LOSSES = 'wikitext-2 loss_mean, 6 Pythia models (data/internals/gradient_norms_models.csv)';

/** Phase of each Pythia size in the as-published panel (interval ending at it), for the per-phase Arrhenius fit. */
function pythiaPhases(ctx: StageContext): (params: number) => string | null {
  const pythia = (familiesOf(publishedPanel(ctx.data)).get('Pythia') ?? []).filter((m) => m.quirk !== 'misfiled');
  const phases = modelPhases(familyIntervals(pythia, ctx.config.coupling.minDeltaHs, ctx.config.coupling.phaseThreshold));
  return (params) => {
    const m = pythia.find((x) => Math.abs(x.paramsB * 1e9 - params) <= 1e-6 * params);
    return m ? (phases.get(m.model) ?? null) : null;
  };
}

export function runLoss(ctx: StageContext): LossOutput {
  const cfg = ctx.config.loss;
  const fig = ctx.data.pythiaFigure.map((r) => ({ model: r.model, params: r.paramsB * 1e9, loss: r.loss }));
  const grad = ctx.data.internals.gradientModels.map((r) => ({ model: r.model, params: r.params, loss: r.lossMean }));
  const phaseAt = pythiaPhases(ctx);
  const core: LossCore = {
    fits: [lossFit(FIGURE_LOSSES, fig, cfg), lossFit(GRADIENT_LOSSES, grad, cfg)],
    gradient: gradientLaw(ctx.data.internals.gradientModels, (m) => phaseAt(m.params)),
  };
  return { ...core, tables: lossTables(core, ctx), claims: lossClaims(core, ctx) };
}
