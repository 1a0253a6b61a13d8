import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const SWE = 'SWE-bench Verified (% resolved)';
const GPQA = 'GPQA Diamond (% accuracy)';

const figure: FigureDef = {
  id: 'B-fig1a-frontier-scatter',
  paper: 'B',
  ref: 'Fig. 1a',
  title: 'GPQA Diamond against SWE-bench Verified for every frontier model, with the frozen-panel regression line',
  provenance: 'recomputed',
  build(results) {
    const fr = results.frontier;
    const points = fr.rows.map((r) => ({
      model: r.model.model,
      lab: r.model.lab,
      subset: r.model.subset,
      swe: r.model.scores.swe_verified,
      gpqa: r.model.scores.gpqa_diamond,
      h: r.h,
      release: r.model.releaseDate,
    }));
    const x = { field: 'swe', type: 'quantitative' as const, title: SWE, scale: { zero: false } };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: `Paper B Fig. 1a: ${fr.rows.length} frontier models`,
        subtitle: [
          `line: OLS over the ${fr.fit.n} frozen models, GPQA = ${fr.fit.slope.toFixed(3)}·SWE + ${fr.fit.intercept.toFixed(1)} (r = ${fr.fit.r.toFixed(3)})`,
          `band: ${results.config.frontier.predictionIntervalLevel * 100}% prediction interval; triangles: post-cutoff models (labelled), not in the fit`,
        ],
      },
      width: 600,
      height: 420,
      config: baseConfig,
      layer: [
        {
          data: { values: fr.line },
          mark: { type: 'area', opacity: 0.12, color: '#777' },
          encoding: { x, y: { field: 'low', type: 'quantitative', title: GPQA }, y2: { field: 'high' } },
        },
        {
          data: { values: fr.line },
          mark: { type: 'line', color: '#333', strokeWidth: 1.5 },
          encoding: { x, y: { field: 'gpqa', type: 'quantitative' } },
        },
        {
          data: { values: points },
          mark: { type: 'point', filled: true, size: 70, opacity: 0.9 },
          encoding: {
            x,
            y: { field: 'gpqa', type: 'quantitative', title: GPQA, scale: { zero: false } },
            color: { field: 'lab', type: 'nominal', title: 'lab', scale: { scheme: 'tableau10' } },
            shape: { field: 'subset', type: 'nominal', title: 'subset', scale: { domain: ['core', 'extended', 'post-cutoff'], range: ['circle', 'square', 'triangle-up'] } },
            tooltip: [{ field: 'model' }, { field: 'lab' }, { field: 'subset' }, { field: 'swe', title: 'SWE' }, { field: 'gpqa', title: 'GPQA' }, { field: 'h', title: 'h', format: '.1f' }, { field: 'release' }],
          },
        },
        {
          data: { values: points.filter((p) => p.subset === 'post-cutoff') },
          mark: { type: 'text', align: 'right', dx: -7, dy: -6, fontSize: 8, color: '#444' },
          encoding: { x, y: { field: 'gpqa', type: 'quantitative' }, text: { field: 'model' } },
        },
      ],
    };
  },
};

export default figure;
