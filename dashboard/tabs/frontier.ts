/** The Frontier tab: Paper B's SWE-bench–GPQA line, the h-field per lab and over time, the predictions, and an h-field calculator. */
import { baseConfig } from '../../figures/figure.ts';
import { phaseOf, playbookOf } from '../../pipeline/frontier/regression.ts';
import type { Cell } from '../../pipeline/types.ts';
import type { Payload } from '../payload.ts';
import type { TabContext } from '../tab-def.ts';
import { addChart, Chart } from '../ui/chart.ts';
import { badge, fmt, h, labelled, section, select, signed } from '../ui/dom.ts';
import { renderTable } from '../ui/table.ts';

/** "2025-06" → mid-month date; a year-only date sorts as December, as the trajectory table's note says. */
const releaseDate = (d: string) => (/^\d{4}$/.test(d) ? `${d}-12-15` : /^\d{4}-\d{2}$/.test(d) ? `${d}-15` : d);

function trajectoryChart(data: Payload) {
  const f = data.config.frontier;
  const values = data.tables['B-s4-lab-trajectories']!.rows.map((r) => ({ ...r, date: releaseDate(String(r.release_date)) }));
  const bands = [-f.cooperativeBand, -f.playbookBand, 0, f.playbookBand, f.cooperativeBand].map((y) => ({
    y,
    kind: y === 0 ? 'frozen line' : Math.abs(y) === f.playbookBand ? `playbook ±${f.playbookBand}` : `phase ±${f.cooperativeBand}`,
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Lab trajectories: h-field in release order', subtitle: 'h = GPQA Diamond − frozen-line prediction from SWE-bench Verified (GPQA points)' },
    width: 620,
    height: 340,
    config: baseConfig,
    params: [{ name: 'lab', value: 'all' }],
    layer: [
      { data: { values: bands }, mark: { type: 'rule', color: '#999', strokeDash: [4, 3] }, encoding: { y: { field: 'y', type: 'quantitative' } } },
      {
        data: { values },
        transform: [{ filter: "lab == 'all' || datum.lab == lab" }],
        mark: { type: 'line', point: { filled: true, size: 60 } },
        encoding: {
          x: { field: 'date', type: 'temporal', title: 'release date (as stored)' },
          y: { field: 'h', type: 'quantitative', title: 'h (GPQA points)' },
          color: { field: 'lab', type: 'nominal', title: 'lab' },
          tooltip: [
            { field: 'lab' },
            { field: 'model' },
            { field: 'release_date', title: 'release' },
            { field: 'subset' },
            { field: 'h', format: '+.1f' },
            { field: 'dh', title: 'Δh', format: '+.1f' },
            { field: 'phase' },
          ],
        },
      },
    ],
  };
}

const statusCell = (k: string, v: Cell) => (k === 'status' ? badge(String(v), String(v)) : fmt(v));

function calculator(ctx: TabContext): HTMLElement {
  const line = ctx.part('frontierLine');
  const f = ctx.part('config').frontier;
  const swe = h('input', { type: 'number', min: '0', max: '100', step: 'any', inputmode: 'decimal', id: 'hf-swe' }) as HTMLInputElement;
  const gpqa = h('input', { type: 'number', min: '0', max: '100', step: 'any', inputmode: 'decimal', id: 'hf-gpqa' }) as HTMLInputElement;
  const labs = ctx.table('B-tab1-per-lab-hfield').rows;
  const labSel = select([['', '(no lab)'], ...labs.map((r): [string, string] => [String(r.lab), String(r.lab)])], '');
  const out = h('div', { class: 'hfield-out', 'aria-live': 'polite' });
  const update = () => {
    const x = Number(swe.value);
    const y = Number(gpqa.value);
    const bad = [
      [swe, x],
      [gpqa, y],
    ].filter(([el, v]) => (el as HTMLInputElement).value === '' || !((v as number) >= 0 && (v as number) <= 100));
    for (const el of [swe, gpqa])
      el.toggleAttribute(
        'aria-invalid',
        bad.some(([b]) => b === el),
      );
    if (bad.length) return out.replaceChildren(h('p', { class: 'error', role: 'alert' }, 'Enter both scores as percentages between 0 and 100.'));
    const predicted = line.slope * x + line.intercept;
    const hv = y - predicted;
    const lab = labs.find((r) => r.lab === labSel.value);
    const last = ctx
      .table('B-s4-lab-trajectories')
      .rows.filter((r) => r.lab === labSel.value)
      .sort((a, b) => Number(b.order) - Number(a.order))[0];
    out.replaceChildren(
      h(
        'dl',
        { class: 'facts', 'data-h': String(hv), 'data-phase': phaseOf(hv, f.cooperativeBand), 'data-playbook': playbookOf(hv, f.playbookBand) },
        h('dt', {}, 'line'),
        h('dd', {}, `GPQA = ${fmt(line.slope, 6)} · SWE + ${fmt(line.intercept, 6)} (OLS over the ${line.n} frozen models, r = ${fmt(line.r, 3)})`),
        h('dt', {}, 'GPQA on the line'),
        h('dd', {}, `${fmt(predicted, 4)}%`),
        h('dt', {}, 'h'),
        h('dd', { class: 'big' }, `${signed(hv, 3)} GPQA points`),
        h('dt', {}, 'phase'),
        h('dd', {}, badge(phaseOf(hv, f.cooperativeBand), phaseOf(hv, f.cooperativeBand)), ` (|h| ≤ ${f.cooperativeBand}: cooperative)`),
        h('dt', {}, 'playbook'),
        h('dd', {}, badge(playbookOf(hv, f.playbookBand), playbookOf(hv, f.playbookBand)), ` (|h| ≤ ${f.playbookBand}: balanced)`),
        lab ? h('dt', {}, `${lab.lab} so far`) : null,
        lab
          ? h(
              'dd',
              {},
              `mean h ${signed(lab.h_frozen as number)} over ${lab.n_frozen} frozen model(s)${lab.h_core === null ? '' : `, ${signed(lab.h_core as number)} over ${lab.n_core} core`}${last ? `; Δh from its latest release, ${last.model} (${last.release_date}, h ${signed(last.h as number)}): ${signed(hv - (last.h as number))}` : ''}`,
            )
          : null,
      ),
    );
  };
  for (const el of [swe, gpqa, labSel]) el.addEventListener('input', update);
  const top = [...ctx.table('B-tab3-frontier-panel').rows].sort((a, b) =>
    releaseDate(String(b.release_date)).localeCompare(releaseDate(String(a.release_date))),
  )[0];
  swe.value = String(top?.swe ?? '');
  gpqa.value = String(top?.gpqa ?? '');
  update();
  return section(
    'h-field calculator for a new model',
    h(
      'p',
      {},
      `Pre-filled with the newest model in the panel (${top?.model ?? '—'}); type a new model's scores. h uses the frozen line from tables/B-s3-regression-subsets (coefficients at the table's printed precision) and the bands of this run's config.`,
    ),
    h(
      'div',
      { class: 'controls' },
      labelled('SWE-bench Verified (% resolved)', swe),
      labelled('GPQA Diamond (% accuracy)', gpqa),
      labelled('Lab (optional)', labSel),
    ),
    out,
  );
}

export const charts = { trajectories: trajectoryChart };

export async function render(panel: HTMLElement, ctx: TabContext): Promise<void> {
  const figs = h('div', { class: 'chart-row' });
  const traj = new Chart();
  const labs = [...new Set(ctx.table('B-s4-lab-trajectories').rows.map((r) => String(r.lab)))].sort();
  const labSel = select([['all', 'all labs'], ...labs.map((l): [string, string] => [l, l])], 'all');
  labSel.addEventListener('change', () => void traj.setSignal('lab', labSel.value));
  panel.append(
    section('SWE-bench Verified against GPQA Diamond', h('p', {}, 'Paper B’s population line and each lab’s h-field (distance above or below it).'), figs),
    section(
      'Lab trajectories',
      h('div', { class: 'controls' }, labelled('Lab', labSel)),
      traj.el,
      renderTable(ctx.table('B-tab1-per-lab-hfield')),
      renderTable(ctx.table('B-s4-trajectory-steps')),
    ),
    calculator(ctx),
    section(
      'The seven predictions',
      renderTable(ctx.table('B-s6-predictions'), {
        columns: ['id', 'name', 'deadline', 'as_of', 'status', 'values', 'pass_if', 'fail_if', 'reason'],
        cell: statusCell,
      }),
    ),
  );
  for (const id of ['B-fig1a-frontier-scatter', 'B-fig1b-hfield-by-lab']) {
    const f = ctx.figure(id);
    if (f) await addChart(figs, f);
  }
  await traj.draw(ctx.chart('trajectories'));
}
