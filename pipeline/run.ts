import { config as defaultConfig, type Config } from './config.ts';
import { checkConfig } from './config-check.ts';
import { InputErrors } from './io/validate.ts';
import { runCoupling, type CouplingOutput } from './coupling.ts';
import { runCriticalScale, type CriticalScaleOutput } from './critical-scale/stage.ts';
import { runEigen, type EigenOutput } from './eigen/stage.ts';
import { runFrontier, type FrontierOutput } from './frontier/stage.ts';
import { ingest, type Dataset } from './ingest.ts';
import { runInternals, type InternalsOutput } from './internals/stage.ts';
import { runLoss, type LossOutput } from './loss/stage.ts';
import { runOde, type OdeOutput } from './ode/stage.ts';
import { runOutOfSample, type OutOfSampleOutput } from './out-of-sample/stage.ts';
import { makeNoiseModel } from './noise/noise-model.ts';
import { runPanels, type PanelsOutput } from './panel-summary.ts';
import { createRng } from './stats/rng.ts';
import type { StageContext } from './stage-context.ts';
import type { StageOutput } from './types.ts';
import { runWidth, type WidthOutput } from './width.ts';

/** The one in-memory results object: every table, figure and ledger row is derived from it. */
export interface Results {
  config: Config;
  data: Dataset;
  panels: PanelsOutput;
  coupling: CouplingOutput;
  criticalScale: CriticalScaleOutput;
  width: WidthOutput;
  ode: OdeOutput;
  eigen: EigenOutput;
  loss: LossOutput;
  internals: InternalsOutput;
  frontier: FrontierOutput;
  outOfSample: OutOfSampleOutput;
}

export type StageName = Exclude<keyof Results, 'config' | 'data'>;

export interface Timing {
  stage: string;
  ms: number;
}

export interface RunOptions {
  dataDir: string;
  config?: Config;
  onStage?: (name: string, index: number, total: number, ms: number) => void;
}

const STAGE_COUNT = 11;

export function runPipeline(opts: RunOptions): { results: Results; timings: Timing[] } {
  const config = opts.config ?? defaultConfig;
  const bad = checkConfig(config);
  if (bad.length > 0) throw new InputErrors(bad);
  const timings: Timing[] = [];
  const rng = createRng(config.seed);
  const timed = <T>(name: string, f: () => T): T => {
    const t0 = performance.now();
    const out = f();
    const ms = performance.now() - t0;
    timings.push({ stage: name, ms });
    opts.onStage?.(name, timings.length, STAGE_COUNT, ms);
    return out;
  };
  const data = timed('ingest', () => ingest(opts.dataDir));
  const noise = makeNoiseModel(data.benchmarks, config.noise);
  const ctx = (name: string): StageContext => ({ data, config, rng: rng.fork(name) });
  const panels = timed('panels', () => runPanels(data));
  const coupling = timed('coupling', () => runCoupling(panels.published, panels.audited, config, rng.fork('coupling'), noise, panels.contributed));
  const criticalScale = timed('critical-scale', () => runCriticalScale({ ...ctx('critical-scale'), panels, coupling, noise }));
  const width = timed('width', () => runWidth({ ...ctx('width'), panels, coupling, noise }));
  const ode = timed('ode', () => runOde({ ...ctx('ode'), panels }));
  const eigen = timed('eigen', () => runEigen({ ...ctx('eigen'), panels, coupling, noise }));
  const loss = timed('loss', () => runLoss(ctx('loss')));
  const internals = timed('internals', () => runInternals(ctx('internals')));
  const frontier = timed('frontier', () => runFrontier(ctx('frontier')));
  const outOfSample = timed('out-of-sample', () => runOutOfSample({ ...ctx('out-of-sample'), panels, coupling, noise, ode }));
  return { results: { config, data, panels, coupling, criticalScale, width, ode, eigen, loss, internals, frontier, outOfSample }, timings };
}

export function stageOutputs(r: Results): [StageName, StageOutput][] {
  return [
    ['panels', r.panels],
    ['coupling', r.coupling],
    ['criticalScale', r.criticalScale],
    ['width', r.width],
    ['ode', r.ode],
    ['eigen', r.eigen],
    ['loss', r.loss],
    ['internals', r.internals],
    ['frontier', r.frontier],
    ['outOfSample', r.outOfSample],
  ];
}
