/**
 * What the out-of-sample test costs: reading the whole leaderboard table and
 * the other out-of-sample inputs plus the stage itself, as a share of the
 * pipeline's stage time measured in the same run.
 */
import { join } from 'node:path';
import { withOverrides } from '../pipeline/cli/reproduce.ts';
import { config } from '../pipeline/config.ts';
import { ingestOutOfSample } from '../pipeline/out-of-sample/ingest.ts';
import { runPipeline } from '../pipeline/run.ts';
import { median } from '../pipeline/stats/describe.ts';
import type { BenchLine } from './run.ts';
import { ROOT, RUNS, timeMedian } from './timing.ts';

const LIMIT = 0.15;

export default function bench(): BenchLine[] {
  const cfg = withOverrides(config);
  const dataDir = join(ROOT, 'data');
  const totals: number[] = [];
  const stage: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const { timings } = runPipeline({ dataDir, config: cfg });
    if (i === 0) continue; // warm-up
    totals.push(timings.reduce((a, t) => a + t.ms, 0));
    stage.push(timings.find((t) => t.stage === 'out-of-sample')!.ms);
  }
  const read = timeMedian(() => ingestOutOfSample(dataDir, []));
  const cost = read + median(stage);
  const share = cost / median(totals);
  return [
    { name: 'read the out-of-sample inputs', ms: read },
    { name: 'out-of-sample stage', ms: median(stage) },
    {
      name: `out-of-sample ${(100 * share).toFixed(1)}% of the stages`,
      ms: cost,
      goal: `<= ${100 * LIMIT}% of the pipeline's stage time`,
      pass: share <= LIMIT,
    },
  ];
}
