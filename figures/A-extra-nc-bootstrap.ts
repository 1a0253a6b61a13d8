import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const figure: FigureDef = {
  id: 'A-extra-nc-bootstrap',
  paper: 'A',
  ref: 'Extra',
  title: 'Bootstrap distributions of the pooled N_c: quadratic minimum (as coded) and stratified zero crossing (as described)',
  provenance: 'recomputed',
  build(results) {
    const label = (p: (typeof results.criticalScale.pooled)[number]) => `${p.method} (${p.variant}), ${p.dataShort}`;
    const toB = (log10N: number) => 10 ** log10N / 1e9;
    const values = results.criticalScale.pooled.flatMap((p) => [
      ...p.histogram.bins.map((b) => ({ run: label(p), kind: 'bin', lo_b: toB(b.lo), hi_b: toB(b.hi), count: b.count })),
      {
        run: label(p),
        kind: 'median',
        at_b: p.summary.median,
        note: `median ${p.summary.median.toPrecision(3)} B; ${p.summary.n} of ${p.resamples} kept; ${p.histogram.below + p.histogram.above} outside the plotted range`,
      },
      { run: label(p), kind: '95% CI', at_b: p.summary.intervals[1]!.low },
      { run: label(p), kind: '95% CI', at_b: p.summary.intervals[1]!.high },
    ]);
    const [lo, hi] = results.config.criticalScale.histogramLog10Range.map(toB);
    const x = { type: 'quantitative' as const, title: 'N_c (B params)', scale: { type: 'log' as const, domain: [lo!, hi!] } };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: 'Pooled N_c bootstrap distributions',
        subtitle: 'bars: kept resamples per bin of log10 N; solid rule: median; dashed rules: 95% percentile interval',
      },
      config: baseConfig,
      data: { values },
      facet: {
        row: {
          field: 'run',
          type: 'nominal',
          title: null,
          sort: results.criticalScale.pooled.map(label),
          header: { labelOrient: 'top', labelAnchor: 'start', labelAngle: 0, labelFontSize: 12, labelLimit: 0 },
        },
      },
      spec: {
        width: 480,
        height: 90,
        layer: [
          {
            mark: { type: 'rect', color: '#2471a3', clip: true },
            transform: [{ filter: { field: 'kind', equal: 'bin' } }],
            encoding: { x: { field: 'lo_b', ...x }, x2: { field: 'hi_b' }, y: { field: 'count', type: 'quantitative', title: 'resamples' } },
          },
          {
            mark: { type: 'rule', color: 'black', strokeWidth: 1.5, clip: true },
            transform: [{ filter: { field: 'kind', equal: 'median' } }],
            encoding: { x: { field: 'at_b', type: 'quantitative' }, tooltip: [{ field: 'note' }] },
          },
          {
            mark: { type: 'rule', color: 'black', strokeDash: [4, 3], clip: true },
            transform: [{ filter: { field: 'kind', equal: '95% CI' } }],
            encoding: { x: { field: 'at_b', type: 'quantitative' } },
          },
        ],
      },
      resolve: { scale: { y: 'independent' } },
    };
  },
};

export default figure;
