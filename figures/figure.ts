import type { TopLevelSpec } from 'vega-lite';
import type { Results } from '../pipeline/run.ts';

/** A figure module shapes numbers a stage already computed into a Vega-Lite spec; it never computes statistics. */
export interface FigureDef {
  /** File stem under figures/, e.g. "A-fig1a-phase-diagram". */
  id: string;
  paper: 'A' | 'B';
  /** Where it sits in the paper, e.g. "Fig. 1a". */
  ref: string;
  title: string;
  /** "recomputed" or "re-plotted from released measurements". */
  provenance: 'recomputed' | 're-plotted from released measurements';
  build(results: Results): TopLevelSpec;
}

/** The one font every figure uses; figures/render.ts loads its files for rasterising. */
export const FONT_FAMILY = 'DejaVu Sans';

/** Shared look: pinned font so SVG text metrics and the PNG raster agree on every machine. */
export const baseConfig = {
  font: FONT_FAMILY,
  view: { stroke: '#ccc' },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#eee' },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  title: { fontSize: 14, anchor: 'start' as const, subtitleColor: '#555' },
};

export const PHASE_COLORS = { domain: ['tax', 'transition', 'bonus', 'none'], range: ['#c0392b', '#7f8c8d', '#2471a3', '#bbbbbb'] };
