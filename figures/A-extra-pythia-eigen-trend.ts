import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const figure: FigureDef = {
  id: 'A-extra-pythia-eigen-trend',
  paper: 'A',
  ref: 'Extra (App. A.9)',
  title: 'Pythia correlation-matrix eigenstructure on windows of consecutive sizes: λ2 and the TQA loading of e2',
  provenance: 'recomputed',
  build(results) {
    const values = results.eigen.trend.flatMap((w) => [
      { source: w.source, window: w.mode, params_b: w.paramsB, last: w.last, quantity: 'λ2', value: w.lambda2 },
      { source: w.source, window: w.mode, params_b: w.paramsB, last: w.last, quantity: 'TQA loading of e2', value: w.tqaLoadingE2 },
      { source: w.source, window: w.mode, params_b: w.paramsB, last: w.last, quantity: 'd_eff', value: w.deff },
    ]);
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: 'Paper A App. A.9: Pythia eigenvalue trend (recomputed; the paper’s figure inputs were typed in)',
        subtitle: 'cumulative = all sizes up to N; sliding = consecutive sizes ending at N; e2 sign fixed so its HellaSwag loading is ≥ 0',
      },
      config: { ...baseConfig, legend: { ...baseConfig.legend, orient: 'bottom', labelLimit: 360, columns: 1 } },
      data: { values },
      facet: { row: { field: 'quantity', type: 'nominal', title: null } },
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: 440,
        height: 150,
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'params_b', type: 'quantitative', scale: { type: 'log' }, title: 'N of the largest model in the window (B params)' },
          y: { field: 'value', type: 'quantitative', title: null },
          color: { field: 'source', type: 'nominal', title: 'scores' },
          strokeDash: { field: 'window', type: 'nominal', title: 'window' },
          tooltip: [{ field: 'source' }, { field: 'window' }, { field: 'last' }, { field: 'value', format: '.3f' }],
        },
      },
    };
  },
};

export default figure;
