/** Paper B Fig. 1a: GPQA Diamond against SWE-bench Verified for every frontier model, the frozen-panel line and its prediction band. */
import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const SWE = 'SWE-bench Verified (% resolved)';
const GPQA = 'GPQA Diamond (% accuracy)';

/** Label column: this many SWE points left of the leftmost labelled model, starting this many GPQA points above the highest, one label every LABEL_STEP. */
const LABEL_LEFT = 10;
const LABEL_ABOVE = 12;
const LABEL_STEP = 3;

interface Labelled {
  model: string;
  swe: number;
  gpqa: number;
}

/**
 * The post-cutoff models sit in the crowded top-right cluster (SWE 75-90),
 * where labels beside the points collide. Their labels go in a column in the
 * empty space to the upper left, highest model first, each joined to its point
 * by a leader line: readable in the static PNG and SVG, without hovering.
 */
function leaderLabels(points: Labelled[]) {
  const sorted = [...points].sort((a, b) => b.gpqa - a.gpqa || a.model.localeCompare(b.model));
  const x = Math.min(...sorted.map((p) => p.swe)) - LABEL_LEFT;
  const top = Math.max(...sorted.map((p) => p.gpqa)) + LABEL_ABOVE;
  return sorted.map((p, i) => ({ ...p, label_swe: x, label_gpqa: top - i * LABEL_STEP }));
}

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
    const labels = leaderLabels(points.filter((p): p is typeof p & Labelled => p.subset === 'post-cutoff' && p.swe !== null && p.gpqa !== null));
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: `Paper B Fig. 1a: ${fr.rows.length} frontier models`,
        subtitle: [
          `line: OLS over the ${fr.fit.n} frozen models, GPQA = ${fr.fit.slope.toFixed(3)}·SWE + ${fr.fit.intercept.toFixed(1)} (r = ${fr.fit.r.toFixed(3)})`,
          `band: ${results.config.frontier.predictionIntervalLevel * 100}% prediction interval; triangles: post-cutoff models (labelled, with leader lines), not in the fit`,
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
            shape: {
              field: 'subset',
              type: 'nominal',
              title: 'subset',
              scale: { domain: ['core', 'extended', 'post-cutoff'], range: ['circle', 'square', 'triangle-up'] },
            },
            tooltip: [
              { field: 'model' },
              { field: 'lab' },
              { field: 'subset' },
              { field: 'swe', title: 'SWE' },
              { field: 'gpqa', title: 'GPQA' },
              { field: 'h', title: 'h', format: '.1f' },
              { field: 'release' },
            ],
          },
        },
        {
          data: { values: labels },
          mark: { type: 'rule', color: '#777', strokeWidth: 0.7 },
          encoding: {
            x: { ...x, field: 'label_swe' },
            y: { field: 'label_gpqa', type: 'quantitative', title: GPQA },
            x2: { field: 'swe' },
            y2: { field: 'gpqa' },
          },
        },
        {
          data: { values: labels },
          mark: { type: 'text', align: 'right', baseline: 'middle', dx: -3, fontSize: 9, color: '#333' },
          encoding: { x: { ...x, field: 'label_swe' }, y: { field: 'label_gpqa', type: 'quantitative', title: GPQA }, text: { field: 'model' } },
        },
      ],
    };
  },
};

export default figure;
