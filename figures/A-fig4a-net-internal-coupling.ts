import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const figure: FigureDef = {
  id: 'A-fig4a-net-internal-coupling',
  paper: 'A',
  ref: 'Fig. 4a',
  title: 'Net internal coupling against N for Qwen2.5 and Qwen3',
  provenance: 're-plotted from released measurements',
  build(results) {
    const values = results.internals.qwen.map((q) => ({ model: q.model, family: q.family, params_b: q.paramsB, net: q.netCoupling, coop: 100 * q.coopFrac }));
    const x = { field: 'params_b', type: 'quantitative' as const, scale: { type: 'log' as const }, title: 'N (B params, as stored)' };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: 'Paper A Fig. 4a: net internal coupling vs N (re-plotted from released measurements)',
        subtitle:
          'qwen_generation.json; hidden-state cosine, not benchmark g12; each stored net value is one constant times the model’s cooperative-head fraction (see the findings table)',
      },
      config: baseConfig,
      data: { values },
      width: 420,
      height: 280,
      layer: [
        {
          mark: { type: 'line', point: { filled: true, size: 60 } },
          encoding: {
            x,
            y: { field: 'net', type: 'quantitative', title: 'net internal coupling (cosine)', scale: { domain: [0, 1] } },
            color: { field: 'family', type: 'nominal', title: 'family' },
            tooltip: [{ field: 'model' }, { field: 'net' }, { field: 'coop', title: 'cooperative heads (%)' }],
          },
        },
        {
          mark: { type: 'text', dy: -10, fontSize: 10 },
          transform: [{ filter: 'datum.coop < 100' }],
          encoding: { x, y: { field: 'net', type: 'quantitative' }, text: { field: 'model' } },
        },
      ],
    };
  },
};

export default figure;
