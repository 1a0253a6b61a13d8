import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const figure: FigureDef = {
  id: 'B-fig1b-hfield-by-lab',
  paper: 'B',
  ref: 'Fig. 1b',
  title: 'h-field of every model by lab, with the per-lab core and all-frozen means',
  provenance: 'recomputed',
  build(results) {
    const fr = results.frontier;
    const cfg = results.config.frontier;
    const labs = [...fr.labs].sort((a, b) => b.hFrozen - a.hFrozen).map((l) => l.lab);
    const points = fr.rows.map((r) => ({ model: r.model.model, lab: r.model.lab, subset: r.model.subset, h: r.h, phase: r.phase }));
    const means = fr.labs.flatMap((l) => [
      ...(l.hCore === null ? [] : [{ lab: l.lab, mean: l.hCore, kind: 'core mean' }]),
      { lab: l.lab, mean: l.hFrozen, kind: 'all-frozen mean' },
    ]);
    const bands = [-cfg.cooperativeBand, -cfg.playbookBand, 0, cfg.playbookBand, cfg.cooperativeBand].map((y) => ({
      y,
      kind: y === 0 ? 'frozen line' : Math.abs(y) === cfg.playbookBand ? `playbook ±${cfg.playbookBand}` : `phase ±${cfg.cooperativeBand}`,
    }));
    const x = { field: 'lab', type: 'nominal' as const, title: 'lab (sorted by all-frozen mean h)', sort: labs, axis: { labelAngle: -30 } };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: 'Paper B Fig. 1b: h-field by lab',
        subtitle: [
          'h = GPQA Diamond − its frozen-line prediction from SWE-bench Verified',
          'ticks: lab means (black: core models, grey: all frozen); dashed: playbook bands, dotted: phase bands',
        ],
      },
      width: 560,
      height: 380,
      config: baseConfig,
      layer: [
        {
          data: { values: bands },
          mark: { type: 'rule', color: '#999' },
          encoding: {
            y: { field: 'y', type: 'quantitative' },
            strokeDash: {
              field: 'kind',
              type: 'nominal',
              title: 'reference',
              scale: {
                domain: ['frozen line', `playbook ±${cfg.playbookBand}`, `phase ±${cfg.cooperativeBand}`],
                range: [
                  [1, 0],
                  [6, 3],
                  [2, 2],
                ],
              },
            },
          },
        },
        {
          data: { values: points },
          mark: { type: 'point', filled: true, size: 55, opacity: 0.85 },
          encoding: {
            x,
            y: { field: 'h', type: 'quantitative', title: 'h (GPQA Diamond points)' },
            color: { field: 'lab', type: 'nominal', legend: null, scale: { scheme: 'tableau10' } },
            shape: {
              field: 'subset',
              type: 'nominal',
              title: 'subset',
              scale: { domain: ['core', 'extended', 'post-cutoff'], range: ['circle', 'square', 'triangle-up'] },
            },
            tooltip: [{ field: 'model' }, { field: 'lab' }, { field: 'subset' }, { field: 'h', format: '.2f' }, { field: 'phase' }],
          },
        },
        {
          data: { values: means },
          mark: { type: 'tick', thickness: 2, size: 26 },
          encoding: {
            x,
            y: { field: 'mean', type: 'quantitative' },
            color: { field: 'kind', type: 'nominal', title: 'lab mean', scale: { domain: ['core mean', 'all-frozen mean'], range: ['#000000', '#aaaaaa'] } },
          },
        },
      ],
      resolve: { scale: { color: 'independent' } },
    };
  },
};

export default figure;
