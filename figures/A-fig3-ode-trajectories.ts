import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const pct = (x: number | null) => (x === null ? 'diverged' : `${x.toFixed(2)}%`);

const figure: FigureDef = {
  id: 'A-fig3-ode-trajectories',
  paper: 'A',
  ref: 'Fig. 3',
  title: 'Pythia benchmark trajectories against the integrated ODE (linear as coded, STLSQ as described)',
  provenance: 'recomputed',
  build(results) {
    const f = results.ode.fig3;
    const label = new Map(f.panels.map((p) => [p.benchmark, p.label]));
    const values = [
      ...f.points.map((p) => ({ panel: label.get(p.benchmark), series: 'Pythia scores', model: p.model, params_b: p.paramsB, value: p.value })),
      ...f.curves.map((c) => ({ panel: label.get(c.benchmark), series: c.curve, params_b: c.paramsB, value: c.value })),
      ...f.panels.flatMap((p) => [
        { panel: p.label, series: 'note', line: 0, text: `linear: ${pct(p.linearError)} (authors’ metric)` },
        { panel: p.label, series: 'note', line: 1, text: `STLSQ: ${pct(p.sparseMape)} (MAPE)` },
      ]),
    ];
    const sizes = f.points.map((p) => p.paramsB);
    const x = {
      field: 'params_b',
      type: 'quantitative' as const,
      title: 'N (B params)',
      scale: { type: 'log' as const, domain: [Math.min(...sizes) * 0.8, Math.max(...sizes) * 1.25], nice: false },
    };
    const y = { field: 'value', type: 'quantitative' as const, title: 'score (%)', scale: { zero: false } };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: 'Paper A Fig. 3: ODE trajectories on Pythia, integrated with RK4 from 70M',
        subtitle: [`data: ${f.source}`, 'text in each panel: that benchmark’s error for each fit'],
      },
      config: baseConfig,
      data: { values },
      facet: { field: 'panel', type: 'nominal', title: null, sort: f.panels.map((p) => p.label), header: { labelLimit: 400, labelFontSize: 12 } },
      columns: 3,
      spec: {
        width: 260,
        height: 180,
        layer: [
          {
            mark: { type: 'line', strokeWidth: 1.8, clip: true },
            transform: [{ filter: { field: 'series', oneOf: [...new Set(f.curves.map((c) => c.curve))] } }],
            encoding: {
              x,
              y,
              color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom', labelLimit: 400 } },
              order: { field: 'params_b' },
            },
          },
          {
            mark: { type: 'point', filled: true, color: 'black', size: 35 },
            transform: [{ filter: { field: 'series', equal: 'Pythia scores' } }],
            encoding: { x, y, tooltip: [{ field: 'model' }, { field: 'params_b', title: 'N (B)' }, { field: 'value', title: 'score (%)' }] },
          },
          {
            mark: { type: 'text', align: 'left', baseline: 'top', fontSize: 10, color: '#333' },
            transform: [{ filter: { field: 'series', equal: 'note' } }, { calculate: '6 + 13 * datum.line', as: 'ypx' }],
            encoding: { x: { value: 6 }, y: { field: 'ypx', type: 'quantitative', scale: null }, text: { field: 'text' } },
          },
        ],
      },
      resolve: { scale: { y: 'independent' } },
    };
  },
};

export default figure;
