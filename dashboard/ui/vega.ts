/**
 * The part of vega the dashboard's precompiled charts need: the parser, the
 * view and the transforms Vega-Lite emits. The full `vega` package also
 * carries geo, force, hierarchy, label, voronoi, word-cloud and crossfilter
 * transforms, which no chart here uses.
 */
import { transforms } from 'vega-dataflow';
import * as encode from 'vega-encode';
import * as regression from 'vega-regression';
import * as tx from 'vega-transforms';
import { extend } from 'vega-util';
import * as viewTx from 'vega-view-transforms';

/** The transform modules registered here; the build refuses a chart that needs another. */
export const TRANSFORM_MODULES: Record<string, unknown>[] = [tx, viewTx, encode, regression];
extend(transforms, ...TRANSFORM_MODULES);

export { parse } from 'vega-parser';
export { View } from 'vega-view';
