import { join } from 'node:path';
import { config } from '../pipeline/config.ts';
import { ingest } from '../pipeline/ingest.ts';
import { panelTrajectories, pythiaOf, samplesOf, trajectoryOf } from '../pipeline/ode/data.ts';
import { fitSparse, linearFitter, sparseFitter } from '../pipeline/ode/fit.ts';
import { leaveOneFamilyOut } from '../pipeline/ode/lofo.ts';
import { thresholdSweep } from '../pipeline/ode/sweep.ts';
import { familiesOf } from '../pipeline/panels.ts';
import { runPanels } from '../pipeline/panel-summary.ts';
import type { BenchLine } from './run.ts';
import { ROOT, timeMedian as time } from './timing.ts';

/** The two costly parts of the ode stage: the STLSQ threshold sweep and leave-one-family-out. */
export default function bench(): BenchLine[] {
  const c = config.ode;
  const panels = runPanels(ingest(join(ROOT, 'data')));
  const pythia = pythiaOf(panels.published);
  const llama2 = trajectoryOf('Llama-2', familiesOf(panels.published).get('Llama-2') ?? []);
  const sim = { scale: c.scoreScale, stepsPerDecade: c.rk4StepsPerDecade, divergenceBoundPercent: c.divergenceBoundPercent };
  const sparse = { libraryDegree: c.libraryDegree, threshold: c.threshold, ridgeAlpha: c.ridgeAlpha, maxIterations: c.maxIterations };
  const all = panelTrajectories(panels.published);
  const samples = samplesOf(pythia, c.scoreScale);
  return [
    { name: `STLSQ fit, 5 equations × 56 terms`, ms: time(() => fitSparse(samples, sparse)), goal: 'under 10 ms' },
    {
      name: `STLSQ sweep, ${c.thresholdSweep.length} λ`,
      ms: time(() => thresholdSweep(samples, pythia, llama2, c.thresholdSweep, sparse, sim)),
      goal: 'under 100 ms',
    },
    { name: 'leave-one-family-out, linear', ms: time(() => leaveOneFamilyOut(all, c.lofoMinModels, c.scoreScale, linearFitter(), sim)), goal: 'under 50 ms' },
    {
      name: 'leave-one-family-out, STLSQ',
      ms: time(() => leaveOneFamilyOut(all, c.lofoMinModels, c.scoreScale, sparseFitter(sparse), sim)),
      goal: 'under 150 ms',
    },
  ];
}
