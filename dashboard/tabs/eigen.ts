/** The Eigenstructure tab: d_eff per phase with its intervals, and the eigenvalues and loadings behind it. */
import { baseConfig } from '../../figures/figure.ts';
import { BENCHMARK_SHORT, BENCHMARKS } from '../../pipeline/config.ts';
import type { Payload } from '../payload.ts';
import type { TabContext } from '../tab-def.ts';
import { addChart } from '../ui/chart.ts';
import { h, section } from '../ui/dom.ts';
import { renderTable } from '../ui/table.ts';

/** Loadings of each principal axis on each benchmark, one heatmap per score source. */
function loadingsChart(data: Payload) {
  const values = data.tables['A-appA9-pythia-eigen']!.rows.flatMap((r) =>
    BENCHMARKS.map((b) => ({ source: r.source, component: r.component, eigenvalue: r.eigenvalue, benchmark: BENCHMARK_SHORT[b], loading: r[`load_${b}`] })),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Pythia correlation matrix: loadings of each eigenvector',
      subtitle: 'HS 10-shot, TQA MC2 0-shot, ARC 25-shot, WG 5-shot, MMLU 5-shot; sign fixed so the HellaSwag loading is ≥ 0',
    },
    config: baseConfig,
    data: { values },
    facet: { row: { field: 'source', type: 'nominal', title: null, header: { labelAngle: 0, labelAlign: 'left', labelOrient: 'top' } } },
    spec: {
      width: 300,
      height: 150,
      encoding: {
        x: { field: 'benchmark', type: 'nominal', sort: BENCHMARKS.map((b) => BENCHMARK_SHORT[b]), title: null },
        y: { field: 'component', type: 'nominal', title: 'eigenvector' },
      },
      layer: [
        {
          mark: 'rect',
          encoding: {
            color: { field: 'loading', type: 'quantitative', scale: { scheme: 'blueorange', domain: [-1, 1] } },
            tooltip: [{ field: 'component' }, { field: 'eigenvalue', format: '.4f' }, { field: 'benchmark' }, { field: 'loading', format: '.3f' }],
          },
        },
        {
          mark: { type: 'text', fontSize: 10 },
          encoding: { text: { field: 'loading', format: '.2f' }, color: { condition: { test: 'abs(datum.loading) > 0.6', value: 'white' }, value: 'black' } },
        },
      ],
    },
    resolve: { scale: { color: 'shared' } },
  };
}

export const charts = { loadings: loadingsChart };

export async function render(panel: HTMLElement, ctx: TabContext): Promise<void> {
  const deff = h('div', { class: 'chart-row' });
  const eig = h('div', { class: 'chart-row' });
  panel.append(
    section(
      'Effective dimensionality d_eff by phase',
      h(
        'p',
        {},
        'd_eff = (Σλ)²/Σλ² of the five-benchmark covariance and correlation matrices of the models in each phase, with family-stratified bootstrap 95% intervals (rows without an interval are alternative phase rules).',
      ),
      deff,
      renderTable(ctx.table('A-fig1d-deff-phases'), {
        columns: ['panel', 'rule', 'phase', 'n_models', 'n_families', 'deff_cov', 'cov_low', 'cov_high', 'deff_corr', 'corr_low', 'corr_high', 'resamples'],
      }),
    ),
    section(
      'Eigenvalues and loadings',
      eig,
      renderTable(ctx.table('A-appA9-pythia-eigen')),
      renderTable(ctx.table('A-appA9-pythia-summary')),
      renderTable(ctx.table('A-s2_3-pca-26models')),
      renderTable(ctx.table('B-tab2-coupling-matrix-eigenvalues')),
    ),
  );
  const fig1d = ctx.figure('A-fig1d-deff-phases');
  if (fig1d) await addChart(deff, fig1d);
  await addChart(eig, ctx.chart('loadings'));
  const trend = ctx.figure('A-extra-pythia-eigen-trend');
  if (trend) await addChart(eig, trend);
}
