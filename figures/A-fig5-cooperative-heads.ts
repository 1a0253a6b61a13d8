import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const figure: FigureDef = {
  id: 'A-fig5-cooperative-heads',
  paper: 'A',
  ref: 'Fig. 5',
  title: 'Percent cooperative heads by family, from the released per-model head data',
  provenance: 're-plotted from released measurements',
  build(results) {
    const values = results.internals.fig5.map((f) => ({
      family: f.inFig5 ? f.family : `${f.family} (not in Fig. 5)`,
      coop: f.meanCooperativePct,
      label: `${f.released} / ${f.paperCount ?? '–'}`,
      released: f.released,
      label_y: f.meanCooperativePct ?? 0,
    }));
    const x = { field: 'family', type: 'nominal' as const, title: null, sort: null };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: 'Paper A Fig. 5: cooperative heads by family (re-plotted from released measurements)',
        subtitle: [
          'bar = mean over the models with released head data; no bar = no released data',
          'label = models with released head data / models printed in Fig. 5 (– = not a Fig. 5 family)',
        ],
      },
      config: { ...baseConfig, axisX: { labelAngle: -30 } },
      data: { values },
      width: { step: 56 },
      height: 260,
      layer: [
        {
          mark: { type: 'bar', color: '#2471a3' },
          encoding: {
            x,
            y: { field: 'coop', type: 'quantitative', title: 'cooperative heads (%)', scale: { domain: [0, 110] } },
            tooltip: [{ field: 'family' }, { field: 'coop', format: '.1f' }, { field: 'label' }],
          },
        },
        {
          mark: { type: 'text', dy: -4, fontSize: 11, baseline: 'bottom' },
          encoding: { x, y: { field: 'label_y', type: 'quantitative' }, text: { field: 'label' } },
        },
      ],
    };
  },
};

export default figure;
