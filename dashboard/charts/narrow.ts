/**
 * The narrow-screen layout of a Vega-Lite spec, made when the dashboard
 * embeds it (the figure modules keep the layout the papers' PNG and SVG use):
 * single and layered views take the container's width, facets and
 * concatenations stack in one column of narrower panels, legends move below
 * the plot and titles wrap.
 */
import type { LiteTitle } from '../chart-file.ts';
import { wrapTitle } from './wrap.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Plot width of each panel of a stacked composite on a phone: room is left for a y axis within about 340 px. */
export const PANEL_WIDTH = 220;
/** Legend labels and titles longer than this are cut with an ellipsis (the numbers table keeps the full text). */
const LEGEND_LIMIT = 200;

const COMPOSITE = ['hconcat', 'vconcat', 'concat'] as const;

function shrinkPanel(spec: Obj): Obj {
  const s: Obj = { ...spec };
  if (typeof s.width === 'number') s.width = Math.min(s.width, PANEL_WIDTH);
  // A width per category ({step}) grows with the categories; a fixed one can shrink to the screen.
  else if (isObj(s.width) && 'step' in s.width) s.width = PANEL_WIDTH;
  if (s.title !== undefined && s.title !== null) s.title = wrapTitle(s.title as LiteTitle);
  if (isObj(s.spec)) s.spec = shrinkPanel(s.spec);
  stack(s);
  return s;
}

/** hconcat and concat become vconcat: panels one under another. */
function stack(s: Obj): void {
  const parts = COMPOSITE.map((k) => s[k]).find(Array.isArray) as Obj[] | undefined;
  if (!parts) return;
  for (const k of COMPOSITE) delete s[k];
  delete s.columns;
  s.vconcat = parts.map(shrinkPanel);
}

/** Every legend below its plot, with capped label widths; facet header labels capped too. */
function moveLegends(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(moveLegends);
    return;
  }
  if (!isObj(node)) return;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'data' || k === 'datasets') continue;
    if (k === 'legend' && isObj(v))
      node[k] = { ...v, orient: 'bottom', direction: 'vertical', labelLimit: Math.min(Number(v.labelLimit ?? LEGEND_LIMIT), LEGEND_LIMIT) };
    else if (k === 'header' && isObj(v) && typeof v.labelLimit === 'number') node[k] = { ...v, labelLimit: Math.min(v.labelLimit, LEGEND_LIMIT) };
    else moveLegends(v);
  }
}

export function narrowLite(spec: Obj): Obj {
  const s: Obj = structuredClone(spec);
  if (s.title !== undefined && s.title !== null) s.title = wrapTitle(s.title as LiteTitle);
  if (isObj(s.facet)) {
    const f = s.facet;
    // A column facet becomes a wrapped facet of one column; a row facet already is one column.
    if (isObj(f.column) && f.row === undefined) s.facet = f.column;
    if (!isObj(f.row)) s.columns = 1;
    // Row labels go above each row rather than beside it, leaving the width to the plot.
    else
      s.facet = {
        ...f,
        row: {
          ...f.row,
          header: { ...(isObj(f.row.header) ? f.row.header : {}), labelOrient: 'top', labelAngle: 0, labelAlign: 'left', labelAnchor: 'start' },
        },
      };
    if (isObj(s.spec)) s.spec = shrinkPanel(s.spec);
  } else if (COMPOSITE.some((k) => Array.isArray(s[k]))) stack(s);
  else s.width = 'container';
  moveLegends(s);
  const config = isObj(s.config) ? s.config : {};
  const legend = isObj(config.legend) ? config.legend : {};
  s.config = { ...config, legend: { ...legend, orient: 'bottom', direction: 'vertical', labelLimit: LEGEND_LIMIT, titleLimit: LEGEND_LIMIT } };
  return s;
}
