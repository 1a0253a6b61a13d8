import { join } from 'node:path';
import { config } from '../pipeline/config.ts';
import { runCoupling } from '../pipeline/coupling.ts';
import { panelPhaseDeffs } from '../pipeline/eigen/phases.ts';
import { ingest } from '../pipeline/ingest.ts';
import { makeNoiseModel } from '../pipeline/noise/noise-model.ts';
import { lossFit } from '../pipeline/loss/fit.ts';
import { runPanels } from '../pipeline/panel-summary.ts';
import { createRng } from '../pipeline/stats/rng.ts';
import type { BenchLine } from './run.ts';
import { ROOT, timeMedian as time } from './timing.ts';

/** The costly parts of the eigen and loss stages: the phase d_eff bootstrap and the profile loss fit. */
export default function bench(): BenchLine[] {
  const data = ingest(join(ROOT, 'data'));
  const panels = runPanels(data);
  const coupling = runCoupling(panels.published, panels.audited, config, createRng('bench'), makeNoiseModel(data.benchmarks, config.noise));
  const boot = { rng: createRng('bench-eigen'), resamples: config.eigen.bootstrapResamples, level: config.eigen.ciLevel };
  const pts = data.pythiaFigure.map((r) => ({ model: r.model, params: r.paramsB * 1e9, loss: r.loss }));
  return [
    {
      name: `eigen: phase d_eff, ${config.eigen.bootstrapResamples} resamples, one panel`,
      ms: time(() => panelPhaseDeffs(coupling.published, config.eigen.phaseRule, boot)),
      goal: '< 300 ms',
    },
    { name: 'loss: profile fit of L = E + A·N^−α', ms: time(() => lossFit('bench', pts, config.loss)), goal: '< 50 ms' },
  ];
}
