/** The types the eigen stage's modules share: stage.ts computes them, tables.ts, pythia-tables.ts and claims.ts shape them. */
import type { LineFit } from '../stats/ols.ts';
import type { StageOutput } from '../types.ts';
import type { OlmoSource } from './olmo-sources.ts';
import type { FrontierIfevalDeff, Pca } from './pca.ts';
import type { PhaseDeff } from './phases.ts';
import type { CorrelationEigen, TrendFit, TrendWindow } from './pythia.ts';

export interface EigenOutput extends StageOutput {
  /** The configured phase rule, both panels, with bootstrap CIs; plus the frontier subset. */
  phaseDeffs: PhaseDeff[];
  /** The other phase rules, point estimates only. */
  sensitivity: PhaseDeff[];
  pythia: CorrelationEigen[];
  trend: TrendWindow[];
  trendFits: TrendFit[];
  gains: { source: string; benchmark: string; fit: LineFit }[];
  pca26: Pca;
  frontierIfeval: FrontierIfevalDeff;
  frontierIfevalAsCoded: FrontierIfevalDeff;
  olmo: OlmoSource[];
}

/** Everything the stage computes before it is shaped into tables and claims. */
export type EigenCore = Omit<EigenOutput, 'tables' | 'claims'>;
