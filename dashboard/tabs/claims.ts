/** The Claims tab: the whole ledger, sortable and filterable, as a table (cards on narrow screens), with its status counts. */
import { baseConfig } from '../../figures/figure.ts';
import type { Cell } from '../../pipeline/types.ts';
import type { Parts } from '../parts.ts';
import type { Payload } from '../payload.ts';
import type { TabContext, TabController } from '../tab-def.ts';
import { addChart } from '../ui/chart.ts';
import { badge, fmt, h, labelled, section, select } from '../ui/dom.ts';
import { sourceButton } from '../ui/sources.ts';

type Row = Record<string, Cell>;
/** What the tab reads: the ledger, its statuses and the sources behind each row (build-time payload or the tab's parts). */
type Ledger = Pick<Parts, 'claims' | 'statuses' | 'claimLinks'>;

/** The badge colours of style.css (.badge-<status>), so the chart and the table agree. */
const STATUS_COLORS: Record<string, string> = {
  reproduced: '#1e6b34',
  'reproduced-as-coded-only': '#4d6b12',
  'reproduced-audited-only': '#3f5a0f',
  'arithmetic-checked': '#4a5a5c',
  'from-released-measurement': '#1f5f8b',
  'tested-out-of-sample': '#5b2c83',
  differs: '#a93226',
  'not-recomputable': '#565f61',
  future: '#6e4f00',
  pending: '#6b6b6b',
};

const COLUMNS: [string, string][] = [
  ['id', 'claim (unit)'],
  ['location', 'where in the paper'],
  ['published', 'published'],
  ['regenerated', 'regenerated'],
  ['variant', 'variant'],
  ['status', 'status'],
  ['cause', 'cause'],
];

const LABEL = Object.fromEntries(COLUMNS);
const SOURCES = 'figures and tables';

const interval = (lo: Cell, hi: Cell, f: (c: Cell) => string) => ((lo === null && hi === null) || (lo === '' && hi === '') ? '' : ` [${f(lo)}, ${f(hi)}]`);
const publishedText = (r: Row) => `${r.published}${interval(r.published_low ?? null, r.published_high ?? null, String)}`;
const regeneratedText = (r: Row) =>
  r.regenerated === null ? 'none' : `${fmt(r.regenerated)}${interval(r.regenerated_low ?? null, r.regenerated_high ?? null, (c) => fmt(c))}`;

function sortValue(r: Row, key: string): number | string {
  const v = r[key];
  const n = typeof v === 'number' ? v : Number(v);
  return v !== null && v !== '' && Number.isFinite(n) ? n : String(v ?? '');
}

function countsTable(data: Ledger): HTMLElement {
  const count = (paper: string | null, status: string) => data.claims.filter((r) => (paper === null || r.paper === paper) && r.status === status).length;
  const row = (paper: string | null) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, paper === null ? 'both papers' : `Paper ${paper}`),
      data.statuses.map((s) => h('td', { class: 'num', 'data-paper': paper ?? 'all', 'data-status': s }, String(count(paper, s)))),
      h('td', { class: 'num' }, String(data.claims.filter((r) => paper === null || r.paper === paper).length)),
    );
  return h(
    'div',
    { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Ledger status counts table' },
    h(
      'table',
      { class: 'counts' },
      h('caption', {}, 'Ledger status counts'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'paper'),
          data.statuses.map((s) => h('th', { scope: 'col' }, s)),
          h('th', { scope: 'col' }, 'total'),
        ),
      ),
      h('tbody', {}, row('A'), row('B'), row(null)),
    ),
  );
}

function countsChart(data: Payload) {
  const values = ['A', 'B'].flatMap((paper) =>
    data.statuses.map((status) => ({ paper: `Paper ${paper}`, status, n: data.claims.filter((r) => r.paper === paper && r.status === status).length })),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Ledger status per paper',
    width: 520,
    height: 90,
    config: baseConfig,
    data: { values },
    mark: 'bar',
    encoding: {
      y: { field: 'paper', type: 'nominal', title: null },
      x: { field: 'n', type: 'quantitative', title: 'claims', stack: 'zero' },
      color: {
        field: 'status',
        type: 'nominal',
        sort: data.statuses,
        scale: { domain: data.statuses, range: data.statuses.map((st) => STATUS_COLORS[st] ?? '#4a4a4a') },
      },
      tooltip: [{ field: 'paper' }, { field: 'status' }, { field: 'n', title: 'claims' }],
    },
  };
}

function links(data: Ledger, id: string): HTMLElement {
  const l = data.claimLinks[id];
  if (!l || l.figures.length + l.tables.length === 0) return h('span', { class: 'muted' }, '—');
  return h(
    'div',
    { class: 'links' },
    l.exact ? null : h('span', { class: 'muted small' }, `${l.section}: `),
    ...l.figures.map((f) => sourceButton('figure', f)),
    ...l.tables.map((t) => sourceButton('table', t)),
  );
}

export const charts = { counts: countsChart };

