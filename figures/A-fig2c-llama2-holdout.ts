import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const figure: FigureDef = {
  id: 'A-fig2c-llama2-holdout',
  paper: 'A',
  ref: 'Fig. 2c',
  title: 'Llama-2 hold-out: TruthfulQA against N with the fitted curves',
  provenance: 'recomputed',
  build(results) {
    const f = results.ode.fig2c;
    const values = [
      ...f.points.map((p) => ({ kind: 'model', family: p.family, role: p.role, model: p.model, params_b: p.paramsB, tqa: p.value })),
      ...f.curves.map((c) => ({ kind: 'curve', curve: c.curve, params_b: c.paramsB, tqa: c.value })),
    ];
    const sizes = f.points.map((p) => p.paramsB);
    const x = {
      field: 'params_b',
      type: 'quantitative' as const,
      title: 'N (B params)',
      scale: { type: 'log' as const, domain: [Math.min(...sizes) * 0.8, Math.max(...sizes) * 1.25], nice: false },
    };
    const y = { field: 'tqa', type: 'quantitative' as const, title: 'TruthfulQA (MC2, 0-shot, %)', scale: { zero: false } };
    const ode = f.odeTqaMape === null ? 'diverged' : `${f.odeTqaMape.toFixed(2)}%`;
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: 'Paper A Fig. 2c: Llama-2 hold-out (data of scripts/bootstrap_Nc.py)',
        subtitle: [
          `degree-2 fit on Pythia + Llama-1: ${f.heldOutMape.toFixed(2)}% MAPE on Llama-2; with Llama-2 in the fit (the figure code): ${f.inSampleMape.toFixed(2)}% (in-sample)`,
          `linear ODE fitted on Pythia, started at the as-published panel’s Llama-2-7B: TQA MAPE ${ode} on 13B and 70B`,
        ],
      },
      width: 520,
      height: 340,
      config: baseConfig,
      data: { values },
      layer: [
        {
          mark: { type: 'line', strokeWidth: 1.8 },
          transform: [{ filter: { field: 'kind', equal: 'curve' } }],
          encoding: {
            x,
            y,
            strokeDash: {
              field: 'curve',
              type: 'nominal',
              title: 'fit',
              legend: { orient: 'bottom', direction: 'vertical', labelLimit: 600, symbolStrokeColor: '#555' },
            },
            detail: { field: 'curve' },
            color: { value: '#555' },
            order: { field: 'params_b' },
          },
        },
        {
          mark: { type: 'point', filled: true, size: 70 },
          transform: [{ filter: { field: 'kind', equal: 'model' } }],
          encoding: {
            x,
            y,
            color: { field: 'family', type: 'nominal', title: 'family' },
            shape: { field: 'role', type: 'nominal', title: 'role' },
            tooltip: [{ field: 'model' }, { field: 'params_b', title: 'N (B)' }, { field: 'tqa', title: 'TQA (%)' }, { field: 'role' }],
          },
        },
      ],
    };
  },
};

export default figure;
