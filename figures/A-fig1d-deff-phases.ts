import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const figure: FigureDef = {
  id: 'A-fig1d-deff-phases',
  paper: 'A',
  ref: 'Fig. 1d',
  title: 'Effective dimensionality d_eff of the five benchmark scores per phase, with family-stratified bootstrap CIs',
  provenance: 'recomputed',
  build(results) {
    const values = results.eigen.phaseDeffs.flatMap((d) => [
      {
        panel: d.panel,
        phase: d.phase,
        matrix: 'covariance',
        deff: d.deffCov,
        lo: d.covCi?.[0] ?? null,
        hi: d.covCi?.[1] ?? null,
        n: d.nModels,
        families: d.nFamilies,
        label: `n=${d.nModels}, ${d.nFamilies} fam.`,
      },
      {
        panel: d.panel,
        phase: d.phase,
        matrix: 'correlation',
        deff: d.deffCorr,
        lo: d.corrCi?.[0] ?? null,
        hi: d.corrCi?.[1] ?? null,
        n: d.nModels,
        families: d.nFamilies,
        label: '',
      },
    ]);
    const x = { field: 'phase', type: 'nominal' as const, title: null, sort: ['tax', 'transition', 'bonus', 'frontier'] };
    const xOffset = { field: 'matrix', type: 'nominal' as const, sort: ['covariance', 'correlation'] };
    const color = {
      field: 'matrix',
      type: 'nominal' as const,
      title: 'matrix',
      scale: { domain: ['covariance', 'correlation'], range: ['#2471a3', '#d4ac0d'] },
    };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: 'Paper A Fig. 1d: d_eff = (Σλ)²/Σλ² per phase',
        subtitle: `HS 10-shot, TQA MC2 0-shot, ARC 25-shot, WG 5-shot, MMLU 5-shot; a model takes the phase of the interval ending at it; frontier = 26-model file, N ≥ ${results.config.eigen.frontierMinParamsB}B`,
      },
      config: baseConfig,
      data: { values },
      facet: { column: { field: 'panel', type: 'nominal', title: null, sort: ['as published', 'audited', '26-model file'] } },
      resolve: { scale: { x: 'independent' } },
      spec: {
        width: { step: 45 },
        height: 280,
        layer: [
          {
            mark: { type: 'point', filled: true, size: 80, opacity: 0.9 },
            encoding: {
              x,
              xOffset,
              color,
              y: { field: 'deff', type: 'quantitative', title: 'd_eff', scale: { zero: false } },
              tooltip: [
                { field: 'phase' },
                { field: 'matrix' },
                { field: 'deff', format: '.3f' },
                { field: 'lo', format: '.3f' },
                { field: 'hi', format: '.3f' },
                { field: 'n', title: 'models' },
                { field: 'families' },
              ],
            },
          },
          { mark: { type: 'rule' }, encoding: { x, xOffset, color, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } } },
          {
            mark: { type: 'text', dy: -8, fontSize: 10 },
            transform: [{ filter: { field: 'matrix', equal: 'covariance' } }],
            encoding: { x, xOffset, y: { field: 'hi', type: 'quantitative' }, text: { field: 'label' } },
          },
        ],
      },
    };
  },
};

export default figure;
