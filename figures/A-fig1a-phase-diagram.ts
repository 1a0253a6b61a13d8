import type { FigureDef } from './figure.ts';
import { baseConfig, PHASE_COLORS } from './figure.ts';

const figure: FigureDef = {
  id: 'A-fig1a-phase-diagram',
  paper: 'A',
  ref: 'Fig. 1a',
  title: 'HellaSwag vs TruthfulQA for every model, coloured by coupling phase',
  provenance: 'recomputed',
  build(results) {
    const pc = results.coupling.published;
    const values = pc.families.flatMap((f) =>
      f.models
        .filter((m) => m.scores.hellaswag !== null && m.scores.truthfulqa_mc2 !== null)
        .map((m) => ({
          model: m.model,
          family: m.family,
          params_b: m.paramsB,
          hellaswag: m.scores.hellaswag,
          truthfulqa: m.scores.truthfulqa_mc2,
          phase: f.phases.get(m.model) ?? 'none',
          source: m.source,
        })),
    );
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: 'Paper A Fig. 1a: phase diagram (as-published panel)', subtitle: 'phase = phase of the interval ending at the model within its family; smallest model of each family has none' },
      width: 560,
      height: 400,
      config: baseConfig,
      data: { values },
      layer: [
        {
          mark: { type: 'line', strokeWidth: 1, opacity: 0.35, color: '#888' },
          encoding: {
            x: { field: 'hellaswag', type: 'quantitative' },
            y: { field: 'truthfulqa', type: 'quantitative' },
            detail: { field: 'family' },
            order: { field: 'params_b' },
          },
        },
        {
          mark: { type: 'point', filled: true, opacity: 0.85 },
          encoding: {
            x: { field: 'hellaswag', type: 'quantitative', title: 'HellaSwag (acc_norm, 10-shot, %)', scale: { zero: false } },
            y: { field: 'truthfulqa', type: 'quantitative', title: 'TruthfulQA (MC2, 0-shot, %)', scale: { zero: false } },
            size: { field: 'params_b', type: 'quantitative', title: 'N (B params)', scale: { type: 'log', range: [15, 400] } },
            color: { field: 'phase', type: 'nominal', title: 'phase', scale: PHASE_COLORS },
            tooltip: [
              { field: 'model' },
              { field: 'family' },
              { field: 'params_b', title: 'N (B)' },
              { field: 'hellaswag', title: 'HS' },
              { field: 'truthfulqa', title: 'TQA' },
              { field: 'phase' },
              { field: 'source' },
            ],
          },
        },
      ],
    };
  },
};

export default figure;
