import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const figure: FigureDef = {
  id: 'B-fig3-nc2-two-family',
  paper: 'B',
  ref: 'Fig. 3',
  title: 'Net internal coupling of OPT and Llama-2 against scale, re-plotted from released measurements',
  provenance: 're-plotted from released measurements',
  build(results) {
    const values = results.frontier.nc2.map((r) => ({
      model: r.model,
      family: r.family,
      params_b: r.paramsB,
      analysis: r.analysis,
      net: r.netCoupling,
      source: r.source,
    }));
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: 'Paper B Fig. 3: Nc2 in two families (re-plotted from released measurements)',
        subtitle: [
          'released values only; shapes mark different analyses, comparable within an analysis only',
          'the paper’s OPT 125M-13B series is not released',
        ],
      },
      width: 520,
      height: 340,
      config: baseConfig,
      data: { values },
      layer: [
        {
          mark: { type: 'line', strokeWidth: 1, opacity: 0.5 },
          encoding: {
            x: { field: 'params_b', type: 'quantitative', scale: { type: 'log' } },
            y: { field: 'net', type: 'quantitative' },
            color: { field: 'family', type: 'nominal' },
            detail: { field: 'analysis' },
            order: { field: 'params_b' },
          },
        },
        {
          mark: { type: 'point', filled: true, size: 90 },
          encoding: {
            x: { field: 'params_b', type: 'quantitative', title: 'parameters (B, log scale)', scale: { type: 'log' } },
            y: { field: 'net', type: 'quantitative', title: 'net internal coupling (cosine)', scale: { domain: [0, 1] } },
            color: { field: 'family', type: 'nominal', title: 'family' },
            shape: { field: 'analysis', type: 'nominal', title: 'analysis' },
            tooltip: [
              { field: 'model' },
              { field: 'analysis' },
              { field: 'params_b', title: 'N (B)' },
              { field: 'net', title: 'net coupling' },
              { field: 'source' },
            ],
          },
        },
      ],
    };
  },
};

export default figure;
