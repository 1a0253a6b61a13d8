import type { TopLevelSpec } from 'vega-lite';
import type { FigureDef } from './figure.ts';
import { baseConfig, PHASE_COLORS } from './figure.ts';

/** One model on the phase diagram; phase is that of the interval ending at it within its family. */
export interface PhasePoint {
  model: string;
  family: string;
  params_b: number;
  hellaswag: number | null;
  truthfulqa: number | null;
  phase: string;
  g12: number | null;
  source: string;
}

export interface PhaseSpecOptions {
  title: string;
  subtitle: string;
  width: number;
  height: number;
  /** Adds a `family` parameter ('all' or a family name) that filters the points; the dashboard binds it to a select. */
  familyFilter?: boolean;
}

/** The phase-diagram spec shared by Fig. 1a and the dashboard's Overview tab. */
export function phaseDiagramSpec(values: PhasePoint[], o: PhaseSpecOptions): TopLevelSpec {
  const x = { field: 'hellaswag', type: 'quantitative' as const, title: 'HellaSwag (acc_norm, 10-shot, %)', scale: { zero: false } };
  const y = { field: 'truthfulqa', type: 'quantitative' as const, title: 'TruthfulQA (MC2, 0-shot, %)', scale: { zero: false } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: o.title, subtitle: o.subtitle },
    width: o.width,
    height: o.height,
    config: baseConfig,
    ...(o.familyFilter ? { params: [{ name: 'family', value: 'all' }], transform: [{ filter: "family == 'all' || datum.family == family" }] } : {}),
    data: { values },
    layer: [
      {
        mark: { type: 'line', strokeWidth: 1, opacity: 0.35, color: '#888' },
        encoding: { x, y, detail: { field: 'family' }, order: { field: 'params_b' } },
      },
      {
        mark: { type: 'point', filled: true, opacity: 0.85, stroke: '#333', strokeWidth: 0.5 },
        encoding: {
          x,
          y,
          size: { field: 'params_b', type: 'quantitative', title: 'N (B params)', scale: { type: 'log', range: [15, 400] } },
          color: { field: 'phase', type: 'nominal', title: 'phase', scale: PHASE_COLORS },
          tooltip: [
            { field: 'model' },
            { field: 'family' },
            { field: 'params_b', title: 'N (B params)' },
            { field: 'hellaswag', title: 'HellaSwag (%)' },
            { field: 'truthfulqa', title: 'TruthfulQA MC2 (%)' },
            { field: 'phase' },
            { field: 'g12', title: 'g12 of the interval ending here', format: '.3f' },
            { field: 'source' },
          ],
        },
      },
    ],
  };
}

const figure: FigureDef = {
  id: 'A-fig1a-phase-diagram',
  paper: 'A',
  ref: 'Fig. 1a',
  title: 'HellaSwag vs TruthfulQA for every model, coloured by coupling phase',
  provenance: 'recomputed',
  build(results) {
    const values = results.coupling.published.families.flatMap((f) => {
      const ending = new Map(f.intervals.map((iv) => [iv.to, iv]));
      return f.models
        .filter((m) => m.scores.hellaswag !== null && m.scores.truthfulqa_mc2 !== null)
        .map((m) => ({
          model: m.model,
          family: m.family,
          params_b: m.paramsB,
          hellaswag: m.scores.hellaswag,
          truthfulqa: m.scores.truthfulqa_mc2,
          phase: f.phases.get(m.model) ?? 'none',
          g12: ending.get(m.model)?.g12 ?? null,
          source: m.source,
        }));
    });
    return phaseDiagramSpec(values, {
      title: 'Paper A Fig. 1a: phase diagram (as-published panel)',
      subtitle: 'phase = phase of the interval ending at the model within its family; smallest model of each family has none',
      width: 560,
      height: 400,
    });
  },
};

export default figure;
