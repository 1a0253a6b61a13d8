/** The ODE and predictions tab: a family's predicted trajectories to a chosen size, and how the ODE transfers to held-out families. */
import { baseConfig } from '../../figures/figure.ts';
import { BENCHMARK_LABEL, BENCHMARKS } from '../../pipeline/config.ts';
import { predictScores, PredictError, type Prediction } from '../../pipeline/ode/predict.ts';
import type { PanelName } from '../../pipeline/types.ts';
import type { Parts } from '../parts.ts';
import type { Payload } from '../payload.ts';
import type { TabContext } from '../tab-def.ts';
import { addChart, Chart } from '../ui/chart.ts';
import { fmt, h, labelled, section, select } from '../ui/dom.ts';
import { sourceButton } from '../ui/sources.ts';
import { renderTable } from '../ui/table.ts';

/** The points of one prediction: the integrated path, the family's data and the prediction at the target. */
function trajectoryPoints(p: Prediction) {
  return [
    ...p.path.flatMap((pt) =>
      BENCHMARKS.map((b, j) => ({ kind: 'ODE prediction', benchmark: BENCHMARK_LABEL[b], params_b: pt.paramsB, score: pt.scores[j], model: '' })),
    ),
    ...p.actual.flatMap((m) =>
      BENCHMARKS.map((b, j) => ({ kind: 'data', benchmark: BENCHMARK_LABEL[b], params_b: m.paramsB, score: m.scores[j], model: m.model })),
    ),
    ...(p.scores
      ? BENCHMARKS.map((b) => ({
          kind: 'prediction at the target',
          benchmark: BENCHMARK_LABEL[b],
          params_b: p.targetB,
          score: p.scores![b],
          model: `target ${p.targetB} B`,
        }))
      : []),
  ];
}

const trajectoryTitle = (p: Prediction) => ({
  text: `${p.family}: predicted five-benchmark trajectories beside the data`,
  subtitle: `integrated from ${p.startModel} (${p.startB} B); ${p.trainedOn}`,
});

/** Five panels, one per benchmark; the points are the named source "points", filled in the page. */
function trajectoryChart() {
  const x = { field: 'params_b', type: 'quantitative', title: 'N (B params)', scale: { type: 'log' } };
  const y = { field: 'score', type: 'quantitative', title: 'score (%)', scale: { zero: false } };
  const tooltip = [
    { field: 'kind' },
    { field: 'model' },
    { field: 'params_b', title: 'N (B params)', format: '.3g' },
    { field: 'score', title: 'score (%)', format: '.2f' },
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Predicted five-benchmark trajectories beside the data' },
    config: baseConfig,
    data: { name: 'points' },
    facet: { field: 'benchmark', type: 'nominal', title: null, sort: BENCHMARKS.map((b) => BENCHMARK_LABEL[b]) },
    columns: 5,
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 170,
      height: 160,
      layer: [
        { transform: [{ filter: "datum.kind == 'ODE prediction'" }], mark: { type: 'line', color: '#d35400' }, encoding: { x, y } },
        { transform: [{ filter: "datum.kind == 'data'" }], mark: { type: 'point', filled: true, color: '#1f3b57', size: 45 }, encoding: { x, y, tooltip } },
        {
          transform: [{ filter: "datum.kind == 'prediction at the target'" }],
          mark: { type: 'point', shape: 'diamond', filled: true, color: '#d35400', size: 110 },
          encoding: { x, y, tooltip },
        },
      ],
    },
  };
}

function predictionTable(p: Prediction): HTMLElement {
  const actual = p.actual.find((m) => Math.abs(m.paramsB - p.targetB) < 1e-9);
  return h(
    'div',
    { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Predicted scores' },
    h(
      'table',
      {},
      h('caption', {}, `Predicted scores at ${p.targetB} B`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'benchmark'),
          h('th', { scope: 'col' }, 'predicted (%)'),
          actual ? h('th', { scope: 'col' }, `${actual.model} actual (%)`) : null,
        ),
      ),
      h(
        'tbody',
        {},
        BENCHMARKS.map((b, j) =>
          h(
            'tr',
            {},
            h('td', {}, BENCHMARK_LABEL[b]),
            h('td', { class: 'num' }, p.scores ? fmt(p.scores[b]) : 'diverged'),
            actual ? h('td', { class: 'num' }, fmt(actual.scores[j])) : null,
          ),
        ),
      ),
    ),
  );
}

