// One Vega-Lite spec to SVG (vega, headless) and SVG to PNG (resvg). Plain
// JavaScript, so the render worker threads load it without a TypeScript
// loader; figures/render.ts uses the same functions in-process.
import { renderAsync } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';

/**
 * Vega numbers clip paths with a process-wide counter, so the same spec gets
 * different ids depending on what was rendered before (and in which thread);
 * renumber them in order of appearance to keep SVG files byte-identical.
 */
export function normaliseClipIds(svg) {
  const ids = new Map();
  return svg.replace(/\bclip(\d+)\b/g, (_, n) => {
    if (!ids.has(n)) ids.set(n, ids.size + 1);
    return `clip${ids.get(n)}`;
  });
}

export async function specToSvg(spec) {
  // Vega-Lite's layout warnings would repeat on every render; schema validity is checked by the tests.
  const compiled = compile(spec, { logger: vega.logger(vega.Error) }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    return normaliseClipIds(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/** Rasterises in resvg's thread pool; the PNG encoding runs on the calling thread. */
export async function svgToPng(svg, options) {
  return (await renderAsync(svg, options)).asPng();
}
