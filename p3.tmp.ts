import { loadFigures } from './figures/registry.ts';
import { config } from './pipeline/config.ts';
import { runPipeline } from './pipeline/run.ts';
import { roundDeep } from './pipeline/io/serialize.ts';
import { specToSvg } from './figures/render-core.mjs';
const { results } = runPipeline({ dataDir: './data', config });
const figs = await loadFigures();
const specs = figs.map((f) => [f.id, roundDeep(f.build(results), 6)] as const);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const [id, s] of specs) await specToSvg(s); // warm
const rows = [];
for (const [id, s] of specs) { const a = cpu(); await specToSvg(s); rows.push([id, cpu() - a]); }
rows.sort((x, y) => y[1] - x[1]); console.log(rows.slice(0, 8).map(([i, t]) => `${i} ${t.toFixed(0)}`).join('\n'), '\ntotal warm', rows.reduce((s, r) => s + r[1], 0).toFixed(0));
