/**
 * The numbers a drawn chart shows, read back from its marks' tooltips (the
 * build gives every mark one), as rows for a table a keyboard or screen-reader
 * user can read instead of hovering.
 */

/** The parts of vega's scenegraph read here. */
interface SceneMark {
  marktype?: string;
  role?: string;
  items?: SceneItem[];
}
interface SceneItem {
  items?: SceneMark[];
  tooltip?: unknown;
}

export interface Numbers {
  columns: string[];
  rows: Record<string, unknown>[];
}

/** Points, bars and cells carry a chart's numbers; lines and areas only when nothing else does; rules and text last. */
const RANK: Record<string, number> = { symbol: 0, rect: 0, arc: 0, shape: 0, line: 1, area: 1, trail: 1 };
const GUIDE = /axis|legend|title|header|footer/;

function collect(mark: SceneMark, out: { rank: number; tip: Record<string, unknown> }[]): void {
  if (mark.role && GUIDE.test(mark.role)) return;
  for (const item of mark.items ?? []) {
    if (mark.marktype === 'group') for (const child of item.items ?? []) collect(child, out);
    else if (item.tooltip && typeof item.tooltip === 'object') out.push({ rank: RANK[mark.marktype ?? ''] ?? 2, tip: item.tooltip as Record<string, unknown> });
  }
}

/** Rows of the best-ranked marks that have tooltips, duplicates dropped, columns in order of first appearance. */
export function chartNumbers(root: SceneMark): Numbers {
  const all: { rank: number; tip: Record<string, unknown> }[] = [];
  collect(root, all);
  const best = Math.min(...all.map((x) => x.rank));
  const seen = new Set<string>();
  const rows: Record<string, unknown>[] = [];
  const columns: string[] = [];
  for (const { rank, tip } of all) {
    if (rank !== best) continue;
    const key = JSON.stringify(tip);
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push(tip);
    for (const k of Object.keys(tip)) if (!columns.includes(k)) columns.push(k);
  }
  return { columns, rows };
}
