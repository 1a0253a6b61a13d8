import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const figure: FigureDef = {
  id: 'A-extra-gradient-norm',
  paper: 'A',
  ref: 'Extra (App. A.8)',
  title: 'Gradient norm against loss for the six released Pythia measurements, with the ‖∇L‖ ∝ L^k fit',
  provenance: 're-plotted from released measurements',
  build(results) {
    const g = results.loss.gradient;
    const values = g.models.map((m, i) => ({
      model: m.model,
      loss: m.lossMean,
      grad: m.gradNormMean,
      fit: g.fitted[i]!.byLoss,
      dip: m.model === g.dip.model ? 'largest dip below the N trend' : 'other',
    }));
    const x = { field: 'loss', type: 'quantitative' as const, scale: { type: 'log' as const }, title: 'loss (nats per token, wikitext-2)' };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: 'Paper A App. A.8: ‖∇L‖ vs L, re-plotted from released measurements',
        subtitle: `line: ln-ln OLS fit computed in the loss stage, k = ${g.k.slope.toFixed(2)}, r = ${g.k.r.toFixed(2)}`,
      },
      config: baseConfig,
      data: { values },
      width: 380,
      height: 280,
      layer: [
        { mark: { type: 'line', color: '#7f8c8d' }, encoding: { x, y: { field: 'fit', type: 'quantitative' }, order: { field: 'loss' } } },
        {
          mark: { type: 'point', filled: true, size: 70 },
          encoding: {
            x,
            y: { field: 'grad', type: 'quantitative', scale: { type: 'log' }, title: 'gradient L2 norm (mean of 10 samples)' },
            color: { field: 'dip', type: 'nominal', title: null, scale: { domain: ['largest dip below the N trend', 'other'], range: ['#c0392b', '#2471a3'] } },
            tooltip: [{ field: 'model' }, { field: 'loss' }, { field: 'grad' }],
          },
        },
        { mark: { type: 'text', dx: 6, align: 'left', fontSize: 10 }, encoding: { x, y: { field: 'grad', type: 'quantitative' }, text: { field: 'model' } } },
      ],
    };
  },
};

export default figure;
