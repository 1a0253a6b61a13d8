/** A result table as an accessible HTML table. */
import type { Cell, Table } from '../../pipeline/types.ts';
import { fmt, h, uid } from './dom.ts';

export interface TableOptions {
  rows?: (row: Record<string, Cell>) => boolean;
  columns?: string[];
  /** Renders one cell; the default shows numbers at 4 significant digits. */
  cell?: (key: string, value: Cell, row: Record<string, Cell>) => Node | string;
  notes?: boolean;
  /** Folds the table into a <details> whose summary is its title (long tables). */
  collapsed?: boolean;
}

/** A result table as HTML: its title as caption, its labels as headers (they name variants, shots and units), its notes below. */
export function renderTable(t: Table, opts: TableOptions = {}): HTMLElement {
  const cols = opts.columns ? t.columns.filter((c) => opts.columns!.includes(c.key)) : t.columns;
  const rows = opts.rows ? t.rows.filter(opts.rows) : t.rows;
  const cell = opts.cell ?? ((_k: string, v: Cell) => fmt(v));
  const id = uid('tbl');
  const table = h(
    'table',
    { 'aria-labelledby': id },
    h('caption', { id }, t.title, h('span', { class: 'muted' }, ` (tables/${t.id}, ${rows.length} rows)`)),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        cols.map((c) => h('th', { scope: 'col' }, c.label)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((r) =>
        h(
          'tr',
          {},
          cols.map((c) => h('td', { class: typeof r[c.key] === 'number' ? 'num' : null }, cell(c.key, r[c.key] ?? null, r))),
        ),
      ),
    ),
  );
  const wrap = h('div', { class: 'table-wrap', role: 'region', 'aria-labelledby': id, tabindex: 0 }, table);
  const body =
    opts.notes === false || t.notes.length === 0
      ? [wrap]
      : [
          wrap,
          h(
            'ul',
            { class: 'notes' },
            t.notes.map((n) => h('li', {}, n)),
          ),
        ];
  if (!opts.collapsed) return h('div', {}, ...body);
  return h('details', { class: 'table-details' }, h('summary', {}, `${t.title} (${rows.length} rows)`), ...body);
}
