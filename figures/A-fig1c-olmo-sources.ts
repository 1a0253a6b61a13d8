import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const figure: FigureDef = {
  id: 'A-fig1c-olmo-sources',
  paper: 'A',
  ref: 'Fig. 1c',
  title: 'OLMo 1B → 7B: HellaSwag and TruthfulQA as each source gives them',
  provenance: 'recomputed',
  build(results) {
    const values = results.eigen.olmo.flatMap((s) =>
      [
        ['HellaSwag (acc_norm, 10-shot)', s.hsSmall, s.hsLarge],
        ['TruthfulQA (MC2, 0-shot)', s.tqaSmall, s.tqaLarge],
      ].flatMap(([benchmark, a, b]) =>
        a === null || b === null
          ? []
          : [
              { source: s.source, benchmark, size: 'OLMo-1B', order: 0, score: a },
              { source: s.source, benchmark, size: 'OLMo-7B', order: 1, score: b },
            ],
      ),
    );
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: 'Paper A Fig. 1c: OLMo 1B → 7B in each source',
        subtitle: [
          'the figure script’s typed-in values are not in the released data and are not shown',
          'lines that coincide are sources that agree (dashes differ per source)',
        ],
      },
      config: { ...baseConfig, legend: { ...baseConfig.legend, orient: 'bottom', labelLimit: 300 } },
      data: { values },
      facet: { column: { field: 'benchmark', type: 'nominal', title: null } },
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: 220,
        height: 260,
        layer: [
          {
            mark: { type: 'line', point: { filled: true, size: 60 } },
            encoding: {
              x: { field: 'size', type: 'ordinal', title: null, sort: ['OLMo-1B', 'OLMo-7B'] },
              y: { field: 'score', type: 'quantitative', title: 'score (%)', scale: { zero: false } },
              color: { field: 'source', type: 'nominal', title: 'source' },
              strokeDash: { field: 'source', type: 'nominal', title: 'source' },
              order: { field: 'order' },
              tooltip: [{ field: 'source' }, { field: 'size' }, { field: 'score' }],
            },
          },
        ],
      },
    };
  },
};

export default figure;
