/**
 * A chart as the site ships it: Vega-Lite compiled to Vega at build time in
 * two layouts (the figure's own, and one for narrow screens), with the inline
 * data of both hoisted out once. The browser needs vega only, never vega-lite.
 */

/** A compiled Vega spec; the browser hands it to vega's parser. */
export type VegaSpec = Record<string, unknown> & { data?: VegaData[]; title?: unknown };
export interface VegaData {
  name: string;
  values?: unknown[];
  source?: unknown;
  url?: unknown;
  [k: string]: unknown;
}

export interface ChartFile {
  /** The visible title's text: the chart's accessible name. */
  title: string;
  /** The spec's own widths and legend places (desktop). */
  wide: VegaSpec;
  /** Container width for single views, one column for facets and concatenations, legends below, titles wrapped. */
  narrow: VegaSpec;
  /** Inline data of both layouts, by Vega data name; a data entry with neither values, source nor url takes its values from here. */
  datasets: Record<string, unknown[]>;
}

/** A Vega-Lite title as the specs write it. */
export type LiteTitle = string | string[] | { text: string | string[]; subtitle?: string | string[]; [k: string]: unknown };