export async function render(panel: HTMLElement, ctx: TabContext): Promise<TabController> {
  const data: Ledger = { claims: ctx.part('claims'), statuses: ctx.part('statuses'), claimLinks: ctx.part('claimLinks') };
  const paperSel = select(
    [
      ['', 'both'],
      ['A', 'Paper A'],
      ['B', 'Paper B'],
    ],
    '',
  );
  const statusSel = select([['', 'any status'], ...data.statuses.map((s): [string, string] => [s, s])], '');
  const search = h('input', { type: 'search', placeholder: 'id, location, unit, cause…' }) as HTMLInputElement;
  const shown = h('p', { 'aria-live': 'polite', class: 'shown' });
  const tbody = h('tbody');
  let sort: { key: string; dir: 1 | -1 } | null = null;
  const headers = COLUMNS.map(([key, label]) => {
    const b = h('button', { type: 'button', class: 'sort' }, label);
    const th = h('th', { scope: 'col', 'aria-sort': 'none', 'data-key': key }, b);
    b.addEventListener('click', () => {
      const next: { key: string; dir: 1 | -1 } = sort?.key === key ? { key, dir: sort.dir === 1 ? -1 : 1 } : { key, dir: 1 };
      sort = next;
      for (const o of headers) o.setAttribute('aria-sort', o === th ? (next.dir === 1 ? 'ascending' : 'descending') : 'none');
      draw();
    });
    return th;
  });
  const rowOf = (r: Row) =>
    h(
      'tr',
      { 'data-claim': String(r.id), 'data-status': String(r.status), id: `claim-${String(r.id)}`, tabindex: -1 },
      h(
        'td',
        { 'data-label': LABEL.id },
        h('code', {}, String(r.id)),
        typeof r.quantity === 'string' ? h('div', {}, r.quantity) : null,
        h('div', { class: 'muted small' }, String(r.unit)),
      ),
      h('td', { 'data-label': LABEL.location }, String(r.location)),
      h('td', { class: 'num', 'data-label': LABEL.published }, publishedText(r)),
      h('td', { class: 'num', 'data-label': LABEL.regenerated }, regeneratedText(r)),
      h('td', { 'data-label': LABEL.variant }, String(r.variant ?? '')),
      h('td', { 'data-label': LABEL.status }, badge(String(r.status), String(r.status))),
      h(
        'td',
        { class: 'cause', 'data-label': LABEL.cause },
        String(r.cause).length > 110 ? h('details', {}, h('summary', {}, `${String(r.cause).slice(0, 110)}…`), String(r.cause)) : String(r.cause),
      ),
      h('td', { 'data-label': SOURCES }, links(data, String(r.id))),
    );
  const draw = () => {
    const q = search.value.trim().toLowerCase();
    let rows = data.claims.filter(
      (r) =>
        (!paperSel.value || r.paper === paperSel.value) &&
        (!statusSel.value || r.status === statusSel.value) &&
        (!q ||
          ['id', 'quantity', 'location', 'unit', 'cause', 'variant', 'status'].some((k) =>
            String(r[k] ?? '')
              .toLowerCase()
              .includes(q),
          )),
    );
    if (sort) {
      const { key, dir } = sort;
      rows = [...rows].sort((a, b) => {
        const x = sortValue(a, key);
        const y = sortValue(b, key);
        return (typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : typeof x === 'number' ? -1 : 1) * dir;
      });
    }
    tbody.replaceChildren(...rows.map(rowOf));
    shown.textContent = `Showing ${rows.length} of ${data.claims.length} ledger rows.`;
  };
  for (const el of [paperSel, statusSel]) el.addEventListener('change', draw);
  search.addEventListener('input', draw);
  const chart = h('div', { class: 'chart-row' });
  panel.append(
    section('Status counts', countsTable(data), chart),
    section(
      'The claims ledger',
      h(
        'p',
        {},
        'Every published number against the regenerated one. Click a header to sort; the buttons in the last column open the figures and tables behind a row (same place in the paper, else the same section).',
      ),
      h('div', { class: 'controls' }, labelled('Paper', paperSel), labelled('Status', statusSel), labelled('Search', search)),
      shown,
      h(
        'div',
        { class: 'table-wrap ledger', tabindex: 0, role: 'region', 'aria-label': 'Claims ledger' },
        h('table', { id: 'ledger' }, h('thead', {}, h('tr', {}, headers, h('th', { scope: 'col' }, SOURCES))), tbody),
      ),
    ),
  );
  draw();
  await addChart(chart, ctx.chart('counts'));
  return {
    reveal(id: string) {
      paperSel.value = '';
      statusSel.value = '';
      search.value = '';
      draw();
      const tr = tbody.querySelector<HTMLElement>(`tr[data-claim="${CSS.escape(id)}"]`);
      if (!tr) return;
      tbody.querySelectorAll('.highlight').forEach((o) => o.classList.remove('highlight'));
      tr.classList.add('highlight');
      tr.scrollIntoView({ block: 'center' });
      tr.focus();
    },
  };
}
