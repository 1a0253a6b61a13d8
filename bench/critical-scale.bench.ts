/**
 * Times the two pooled N_c bootstraps on the authors' 14-model table, and the
 * general-solver version of the as-coded one for comparison (why the closed
 * form exists: a 3×3 solve through ml-matrix per resample is far slower).
 */
import { join } from 'node:path';
import { config } from '../pipeline/config.ts';
import { ingest } from '../pipeline/ingest.ts';
import { polyfit } from '../pipeline/stats/ols.ts';
import { vertexBootstrap } from '../pipeline/stats/quadratic-vertex.ts';
import { createRng, resampleIndices } from '../pipeline/stats/rng.ts';
import { stratifiedCrossingBootstrap } from '../pipeline/stats/running-coupling.ts';
import type { BenchLine } from './run.ts';
import { ROOT, timeMedian as time } from './timing.ts';

export default function bench(): BenchLine[] {
  const rows = ingest(join(ROOT, 'data')).pooled14;
  const cs = config.criticalScale;
  const x = rows.map((r) => Math.log10(r.paramsB * 1e9));
  const y = rows.map((r) => r.truthfulqa);
  const families = cs.pooledFamilies.map((f) => {
    const rs = rows.filter((r) => r.family === f).sort((a, b) => a.paramsB - b.paramsB);
    return { logN: rs.map((r) => Math.log10(r.paramsB * 1e9)), hs: rs.map((r) => r.hellaswag), tqa: rs.map((r) => r.truthfulqa) };
  });
  const general = (n: number) => {
    const rng = createRng('bench');
    for (let b = 0; b < n; b++) {
      const idx = resampleIndices(rng, x.length);
      polyfit(
        idx.map((i) => x[i]!),
        idx.map((i) => y[i]!),
        2,
      );
    }
  };
  const drawsOnly = () => {
    const rng = createRng('bench');
    let s = 0;
    for (let k = 0; k < cs.pooledAsCodedResamples * x.length; k++) s += rng.int(x.length);
    return s;
  };
  const generalN = 1_000;
  const asCoded = time(() => vertexBootstrap(x, y, createRng('bench'), cs.pooledAsCodedResamples, cs.pooledAsCodedLog10Window));
  const draws = time(drawsOnly);
  return [
    { name: `as coded, ${cs.pooledAsCodedResamples} resamples (power sums)`, ms: asCoded, goal: 'under 50 ms' },
    {
      name: `  of which drawing the indices: ${((100 * draws) / asCoded).toFixed(0)}%`,
      ms: draws,
      goal: '≤ 25% of the bootstrap (issue 17)',
      pass: draws <= 0.25 * asCoded,
    },
    {
      name: `as coded, general solver (×${cs.pooledAsCodedResamples / generalN} of ${generalN})`,
      ms: time(() => general(generalN)) * (cs.pooledAsCodedResamples / generalN),
    },
    {
      name: `as described, ${cs.pooledAsDescribedResamples} stratified resamples`,
      ms: time(() => stratifiedCrossingBootstrap(families, createRng('bench'), cs.pooledAsDescribedResamples, config.coupling.minDeltaHs)),
    },
  ];
}
