/** The types the loss stage's modules share: stage.ts computes them, tables.ts, claims.ts and boosting-chain.ts shape them. */
import type { StageOutput } from '../types.ts';
import type { LossFit } from './fit.ts';
import type { GradientLaw } from './gradient-law.ts';

export interface LossOutput extends StageOutput {
  /** [0] the 8 Pythia losses of the Fig. 2 script table; [1] the 6-model gradient file's loss_mean. */
  fits: LossFit[];
  gradient: GradientLaw;
}

export type LossCore = Omit<LossOutput, 'tables' | 'claims'>;
