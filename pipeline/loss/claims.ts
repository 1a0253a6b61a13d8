import { boostingChain } from './boosting-chain.ts';
import type { LossCore } from './types.ts';
import type { ConstantStats, LossFit } from './fit.ts';
import type { StageContext } from '../stage-context.ts';
import type { ClaimResult, Variant } from '../types.ts';

const f = (x: number, d = 3) => x.toFixed(d);

function fitText(l: LossFit): string {
  return `E ${f(l.fit.e)}, A ${f(l.fit.a, 1)}, α ${f(l.fit.alpha, 4)} (profile least squares over α)`;
}

function constantClaims(l: LossFit, other: LossFit): ClaimResult[] {
  const out: ClaimResult[] = [];
  const variants: [Variant, ConstantStats, string][] = [
    ['as described', l.constant, `fitted E and α at full precision (${fitText(l)})`],
    ['as coded', l.constantRounded, `E ${l.rounded.e} and α ${l.rounded.alpha}: the fit rounded to the printed decimals, as the figure script hard-codes them`],
  ];
  for (const [variant, c, how] of variants) {
    out.push({
      id: 'A.fig2a.const',
      variant,
      value: c.mean,
      low: c.min,
      high: c.max,
      note: `mean of N^α(L − E) over ${l.points.length} Fig. 2 losses; interval = min–max of the per-model values (the printed ±2 is undefined; sample SD ${f(c.sdSample, 2)}); ${how}`,
    });
    out.push({ id: 'A.s1.loss_cv', variant, value: c.cvPopulation, note: `CV with the population SD (ddof 0); ${how}` });
    out.push({ id: 'A.s1.loss_cv', variant, value: c.cvSample, note: `CV with the sample SD (ddof 1); ${how}` });
  }
  out.push({
    id: 'A.s3.loss_r2',
    variant: 'as described',
    value: l.fit.r2,
    note: `R² of L = E + A·N^−α on ${l.points.length} Fig. 2 losses, N in parameters, ${fitText(l)}; on the ${other.points.length}-model gradient file's wikitext-2 losses: R² ${f(other.fit.r2, 5)}, CV ${f(other.constant.cvPopulation, 2)}% (population SD)`,
  });
  return out;
}

function gradientClaims(core: LossCore, ctx: StageContext): ClaimResult[] {
  const g = core.gradient;
  const stored = ctx.data.internals.authors.betaFit;
  const rm = 'released measurement' as const;
  const all = g.arrhenius.find((a) => a.phase === 'all')!;
  const cAll = all.fit ? -all.fit.slope : null;
  const phaseC = (phase: string, id: string): ClaimResult => {
    const a = g.arrhenius.find((x) => x.phase === phase)!;
    if (a.fit)
      return {
        id,
        variant: rm,
        value: -a.fit.slope,
        note: `C from ln‖∇L‖ = c − C/L over the ${phase}-phase models of the gradient file (${a.models.join(', ')}; phase = ending interval in the as-published panel); the paper's fit (PySR) is not released`,
      };
    return {
      id,
      variant: rm,
      value: cAll,
      note: `closest computable: one C over all ${g.models.length} models (${a.models.length} ${phase}-phase model(s) in the gradient file, too few for a fit); the paper's phase fit is not released`,
    };
  };
  return [
    {
      id: 'A.appA8.grad_exp',
      variant: rm,
      value: g.k.slope,
      note: `OLS slope of ln‖∇L‖ on ln L over ${g.models.length} models, SE ${f(g.k.slopeSe)}; authors' stored ${stored.get('grad_loss_exponent') ?? 'n/a'}`,
    },
    { id: 'A.appA8.grad_r', variant: rm, value: g.k.r, note: `Pearson r of ln‖∇L‖ and ln L; authors' stored ${stored.get('r_grad_loss') ?? 'n/a'}` },
    {
      id: 'A.appA8.grad_dip',
      variant: rm,
      value: 100 * g.dip.belowAll,
      note: `${g.dip.model} lies this far below the ‖∇L‖-vs-N power law fitted to all ${g.models.length} models; ${f(100 * g.dip.belowLeaveOut, 1)}% below a fit without it`,
    },
    phaseC('tax', 'A.appA8.C_tax'),
    phaseC('transition', 'A.appA8.C_transition'),
    phaseC('bonus', 'A.appA8.C_bonus'),
    {
      id: 'A.appA8.C_spike',
      variant: rm,
      value: null,
      note: 'not computable: needs a transition-phase C, and the gradient file has at most one transition-phase model',
    },
  ];
}

export function lossClaims(core: LossCore, ctx: StageContext): ClaimResult[] {
  const [fig, grad] = core.fits;
  const chain = boostingChain(core);
  const boost: ClaimResult[] = chain.map((b) => ({
    id: b.claimId,
    variant: 'as described',
    value: b.value,
    note: b.computable ? b.note : `not computable: ${b.note}`,
  }));
  boost.push({
    id: 'A.s3.boost_142x',
    variant: 'as described',
    value: null,
    note: 'not computable: the ratio needs the L1 error, and no L1 computation is released',
  });
  return [...constantClaims(fig!, grad!), ...boost, ...gradientClaims(core, ctx)];
}
