// Types for the vega packages the dashboard imports one by one (dashboard/ui/vega.ts); they ship none of their own.
declare module 'vega-view' {
  export { View } from 'vega';
}
declare module 'vega-parser' {
  export { parse } from 'vega';
}
declare module 'vega-dataflow' {
  export const transforms: Record<string, unknown>;
}
declare module 'vega-encode';
declare module 'vega-regression';
declare module 'vega-transforms';
declare module 'vega-view-transforms';
