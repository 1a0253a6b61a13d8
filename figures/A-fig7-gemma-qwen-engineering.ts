import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const figure: FigureDef = {
  id: 'A-fig7-gemma-qwen-engineering',
  paper: 'A',
  ref: 'Fig. 7',
  title: 'Gemma coupling against d_rep and Qwen coupling across generations',
  provenance: 're-plotted from released measurements',
  build(results) {
    const pts = results.internals.fig7;
    const a = pts.filter((p) => p.panel === 'a' && p.dRep !== null).map((p) => ({ model: p.model, coupling: p.coupling, d_rep: p.dRep }));
    const aNoDrep = pts.filter((p) => p.panel === 'a' && p.dRep === null).map((p) => ({ model: `${p.model}: no d_rep released`, coupling: p.coupling }));
    const b = pts.filter((p) => p.panel === 'b').map((p) => ({ model: p.model, coupling: p.coupling, measure: p.measure }));
    const y = { field: 'coupling', type: 'quantitative' as const, scale: { zero: false, padding: 20 } };
    const xd = { field: 'd_rep', type: 'quantitative' as const, title: 'd_rep (stored d_eff)', scale: { zero: false, padding: 30 } };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: 'Paper A Fig. 7: Gemma and Qwen internal coupling (re-plotted from released measurements)',
        subtitle: 'quoted values exist only as comparison fields inside another model’s file; panel (b) mixes two measures, as in the paper',
      },
      config: { ...baseConfig, legend: { ...baseConfig.legend, orient: 'bottom', labelLimit: 360, columns: 1 }, axisX: { labelAngle: -30 } },
      hconcat: [
        {
          title: '(a) Gemma: coupling vs d_rep',
          width: 260,
          height: 240,
          layer: [
            {
              data: { values: aNoDrep },
              mark: { type: 'rule', strokeDash: [4, 3], color: '#7f8c8d' },
              encoding: { y: { ...y, title: 'HS–TQA internal coupling (cosine)' }, tooltip: [{ field: 'model' }, { field: 'coupling' }] },
            },
            {
              data: { values: aNoDrep },
              mark: { type: 'text', align: 'left', dy: -6, fontSize: 9, color: '#7f8c8d' },
              encoding: { x: { value: 4 }, y, text: { field: 'model' } },
            },
            {
              data: { values: a },
              mark: { type: 'point', filled: true, size: 80 },
              encoding: { x: xd, y, tooltip: [{ field: 'model' }, { field: 'coupling' }, { field: 'd_rep' }] },
            },
            { data: { values: a }, mark: { type: 'text', align: 'right', dx: -8, fontSize: 10 }, encoding: { x: xd, y, text: { field: 'model' } } },
          ],
        },
        {
          title: '(b) Qwen generations',
          width: { step: 60 },
          height: 240,
          data: { values: b },
          mark: 'bar',
          encoding: {
            x: { field: 'model', type: 'nominal', title: null, sort: null },
            y: { field: 'coupling', type: 'quantitative', title: 'internal coupling (cosine)', scale: { domain: [0, 1] } },
            color: { field: 'measure', type: 'nominal', title: 'measure' },
            tooltip: [{ field: 'model' }, { field: 'coupling' }, { field: 'measure' }],
          },
        },
      ],
    };
  },
};

export default figure;
