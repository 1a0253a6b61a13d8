/**
 * Child process of bench/scaling.bench.ts: runs the pipeline's stages on one
 * data folder, then emit (tables, specs, SVG; no PNG), and prints per-stage
 * CPU, emit CPU and peak RSS as JSON. A process of its own per size, so its
 * peak RSS belongs to that size alone.
 */
import { loadFigures } from '../figures/registry.ts';
import { emit } from '../pipeline/emit.ts';
import { runPipeline } from '../pipeline/run.ts';

export interface ScalingRun {
  stages: Record<string, number>;
  emitMs: number | null;
  stagesRssMiB: number;
  peakRssMiB: number;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const rssMiB = () => process.resourceUsage().maxRSS / 1024;

const [dataDir, withEmit] = process.argv.slice(2);
const stages: Record<string, number> = {};
let last = cpuMs();
const { results } = runPipeline({
  dataDir: dataDir!,
  onStage: (name) => {
    const now = cpuMs();
    stages[name] = now - last;
    last = now;
  },
});
const stagesRssMiB = rssMiB();
let emitMs: number | null = null;
if (withEmit === 'emit') {
  const figures = await loadFigures();
  const t0 = cpuMs();
  await emit(results, figures, { png: false, version: 'bench' });
  emitMs = cpuMs() - t0;
}
const out: ScalingRun = { stages, emitMs, stagesRssMiB, peakRssMiB: rssMiB() };
console.log(JSON.stringify(out));
