import type { Config } from './config.ts';
import type { Dataset } from './ingest.ts';
import type { NoiseModel } from './noise/noise-model.ts';
import type { Rng } from './stats/rng.ts';

/** What every stage receives. `rng` is already forked for the stage; fork it again per sub-task. */
export interface StageContext {
  data: Dataset;
  config: Config;
  rng: Rng;
}

export interface PanelContext extends StageContext {
  panels: import('./panel-summary.ts').PanelsOutput;
}

export interface CouplingContext extends PanelContext {
  /** Standard errors of every score and the sign rule (pipeline/noise/). */
  noise: NoiseModel;
  coupling: import('./coupling.ts').CouplingOutput;
}
