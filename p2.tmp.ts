import { loadFigures } from './figures/registry.ts';
import { config } from './pipeline/config.ts';
import { runPipeline } from './pipeline/run.ts';
import { roundDeep } from './pipeline/io/serialize.ts';
import { specToSvg } from './figures/render-core.mjs';
import { Resvg } from '@resvg/resvg-js';
import { PNG_OPTIONS } from './figures/render.ts';
const c0 = process.cpuUsage();
const { results } = runPipeline({ dataDir: './data', config });
const c1 = process.cpuUsage(c0);
const figs = await loadFigures();
const specs = figs.map((f) => roundDeep(f.build(results), 6));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let a = cpu(); const svgs = []; for (const s of specs) svgs.push(await specToSvg(s)); const svgCpu = cpu() - a;
const out: string[] = [`stages ${((c1.user + c1.system) / 1000).toFixed(0)} svg ${svgCpu.toFixed(0)}`];
for (const z of [2, 1.5, 1]) {
  let r = 0, e = 0;
  for (const s of svgs) { const t0 = cpu(); const img = new Resvg(s, { ...PNG_OPTIONS, fitTo: { mode: 'zoom', value: z } }).render(); const t1 = cpu(); img.asPng(); r += t1 - t0; e += cpu() - t1; }
  out.push(`z${z} raster ${r.toFixed(0)} encode ${e.toFixed(0)}`);
}
console.log(out.join(' | '));
