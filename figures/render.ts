import { existsSync } from 'node:fs';
import { renderAsync } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { FONT_FAMILY } from './figure.ts';

/** resvg silently drops text when it finds no font, so the font files are pinned and checked. */
export const FONT_DIR = process.env.CAPE_FONT_DIR ?? '/usr/share/fonts/truetype/dejavu';
export const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => `${FONT_DIR}/${f}`);

export function checkFonts(): void {
  const missing = FONT_FILES.filter((f) => !existsSync(f));
  if (missing.length > 0) {
    throw new Error(`font file(s) not found: ${missing.join(', ')}. Install Debian's fonts-dejavu-core (apt-get install -y fonts-dejavu-core) or set CAPE_FONT_DIR.`);
  }
}

/**
 * Vega numbers clip paths with a process-wide counter, so the same spec gets
 * different ids depending on what was rendered before; renumber them in order
 * of appearance to keep SVG files byte-identical.
 */
export function normaliseClipIds(svg: string): string {
  const ids = new Map<string, number>();
  return svg.replace(/\bclip(\d+)\b/g, (_, n: string) => {
    if (!ids.has(n)) ids.set(n, ids.size + 1);
    return `clip${ids.get(n)}`;
  });
}

export async function specToSvg(spec: TopLevelSpec): Promise<string> {
  // Vega-Lite's layout warnings would repeat on every render; schema validity is checked by the tests.
  const compiled = compile(spec, { logger: vega.logger(vega.Error) }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    return normaliseClipIds(await view.toSVG());
  } finally {
    view.finalize();
  }
}

const PNG_OPTIONS = {
  background: 'white',
  fitTo: { mode: 'zoom' as const, value: 2 },
  font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
};

/** Rasterises off the main thread (resvg's thread pool), so several figures render on all cores at once. */
export async function svgToPngAsync(svg: string): Promise<Buffer> {
  return (await renderAsync(svg, PNG_OPTIONS)).asPng();
}
