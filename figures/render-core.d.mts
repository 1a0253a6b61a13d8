/** Types of figures/render-core.mjs. */
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';

export function normaliseClipIds(svg: string): string;
export function specToSvg(spec: TopLevelSpec): Promise<string>;
export function svgToPng(svg: string, options: ResvgRenderOptions): Promise<Buffer>;
