// A render worker thread (figures/render.ts starts them): loads vega and
// resvg as soon as it starts, so the loading overlaps the pipeline's stages,
// then turns each spec it is sent into its SVG and, if asked, its PNG.
import { parentPort } from 'node:worker_threads';
import { specToSvg, svgToPng } from './render-core.mjs';

parentPort.on('message', async ({ job, spec, png }) => {
  try {
    const svg = await specToSvg(spec);
    parentPort.postMessage({ job, svg, png: png ? await svgToPng(svg, png) : null });
  } catch (e) {
    parentPort.postMessage({ job, error: String(e?.stack ?? e) });
  }
});
