import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const SETS = ['paper’s families (in sample)', 'outside the panel, scratch', 'outside the panel, derived'];

/** Out of sample: where each leaderboard family's g12 sign lies, against size, with the pre-registered P1 thresholds. */
const figure: FigureDef = {
  id: 'A-oos-g12-signs',
  paper: 'A',
  ref: 'Out of sample',
  title: 'Out of sample: P(g12 > 0) against interval midpoint for every Open LLM Leaderboard v1 base-model family, with the pre-registered P1 thresholds',
  provenance: 'recomputed',
  build(results) {
    const o = results.outOfSample;
    const p1 = o.predictions.find((p) => p.id === 'P1');
    const [pLow, pHigh] = results.config.noise.resolvedP;
    const points = o.families.flatMap((f) =>
      f.coupling.intervals
        .filter((iv) => iv.pG12Positive !== null)
        .map((iv) => ({
          family: f.family,
          set: SETS[f.set === 'in-sample' ? 0 : f.set === 'out-of-sample-scratch' ? 1 : 2],
          interval: `${iv.from} → ${iv.to}`,
          mid_b: iv.midB,
          p_g12_positive: iv.pG12Positive,
          g12: iv.g12,
          sign: iv.sign,
        })),
    );
    const thresholds = p1 ? [p1.thresholdLowB, p1.thresholdHighB].filter((x): x is number => x !== null).map((b) => ({ b })) : [];
    const x = { field: 'mid_b', type: 'quantitative' as const, title: 'N (B params, geometric mean of the interval)', scale: { type: 'log' as const } };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: 'Out of sample: P(g12 > 0) of every interval of every leaderboard base-model family',
        subtitle: [
          'P1 predicts g12 < 0 wholly left of the first dashed line and g12 > 0 wholly right of the second',
          '(thresholds from data/preregistration.csv). Grey bands: signs that measurement noise resolves',
          `(P(g12 > 0) below ${pLow} or above ${pHigh}); points between them are within noise.`,
        ],
      },
      width: 620,
      height: 360,
      config: baseConfig,
      layer: [
        {
          data: { values: [{}] },
          mark: { type: 'rect', color: '#7f8c8d', opacity: 0.12, aria: false },
          encoding: { y: { datum: 0, type: 'quantitative' }, y2: { datum: pLow } },
        },
        {
          data: { values: [{}] },
          mark: { type: 'rect', color: '#7f8c8d', opacity: 0.12, aria: false },
          encoding: { y: { datum: pHigh, type: 'quantitative' }, y2: { datum: 1 } },
        },
        {
          data: { values: thresholds },
          mark: { type: 'rule', strokeDash: [6, 4], color: 'black', aria: false },
          encoding: { x: { field: 'b', type: 'quantitative' } },
        },
        {
          data: { values: points },
          mark: { type: 'point', filled: true, size: 40, opacity: 0.75 },
          encoding: {
            x,
            y: { field: 'p_g12_positive', type: 'quantitative', title: 'P(g12 > 0) under score noise', scale: { domain: [0, 1] } },
            color: {
              field: 'set',
              type: 'nominal',
              title: 'family',
              scale: { domain: SETS, range: ['#7f8c8d', '#2471a3', '#e67e22'] },
              legend: { labelLimit: 320 },
            },
            shape: { field: 'set', type: 'nominal', title: 'family', scale: { domain: SETS } },
            tooltip: [
              { field: 'family' },
              { field: 'interval' },
              { field: 'mid_b', title: 'N (B)' },
              { field: 'g12' },
              { field: 'p_g12_positive', title: 'P(g12 > 0)' },
              { field: 'sign' },
            ],
          },
        },
      ],
    };
  },
};

export default figure;
