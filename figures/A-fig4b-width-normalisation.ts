import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const SERIES = ['raw r', 'width-normalised r', 'null (a): random increasing widths', 'null (b): permuted widths'];

const figure: FigureDef = {
  id: 'A-fig4b-width-normalisation',
  paper: 'A',
  ref: 'Fig. 4b',
  title: 'Raw and width-normalised r(HS, TQA) per family, against two null models of the shared denominator',
  provenance: 'recomputed',
  build(results) {
    // The paper's five families on its two panels, and contributed families in a column of their own; the table has every family with widths.
    const shown = (r: (typeof results.width.rows)[number]) => r.panel === 'contributed' || results.config.width.families.includes(r.family);
    const rows = results.width.rows.filter((r) => shown(r) && r.rawR !== null && r.normalisedR !== null && r.subset !== 'without largest');
    const label = (r: (typeof rows)[number]) => (r.subset === 'all' ? r.family : `${r.family} (${r.subset})`);
    const values = rows.flatMap((r) => [
      { panel: r.panel, family: label(r), series: SERIES[0], r: r.rawR, n: r.models.length },
      { panel: r.panel, family: label(r), series: SERIES[1], r: r.normalisedR, n: r.models.length },
      ...r.nulls.map((n, i) => ({
        panel: r.panel,
        family: label(r),
        series: SERIES[2 + i],
        r: n.median,
        lo: n.lo,
        hi: n.hi,
        pct: n.realPercentile,
        n: r.models.length,
      })),
    ]);
    const y = { field: 'family', type: 'nominal' as const, title: null, sort: null };
    const yOffset = { field: 'series', type: 'nominal' as const, sort: SERIES };
    const color = { field: 'series', type: 'nominal' as const, title: null, scale: { domain: SERIES, range: ['#c0392b', '#2471a3', '#7f8c8d', '#d4ac0d'] } };
    const isNull = { field: 'series', oneOf: SERIES.slice(2) };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: 'Paper A Fig. 4b: width normalisation, HS and TQA both divided by d_model/512',
        subtitle: [
          'points: real raw and normalised r; bars: 2.5–97.5% of the normalised r when the real widths are replaced (scores fixed); tick: null median',
          'null (a): sorted log-uniform widths over the family’s d_model range; null (b): the family’s widths permuted',
        ],
      },
      config: { ...baseConfig, legend: { ...baseConfig.legend, labelLimit: 320, orient: 'bottom', columns: 2 }, axisY: { labelLimit: 320 } },
      data: { values },
      facet: { column: { field: 'panel', type: 'nominal', title: null } },
      spec: {
        width: 300,
        height: { step: 26 },
        layer: [
          {
            mark: { type: 'rule', strokeWidth: 3, opacity: 0.6 },
            transform: [{ filter: isNull }],
            encoding: { y, yOffset, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' }, color },
          },
          {
            mark: { type: 'tick', thickness: 2, size: 9 },
            transform: [{ filter: isNull }],
            encoding: { y, yOffset, x: { field: 'r', type: 'quantitative' }, color },
          },
          {
            mark: { type: 'point', filled: true, size: 60 },
            transform: [{ filter: { not: isNull } }],
            encoding: {
              y,
              yOffset,
              x: { field: 'r', type: 'quantitative', title: 'Pearson r(HS, TQA)', scale: { domain: [-1, 1] } },
              color,
              tooltip: [{ field: 'family' }, { field: 'series' }, { field: 'r' }, { field: 'n', title: 'models' }],
            },
          },
        ],
      },
    };
  },
};

export default figure;
