import { loadFigures } from './figures/registry.ts';
import { config } from './pipeline/config.ts';
import { runPipeline } from './pipeline/run.ts';
import { roundDeep } from './pipeline/io/serialize.ts';
import { inProcessRenderer, workerRenderer } from './figures/render.ts';
const { results } = runPipeline({ dataDir: './data', config });
const figs = await loadFigures();
const specs = figs.map((f) => roundDeep(f.build(results), 6));
const mode = process.argv[2]!;
const png = process.argv[3] === 'png';
const t0 = performance.now();
const r = mode === 'in' ? inProcessRenderer() : workerRenderer(Number(mode));
if (mode !== 'in') { await r.render({ data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } } as any, false); }
const t1 = performance.now();
await Promise.all(specs.map((s) => r.render(s, png)));
const t2 = performance.now();
await r.close();
console.log(mode, png, 'warmup/load', (t1 - t0).toFixed(0), 'render all', (t2 - t1).toFixed(0), 'cpu', (process.cpuUsage().user / 1000).toFixed(0));
