/**
 * What the measurement-noise model costs: the pipeline's stage time with the
 * configured score-noise draws against the same run with a single draw, so
 * the difference is the noise computations (per-family and pooled draws).
 */
import { join } from 'node:path';
import { withOverrides } from '../pipeline/cli/reproduce.ts';
import { config } from '../pipeline/config.ts';
import { runPipeline } from '../pipeline/run.ts';
import type { BenchLine } from './run.ts';
import { ROOT, timeMedian } from './timing.ts';

const LIMIT = 0.25;

export default function bench(): BenchLine[] {
  const full = withOverrides(config);
  const one = structuredClone(full);
  one.noise.draws = 1;
  const stage = (cfg: typeof config) => timeMedian(() => runPipeline({ dataDir: join(ROOT, 'data'), config: cfg }));
  const withNoise = stage(full);
  const base = stage(one);
  const ratio = (withNoise - base) / base;
  return [
    { name: 'stages, 1 noise draw', ms: base },
    { name: `stages, ${full.noise.draws} noise draws`, ms: withNoise },
    { name: `noise cost ${(100 * ratio).toFixed(1)}% of the stages`, ms: withNoise - base, goal: `<= ${100 * LIMIT}% of the stage time`, pass: ratio <= LIMIT },
  ];
}
