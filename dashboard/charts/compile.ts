/**
 * Compiles a Vega-Lite spec into the ChartFile the site ships (build time,
 * Node): both layouts, the page's font, a tooltip on every mark (the numbers
 * table under each chart is read from them), and inline data stored once.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import { logger, None } from 'vega-util';
import type { ChartFile, VegaData, VegaSpec } from '../chart-file.ts';
import { narrowLite } from './narrow.ts';
import { titleText } from './wrap.ts';

/** The page's own font stack (style.css); the PNG renderer keeps the pinned DejaVu fonts of figures/figure.ts. */
export const PAGE_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";

type Obj = Record<string, unknown>;

function forPage(spec: Obj): Obj {
  const config = (spec.config ?? {}) as Obj;
  const mark = (config.mark ?? {}) as Obj;
  // Marks whose spec names no tooltip show their encoded fields, so every chart's numbers can be read.
  return { ...spec, config: { ...config, font: PAGE_FONT, mark: { tooltip: { content: 'encoding' }, ...mark } } };
}

function toVega(spec: Obj): VegaSpec {
  // Vega-Lite's layout warnings ("dropping fit-y …") are about the figure modules' specs, not the build: kept quiet.
  return compile(spec as unknown as TopLevelSpec, { logger: logger(None) }).spec as unknown as VegaSpec;
}

/** Moves each inline `values` into `datasets` under its data name, unless that name already holds other values. */
function hoist(spec: VegaSpec, datasets: Record<string, unknown[]>): void {
  for (const d of (spec.data ?? []) as VegaData[]) {
    if (!Array.isArray(d.values)) continue;
    const held = datasets[d.name];
    if (held && JSON.stringify(held) !== JSON.stringify(d.values)) continue;
    datasets[d.name] = d.values;
    delete d.values;
  }
}

export function compileChart(spec: Obj): ChartFile {
  const page = forPage(spec);
  const wide = toVega(page);
  const narrow = toVega(narrowLite(page));
  // Several legends below the plot go one under another rather than side by side.
  const config = (narrow.config ?? {}) as Obj;
  narrow.config = { ...config, legend: { ...((config.legend ?? {}) as Obj), layout: { bottom: { anchor: 'start', direction: 'vertical', margin: 8 } } } };
  const datasets: Record<string, unknown[]> = {};
  hoist(wide, datasets);
  hoist(narrow, datasets);
  return { title: titleText(spec.title), wide, narrow, datasets };
}
