import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const LABEL: Record<string, string> = { swe_verified: 'SWE-bench Verified (%)', gpqa_diamond: 'GPQA Diamond (%)' };

const figure: FigureDef = {
  id: 'B-fig4-saturation',
  paper: 'B',
  ref: 'Fig. 4',
  title: 'Scores of the top-5 SWE-bench Verified models on both axes: SWE spread against GPQA spread',
  provenance: 'recomputed',
  build(results) {
    const fr = results.frontier;
    const byName = new Map(fr.models.map((m) => [m.model, m]));
    const rows = fr.saturation.filter((s) => s.old === 'swe_verified' && s.rankedBy === 'swe_verified' && s.models.length > 0);
    const points = rows.flatMap((s) =>
      s.models.flatMap((name) =>
        (['swe_verified', 'gpqa_diamond'] as const).map((b) => ({
          population: s.population,
          benchmark: LABEL[b],
          model: name,
          score: byName.get(name)?.scores[b] ?? null,
        })),
      ),
    );
    const labels = rows.flatMap((s) => [
      { population: s.population, benchmark: LABEL.swe_verified, text: `spread ${s.spreadOld?.toFixed(1)} pp` },
      { population: s.population, benchmark: LABEL.gpqa_diamond, text: `spread ${s.spreadNew?.toFixed(1)} pp; σ = ${s.sigma?.toFixed(3)}` },
    ]);
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: `Paper B Fig. 4: asymmetric saturation among the top-${results.config.frontier.topK} SWE-bench Verified models`,
        subtitle: 'σ = SWE spread / GPQA spread over the same models; HLE is not shown: no per-model HLE scores are released',
      },
      config: baseConfig,
      facet: { row: { field: 'population', type: 'nominal', title: 'population', sort: rows.map((s) => s.population) } },
      data: { values: [...points, ...labels] },
      spec: {
        width: 520,
        height: 90,
        layer: [
          {
            transform: [{ filter: 'isValid(datum.score)' }],
            mark: { type: 'point', filled: true, size: 80, opacity: 0.85 },
            encoding: {
              x: { field: 'score', type: 'quantitative', title: 'score (%)', scale: { zero: false } },
              y: { field: 'benchmark', type: 'nominal', title: null, axis: { labelLimit: 220 } },
              color: { field: 'model', type: 'nominal', title: 'model', scale: { scheme: 'tableau10' } },
              tooltip: [{ field: 'model' }, { field: 'benchmark' }, { field: 'score' }],
            },
          },
          {
            transform: [{ filter: 'isValid(datum.text)' }],
            mark: { type: 'text', align: 'left', x: 4, dy: -12, fontSize: 10, color: '#333' },
            encoding: { y: { field: 'benchmark', type: 'nominal' }, text: { field: 'text' } },
          },
        ],
      },
    };
  },
};

export default figure;
