/**
 * The data files of the site (build time): one per tab with exactly what its
 * registration lists (dashboard/tabs/registry.ts), and every table and
 * figure on its own for the source dialog. Figures and the tabs' own charts
 * are compiled from Vega-Lite to Vega here, so the browser never needs
 * vega-lite.
 */
import type { ChartFile } from './chart-file.ts';
import { compileChart } from './charts/compile.ts';
import { tableOf } from './derive.ts';
import { PARTS } from './parts.ts';
import type { Payload } from './payload.ts';
import type { TabData } from './tab-def.ts';
import { TABS } from './tabs/registry.ts';
import { DATA_FILES } from './ui/load.ts';
import { TRANSFORM_MODULES } from './ui/vega.ts';

/** Vega transforms the page registers (ui/vega.ts), lower case as vega looks them up. */
const KNOWN_TRANSFORMS = new Set(TRANSFORM_MODULES.flatMap((m) => Object.keys(m).map((k) => k.toLowerCase())));

function transformTypes(node: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((x) => transformTypes(x, out));
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (k === 'values') continue;
      if (k === 'transform' && Array.isArray(v))
        for (const t of v) if (t && typeof (t as { type?: unknown }).type === 'string') out.add((t as { type: string }).type.toLowerCase());
      transformTypes(v, out);
    }
  return out;
}

/** Compiles one chart and refuses one that needs a transform the page does not ship. */
function compileChecked(name: string, spec: Record<string, unknown>): ChartFile {
  const chart = compileChart(spec);
  const missing = [...transformTypes([chart.wide, chart.narrow], new Set())].filter((t) => !KNOWN_TRANSFORMS.has(t));
  if (missing.length) throw new Error(`chart ${name} needs the Vega transform(s) ${missing.join(', ')}, which dashboard/ui/vega.ts does not register`);
  return chart;
}

const json = (x: unknown) => JSON.stringify(x);

/** Site files (path → content) for data/: tab-<id>.json, tables/<id>.json, figures/<id>.json. */
export async function siteData(p: Payload): Promise<Map<string, string>> {
  const figures = new Map<string, ChartFile>();
  const figure = (id: string) => {
    if (!figures.has(id)) figures.set(id, compileChecked(`figures/${id}`, p.figures[id]!));
    return figures.get(id)!;
  };
  const files = new Map<string, string>();
  for (const tab of TABS) {
    const mod = await tab.load();
    const data: TabData = {
      tables: Object.fromEntries((tab.tables ?? []).map((id) => [id, tableOf(p.tables, id)])),
      figures: Object.fromEntries((tab.figures ?? []).filter((id) => p.figures[id]).map((id) => [id, figure(id)])),
      charts: Object.fromEntries(Object.entries(mod.charts ?? {}).map(([id, build]) => [id, compileChecked(`${tab.id}/${id}`, build(p))])),
      parts: Object.fromEntries((tab.parts ?? []).map((name) => [name, PARTS[name](p)])),
    };
    files.set(DATA_FILES.tab(tab.id), json(data));
  }
  for (const [id, t] of Object.entries(p.tables)) files.set(DATA_FILES.table(id), json(t));
  for (const id of Object.keys(p.figures)) files.set(DATA_FILES.figure(id), json(figure(id)));
  return files;
}
