import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const figure: FigureDef = {
  id: 'A-fig2b-boosting-chain',
  paper: 'A',
  ref: 'Fig. 2b',
  title: 'Boosting chain: only the power-law level can be recomputed from the released data',
  provenance: 'recomputed',
  build(results) {
    const levels = results.loss.tables.find((t) => t.id === 'A-fig2b-boosting-chain')?.rows ?? [];
    const values = levels.map((r) => ({
      level: `${r.level}: ${r.description}`,
      computable: r.computable ? 'recomputed' : 'not recomputable',
      value: r.computable ? r.value : null,
      label: r.computable ? '' : 'not recomputable: no code or output released',
    }));
    const y = { field: 'level', type: 'nominal' as const, title: null, sort: null };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: 'Paper A Fig. 2b: boosting-chain prediction error',
        subtitle: 'the paper’s bar heights are typed into its figure script; L1–L4 have no released computation',
      },
      config: { ...baseConfig, axisY: { labelLimit: 420 } },
      data: { values },
      width: 320,
      height: { step: 30 },
      layer: [
        {
          mark: { type: 'bar', color: '#2471a3' },
          encoding: {
            y,
            x: { field: 'value', type: 'quantitative', title: 'MAPE of the loss prediction (%)' },
            tooltip: [{ field: 'level' }, { field: 'value', format: '.3f' }],
          },
        },
        { mark: { type: 'text', align: 'left', dx: 4, color: '#7f8c8d' }, encoding: { y, x: { datum: 0 }, text: { field: 'label' } } },
      ],
    };
  },
};

export default figure;
