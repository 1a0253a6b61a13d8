import { boostingChain } from './boosting-chain.ts';
import type { LossCore } from './types.ts';
import { offsetPowerLaw } from '../stats/power-law-fit.ts';
import type { StageContext } from '../stage-context.ts';
import { makeTable } from '../table.ts';
import type { Table } from '../types.ts';

const LOSS = 'cross-entropy loss (nats per token; evaluation set not documented for the Fig. 2 values)';

function fitTable(core: LossCore): Table {
  const rows = core.fits.flatMap((l) =>
    [
      ['fitted (full precision)', l.fit.e, l.fit.alpha, l.constant],
      ['rounded to the printed decimals', l.rounded.e, l.rounded.alpha, l.constantRounded],
    ].map(([params, e, alpha, c]) => {
      const s = c as typeof l.constant;
      return {
        dataset: l.dataset,
        params: params as string,
        n: l.points.length,
        e: e as number,
        a: l.fit.a,
        alpha: alpha as number,
        r2: l.fit.r2,
        mape: l.mape,
        mean: s.mean,
        sd_pop: s.sdPopulation,
        sd_sample: s.sdSample,
        cv_pop: s.cvPopulation,
        cv_sample: s.cvSample,
        min: s.min,
        max: s.max,
      };
    }),
  );
  return makeTable(
    'A-s3-loss-fit',
    `Loss fit L = E + A·N^−α (N in parameters, L = ${LOSS}) and the constant N^α(L − E) (Paper A §3, Fig. 2a)`,
    [
      ['dataset', 'losses'],
      ['params', 'E and α used for the constant'],
      ['n', 'models'],
      ['e', 'E (nats)'],
      ['a', 'A (fitted)'],
      ['alpha', 'α'],
      ['r2', 'R² of the fit'],
      ['mape', 'fit MAPE (%)'],
      ['mean', 'mean of N^α(L − E)'],
      ['sd_pop', 'SD, population (ddof 0)'],
      ['sd_sample', 'SD, sample (ddof 1)'],
      ['cv_pop', 'CV, population SD (%)'],
      ['cv_sample', 'CV, sample SD (%)'],
      ['min', 'smallest per-model value'],
      ['max', 'largest per-model value'],
    ],
    rows,
    [
      'Nonlinear least squares by profiling: for each α, E and A are the OLS solution of L on N^−α; the residual sum of squares is minimised over α by a grid scan and golden-section refinement. A and R² always come from the full-precision fit.',
    ],
    ['dataset', 'params'],
  );
}

function perModelTable(core: LossCore): Table {
  const rows = core.fits.flatMap((l) =>
    l.points.map((p, i) => ({
      dataset: l.dataset,
      model: p.model,
      params: p.params,
      loss: p.loss,
      fitted: offsetPowerLaw(l.fit, p.params),
      constant: l.constant.values[i]!,
      constant_rounded: l.constantRounded.values[i]!,
    })),
  );
  return makeTable(
    'A-fig2a-loss-constant',
    'Per-model loss, fitted loss and the constant N^α(L − E) (Paper A Fig. 2a)',
    [
      ['dataset', 'losses'],
      ['model', 'model'],
      ['params', 'N (parameters)'],
      ['loss', `L, ${LOSS}`],
      ['fitted', 'fitted L (nats)'],
      ['constant', 'N^α(L − E), fitted E and α'],
      ['constant_rounded', 'N^α(L − E), E and α rounded as printed'],
    ],
    rows,
    [],
    ['dataset', 'model'],
  );
}

function chainTable(core: LossCore): Table {
  const rows = boostingChain(core).map((b) => ({ level: b.level, description: b.description, computable: b.computable, value: b.value, note: b.note }));
  return makeTable(
    'A-fig2b-boosting-chain',
    'Boosting chain of Paper A Fig. 2b: what can be recomputed from the released data',
    [
      ['level', 'level'],
      ['description', 'correction'],
      ['computable', 'recomputable from data'],
      ['value', 'error (%): the level’s MAPE, or the closest computable quantity'],
      ['note', 'how, or why not'],
    ],
    rows,
    [],
    ['level'],
  );
}

function gradientTables(core: LossCore, ctx: StageContext): Table[] {
  const g = core.gradient;
  const stored = ctx.data.internals.authors.betaFit;
  const st = (k: string) => (stored.has(k) ? Number(stored.get(k)) : null);
  const fitRows = [
    { quantity: 'k in ‖∇L‖ ∝ L^k (ln-ln OLS)', value: g.k.slope, se: g.k.slopeSe, r: g.k.r, stored: st('grad_loss_exponent') },
    { quantity: 'β in ‖∇L‖ ∝ N^−β', value: -g.beta.slope, se: g.beta.slopeSe, r: g.beta.r, stored: st('beta') },
    { quantity: 'α in L ∝ N^−α (no offset)', value: -g.alpha.slope, se: g.alpha.slopeSe, r: g.alpha.r, stored: st('alpha') },
    { quantity: 'β / α', value: g.beta.slope / g.alpha.slope, se: null, r: null, stored: st('beta_over_alpha') },
    { quantity: `${g.dip.model} below the N power law, all models (%)`, value: 100 * g.dip.belowAll, se: null, r: null, stored: null },
    { quantity: `${g.dip.model} below the N power law fitted without it (%)`, value: 100 * g.dip.belowLeaveOut, se: null, r: null, stored: null },
    ...g.arrhenius.map((a) => ({
      quantity: `C in ‖∇L‖ ∝ exp(−C/L), ${a.phase} (${a.models.length} models)`,
      value: a.fit ? -a.fit.slope : null,
      se: a.fit?.slopeSe ?? null,
      r: a.fit?.r ?? null,
      stored: null,
    })),
  ];
  const modelRows = g.models.map((m, i) => ({
    model: m.model,
    params: m.params,
    loss: m.lossMean,
    grad: m.gradNormMean,
    by_loss: g.fitted[i]!.byLoss,
    by_n: g.fitted[i]!.byN,
  }));
  const note =
    'Released measurements (data/internals/gradient_norms_models.csv: wikitext-2 loss and gradient L2 norm, mean of 10 samples); stored = the authors’ fit in beta_final_6model.json, cross-check only.';
  return [
    makeTable(
      'A-appA8-gradient-law',
      'Gradient-norm laws on the 6 released Pythia gradient norms (Paper A App. A.8)',
      [
        ['quantity', 'quantity'],
        ['value', 'value'],
        ['se', 'standard error'],
        ['r', 'Pearson r of the fitted pair'],
        ['stored', 'authors’ stored value'],
      ],
      fitRows,
      [note],
      ['quantity'],
    ),
    makeTable(
      'A-appA8-gradient-models',
      'Per-model gradient norms with the two power-law fits',
      [
        ['model', 'model'],
        ['params', 'N (parameters)'],
        ['loss', 'loss_mean (nats, wikitext-2)'],
        ['grad', '‖∇L‖ mean'],
        ['by_loss', '‖∇L‖ from c·L^k'],
        ['by_n', '‖∇L‖ from c·N^−β'],
      ],
      modelRows,
      [note],
      ['model'],
    ),
  ];
}

export function lossTables(core: LossCore, ctx: StageContext): Table[] {
  return [fitTable(core), perModelTable(core), chainTable(core), ...gradientTables(core, ctx)];
}
