import type { LossCore } from './types.ts';

/** One level of Paper A Fig. 2b: what we can compute for it, or why not. */
export interface BoostLevel {
  level: string;
  claimId: string;
  description: string;
  computable: boolean;
  /** The level's error if computable, else the closest computable quantity (may be null). */
  value: number | null;
  note: string;
}

const NO_CODE = 'no boosting-chain code, output or definition of the correction is released; the bar heights are typed into the figure script';

export function boostingChain(core: LossCore): BoostLevel[] {
  const [fig] = core.fits;
  const g = core.gradient;
  return [
    {
      level: 'L0',
      claimId: 'A.fig2b.l0',
      description: 'power-law loss fit L = E + A·N^−α',
      computable: true,
      value: fig!.mape,
      note: `in-sample mean absolute percentage error of the fit on the ${fig!.points.length} Fig. 2 losses (the bar's own definition is not released)`,
    },
    {
      level: 'L1',
      claimId: 'A.fig2b.l1',
      description: 'independent-parameter (mean-field) gradient correction',
      computable: false,
      value: null,
      note: NO_CODE,
    },
    {
      level: 'L2',
      claimId: 'A.fig2b.l2',
      description: 'collective gradient correction (‖∇L‖ ∝ L^k)',
      computable: false,
      value: g.kMape,
      note: `${NO_CODE}; closest computable: MAPE of ‖∇L‖ = c·L^k (k = ${g.k.slope.toFixed(3)}) on the ${g.models.length} released gradient norms, an error on gradient norms, not on the loss`,
    },
    { level: 'L3', claimId: 'A.fig2b.l3', description: 'coupling correction', computable: false, value: null, note: NO_CODE },
    { level: 'L4', claimId: 'A.fig2b.l4', description: 'data-field correction', computable: false, value: null, note: NO_CODE },
  ];
}