function lofoChart(data: Payload) {
  const rows = data.tables['A-extra-ode-leave-one-family-out']!.rows;
  const diverged = rows.filter((r) => r.mape_all === null).length;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Leave-one-family-out: error of the ODE on a family it never saw',
      subtitle: `${diverged} of ${rows.length} runs diverged before the family's largest model and have no error (last column of the table below)`,
    },
    config: baseConfig,
    data: { values: rows.filter((r) => r.mape_all !== null) },
    facet: { column: { field: 'panel', type: 'nominal', title: null } },
    spec: {
      width: 300,
      height: 200,
      mark: 'bar',
      encoding: {
        x: { field: 'family', type: 'nominal', title: 'held-out family' },
        xOffset: { field: 'fit', type: 'nominal' },
        y: { field: 'mape_all', type: 'quantitative', title: 'MAPE over all five benchmarks (%)' },
        color: { field: 'fit', type: 'nominal', title: 'fit', legend: { orient: 'bottom', labelLimit: 400 } },
        tooltip: [
          { field: 'family' },
          { field: 'fit' },
          { field: 'start', title: 'initial condition' },
          { field: 'mape_all', title: 'MAPE all (%)', format: '.1f' },
          { field: 'mape_truthfulqa_mc2', title: 'MAPE TQA (%)', format: '.1f' },
        ],
      },
    },
  };
}

/** Families with at least one fully scored model (a starting point), the one with most such models first. */
function familiesWithStart(panels: Parts['panels'], panel: PanelName): string[] {
  const counts = new Map<string, number>();
  for (const m of panels[panel]) if (BENCHMARKS.every((b) => m.scores[b] !== null)) counts.set(m.family, (counts.get(m.family) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([f]) => f);
}

export const charts = { trajectories: trajectoryChart, lofo: lofoChart };

export async function render(panel: HTMLElement, ctx: TabContext): Promise<void> {
  const [config, panels] = [ctx.part('config'), ctx.part('panels')];
  const panelSel = select(['as published', 'audited'], 'as published');
  const famSel = select([]);
  const size = h('input', { type: 'number', min: '0.001', step: 'any', inputmode: 'decimal' }) as HTMLInputElement;
  const out = h('div', { 'aria-live': 'polite' });
  const chart = new Chart();
  const fillFamilies = () => {
    famSel.replaceChildren(...familiesWithStart(panels, panelSel.value as PanelName).map((f) => h('option', { value: f }, f)));
    setDefaultSize();
  };
  const setDefaultSize = () => {
    const sizes = panels[panelSel.value as PanelName].filter((m) => m.family === famSel.value).map((m) => m.paramsB);
    size.value = String(Math.max(...sizes));
  };
  const run = async () => {
    const target = Number(size.value);
    let p: Prediction;
    try {
      p = predictScores({ name: panelSel.value as PanelName, models: panels[panelSel.value as PanelName] }, famSel.value, target, config);
    } catch (e) {
      if (!(e instanceof PredictError)) throw e;
      size.setAttribute('aria-invalid', 'true');
      out.replaceChildren(h('p', { class: 'error', role: 'alert' }, e.message));
      return;
    }
    size.removeAttribute('aria-invalid');
    out.replaceChildren(
      predictionTable(p),
      p.warnings.length
        ? h(
            'ul',
            { class: 'warnings' },
            p.warnings.map((w) => h('li', {}, w)),
          )
        : h('p', {}, 'No warning: the target lies inside the fitted range.'),
    );
    await chart.draw(ctx.chart('trajectories'), { data: { points: trajectoryPoints(p) }, title: trajectoryTitle(p) });
  };
  panelSel.addEventListener('change', () => {
    fillFamilies();
    void run();
  });
  famSel.addEventListener('change', () => {
    setDefaultSize();
    void run();
  });
  size.addEventListener('keydown', (e) => e.key === 'Enter' && void run());
  fillFamilies();

  const heldOut = section(
    'Held-out families: how the ODE transfers',
    h(
      'p',
      {},
      'The ODE as coded is fitted on Pythia only. These tables integrate it for families it never saw; the figures set the routes beside the data. In-sample errors on Pythia: ',
      sourceButton('table', 'A-fig3-ode-trajectory-errors'),
    ),
  );
  const figs = h('div', { class: 'chart-row' });
  heldOut.append(
    figs,
    renderTable(ctx.table('A-extra-ode-leave-one-family-out')),
    renderTable(ctx.table('A-s4-llama2-holdout-baselines'), { collapsed: true }),
  );
  panel.append(
    section(
      'Predict a family at a target size',
      h(
        'p',
        {},
        'Integrates the paper’s ODE (linear, fitted on Pythia’s finite differences, as the authors coded it) from the family’s smallest fully scored model to the target size: the same code as `cape predict`.',
      ),
      h(
        'div',
        { class: 'controls' },
        labelled('Panel', panelSel),
        labelled('Family', famSel),
        labelled('Target size (B params)', size),
        h('button', { type: 'button', class: 'primary', onclick: () => void run() }, 'Predict'),
      ),
      chart.el,
      out,
    ),
    heldOut,
  );
  await run();
  await addChart(figs, ctx.chart('lofo'));
  for (const id of ['A-fig3-ode-trajectories', 'A-fig2c-llama2-holdout']) {
    const f = ctx.figure(id);
    if (f) await addChart(figs, f);
  }
}
