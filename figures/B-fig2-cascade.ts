import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const KINDS = ['computed', 'released-measurement', 'statement-without-data'];

const figure: FigureDef = {
  id: 'B-fig2-cascade',
  paper: 'B',
  ref: 'Fig. 2',
  title: 'The Nc1-Nc4 cascade: each claimed event and the kind of evidence behind it',
  provenance: 'recomputed',
  build(results) {
    const rows = results.data.frontier.cascade.map((e) => ({
      entry: `${e.stage} · ${e.item}`,
      stage: e.stage,
      scale: e.scaleText,
      kind: e.evidenceKind,
      event: e.event,
      evidence: e.evidenceData,
    }));
    const y = { field: 'entry', type: 'nominal' as const, title: null, sort: rows.map((r) => r.entry), axis: { labelLimit: 260 } };
    const x = { field: 'kind', type: 'nominal' as const, title: 'evidence kind', scale: { domain: KINDS }, axis: { labelAngle: 0, labelLimit: 220 } };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: 'Paper B Fig. 2: the capability cascade and its evidence',
        subtitle: ['cell text: the scale as the paper writes it (not a measurement)', 'colour: evidence kind, from data/frontier/cascade.csv'],
      },
      width: 540,
      height: 300,
      config: baseConfig,
      data: { values: rows },
      layer: [
        {
          mark: { type: 'rect', stroke: 'white', strokeWidth: 2 },
          encoding: {
            x,
            y,
            color: {
              field: 'kind',
              type: 'nominal',
              title: 'evidence kind',
              legend: { labelLimit: 260 },
              scale: { domain: KINDS, range: ['#2471a3', '#f0b27a', '#cccccc'] },
            },
            tooltip: [{ field: 'entry' }, { field: 'scale' }, { field: 'event' }, { field: 'kind' }, { field: 'evidence' }],
          },
        },
        { mark: { type: 'text', fontSize: 10, color: '#222' }, encoding: { x, y, text: { field: 'scale' } } },
      ],
    };
  },
};

export default figure;
