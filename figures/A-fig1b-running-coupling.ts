import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const FIT_SET = 'Fig. 1b families, as published';

const figure: FigureDef = {
  id: 'A-fig1b-running-coupling',
  paper: 'A',
  ref: 'Fig. 1b',
  title: 'Running coupling g12(N) for the six Fig. 1b families (plus any contributed family), with per-family N_c and the pooled line',
  provenance: 'recomputed',
  build(results) {
    const band = results.config.coupling.phaseThreshold;
    // The paper's six families from its published panel, and contributed families (data/families/) drawn beside them, never in the fit.
    const contributed = results.coupling.contributed.families.map((f) => f.family);
    const families = [...results.config.criticalScale.runningFamilies, ...contributed];
    const intervals = [...results.coupling.published.families.filter((f) => families.includes(f.family)), ...results.coupling.contributed.families].flatMap(
      (f) =>
        f.intervals.flatMap((iv, k) => {
          if (iv.g12 === null) return [];
          const range = f.noise?.g12[k] ?? null;
          const resolved = iv.sign === '+' || iv.sign === '-';
          return [
            {
              family: f.family,
              interval: `${iv.from} → ${iv.to}`,
              mid_b: iv.midB,
              g12: iv.g12,
              phase: iv.phase,
              p_g12_positive: iv.pG12Positive,
              sign: iv.sign,
              noise: resolved ? 'sign resolved' : 'sign within noise',
              g12_low: range?.[0] ?? null,
              g12_high: range?.[1] ?? null,
            },
          ];
        }),
    );
    // The axis follows the point estimates; noise ranges that run past it are clipped at the frame.
    const values = intervals.map((d) => d.g12!);
    const pad = Math.max(band, 0.15 * (Math.max(...values) - Math.min(...values)));
    const domain = [Math.min(-band, ...values) - pad, Math.max(band, ...values) + pad];
    const crossings = results.criticalScale.perFamily
      .filter((f) => (f.panel === 'as published' || f.panel === 'contributed') && families.includes(f.family) && f.ncB !== null)
      .map((f) => ({ family: f.family, nc_b: f.ncB, g12: 0 }));
    const set = results.criticalScale.running.find((r) => r.name === FIT_SET)!;
    const line = set.line.map((p) => ({ n_b: p.nB, g12: p.g12 }));
    const fit = set.fit;
    const fitText = fit
      ? `line: g12 = ${fit.slope.toFixed(3)} log10 N ${fit.intercept < 0 ? '−' : '+'} ${Math.abs(fit.intercept).toFixed(3)} (N in parameters), R² = ${fit.r2.toFixed(2)}`
      : 'line: fewer than 3 intervals, no fit';
    const x = { type: 'quantitative' as const, title: 'N (B params, geometric mean of the interval)', scale: { type: 'log' as const } };
    const y = { type: 'quantitative' as const, title: 'g12 = ΔTQA (MC2, 0-shot) / ΔHS (acc_norm, 10-shot)', scale: { domain } };
    const color = { field: 'family', type: 'nominal' as const, title: 'family', scale: { domain: families } };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: 'Paper A Fig. 1b: running coupling g12(N), as-published panel (Pythia as filed, with GPT-J-6B and GPT-NeoX-20B)',
        subtitle: [
          `grey band: transition phase, |g12| <= ${band}; diamonds: per-family N_c (first negative→positive crossing);`,
          'dashed: OLS line over these intervals.',
          `bars: ${Math.round(results.config.noise.ciLevel * 100)}% range of g12 under benchmark score noise; hollow points: sign within noise`,
          `(P(g12 > 0) between ${results.config.noise.resolvedP.join(' and ')}) or undefined.`,
          fitText,
        ],
      },
      width: 560,
      height: 380,
      config: baseConfig,
      layer: [
        {
          data: { values: [{}] },
          mark: { type: 'rect', color: '#7f8c8d', opacity: 0.15 },
          encoding: { y: { datum: -band, type: 'quantitative' }, y2: { datum: band } },
        },
        { data: { values: [{}] }, mark: { type: 'rule', color: '#333' }, encoding: { y: { datum: 0, type: 'quantitative' } } },
        {
          data: { values: intervals },
          mark: { type: 'rule', clip: true, opacity: 0.45 },
          encoding: { x: { field: 'mid_b', ...x }, y: { field: 'g12_low', ...y }, y2: { field: 'g12_high' }, color },
        },
        {
          data: { values: intervals },
          mark: { type: 'line', strokeWidth: 1.5 },
          encoding: { x: { field: 'mid_b', ...x }, y: { field: 'g12', ...y }, color, order: { field: 'mid_b' } },
        },
        {
          data: { values: intervals },
          mark: { type: 'point', size: 45, strokeWidth: 1.5 },
          encoding: {
            x: { field: 'mid_b', ...x },
            y: { field: 'g12', ...y },
            color,
            fill: {
              condition: { test: "datum.noise === 'sign resolved'", field: 'family', type: 'nominal' as const, scale: { domain: families } },
              value: 'white',
            },
            tooltip: [
              { field: 'family' },
              { field: 'interval' },
              { field: 'mid_b', title: 'N (B)' },
              { field: 'g12' },
              { field: 'g12_low', title: 'g12 noise low' },
              { field: 'g12_high', title: 'g12 noise high' },
              { field: 'p_g12_positive', title: 'P(g12 > 0)' },
              { field: 'sign' },
              { field: 'phase' },
            ],
          },
        },
        {
          data: { values: crossings },
          mark: { type: 'point', shape: 'diamond', size: 140, filled: true, stroke: 'black', strokeWidth: 0.8 },
          encoding: {
            x: { field: 'nc_b', type: 'quantitative' },
            y: { field: 'g12', type: 'quantitative' },
            color,
            tooltip: [{ field: 'family' }, { field: 'nc_b', title: 'N_c (B)' }],
          },
        },
        {
          data: { values: line },
          mark: { type: 'line', strokeDash: [6, 4], color: 'black', strokeWidth: 1.2 },
          encoding: { x: { field: 'n_b', type: 'quantitative' }, y: { field: 'g12', type: 'quantitative' } },
        },
      ],
    };
  },
};

export default figure;
