import type { PolySystem } from './library.ts';
import { samplesOf, type Sample, type Trajectory } from './data.ts';
import type { SimSettings } from './fit.ts';
import { odeHoldout } from './holdout.ts';

export interface LofoResult {
  family: string;
  nModels: number;
  start: string;
  trainFamilies: number;
  trainSamples: number;
  mapeAll: number | null;
  mapePerBenchmark: (number | null)[];
  divergedAt: number | null;
}

/**
 * Leave one family out: every family with at least `minModels` complete models
 * is held out in turn; the fitter sees only the other families' finite
 * differences, and the held-out trajectory is integrated from its smallest model.
 */
export function leaveOneFamilyOut(
  trajectories: readonly Trajectory[],
  minModels: number,
  scale: number,
  fit: (train: Sample[]) => PolySystem,
  sim: SimSettings,
): LofoResult[] {
  return trajectories
    .filter((tr) => tr.models.length >= minModels)
    .map((held) => {
      const others = trajectories.filter((tr) => tr.family !== held.family);
      const train = others.flatMap((tr) => samplesOf(tr, scale));
      const pred = odeHoldout(fit(train), held, sim);
      return {
        family: held.family,
        nModels: held.models.length,
        start: held.models[0]!,
        trainFamilies: new Set(train.map((s) => s.family)).size,
        trainSamples: train.length,
        mapeAll: pred.mapeAll,
        mapePerBenchmark: pred.mapePerBenchmark,
        divergedAt: pred.divergedAt,
      };
    });
}
