import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const SPACES = ['hidden', 'original_proj', 'wider_proj'];

const figure: FigureDef = {
  id: 'A-fig6-projection-bottleneck',
  paper: 'A',
  ref: 'Fig. 6',
  title: 'Reasoning–truthfulness cosine in hidden space, after the original projection and after a wider projection',
  provenance: 're-plotted from released measurements',
  build(results) {
    const values = results.internals.projection.map((p) => ({ model: p.model, params_b: p.paramsB, space: p.space, cosine: p.cosine }));
    const order = [...new Set(values.sort((a, b) => a.params_b - b.params_b).map((v) => v.model))];
    const x = { field: 'model', type: 'nominal' as const, title: null, sort: order };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: 'Paper A Fig. 6: output-projection bottleneck (re-plotted from released measurements)',
        subtitle: 'intervention_results_v2.json; the "wider projection" is untrained and identity-initialised (an element-wise GELU of the hidden state)',
      },
      config: baseConfig,
      data: { values },
      width: { step: 110 },
      height: 260,
      layer: [
        {
          mark: 'bar',
          encoding: {
            x,
            xOffset: { field: 'space', type: 'nominal', sort: SPACES },
            y: { field: 'cosine', type: 'quantitative', title: 'cosine(mean reasoning, mean truthfulness)', scale: { domain: [0, 1] } },
            color: { field: 'space', type: 'nominal', title: 'space', sort: SPACES },
            tooltip: [{ field: 'model' }, { field: 'space' }, { field: 'cosine', format: '.3f' }],
          },
        },
        {
          mark: { type: 'text', dy: -4, fontSize: 9, baseline: 'bottom' },
          encoding: {
            x,
            xOffset: { field: 'space', type: 'nominal', sort: SPACES },
            y: { field: 'cosine', type: 'quantitative' },
            text: { field: 'cosine', type: 'quantitative', format: '.3f' },
          },
        },
      ],
    };
  },
};

export default figure;
