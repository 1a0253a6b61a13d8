import { describe, expect, it } from 'vitest';
import { narrowLite, PANEL_WIDTH } from '../../../dashboard/charts/narrow.ts';

const long = 'A title much longer than a phone screen is wide, in several words';

describe('narrowLite', () => {
  it('gives a single or layered view the container width, its legends below the plot and a wrapped title', () => {
    const spec = { title: long, width: 600, layer: [{ mark: 'point', encoding: { color: { field: 'lab', legend: { orient: 'right', labelLimit: 400 } } } }] };
    const n = narrowLite(spec) as {
      width: unknown;
      title: string[];
      layer: { encoding: { color: { legend: Record<string, unknown> } } }[];
      config: { legend: Record<string, unknown> };
    };
    expect(n.width).toBe('container');
    expect(n.title.length).toBeGreaterThan(1);
    expect(n.title.join(' ')).toBe(long);
    expect(n.layer[0]!.encoding.color.legend).toMatchObject({ orient: 'bottom', direction: 'vertical' });
    expect(n.layer[0]!.encoding.color.legend.labelLimit as number).toBeLessThan(400);
    expect(n.config.legend.orient).toBe('bottom');
    expect(spec.width).toBe(600);
    expect(spec.layer[0]!.encoding.color.legend.orient).toBe('right');
  });

  it('turns a column facet into one column of narrower panels and puts row labels above their rows', () => {
    const cols = narrowLite({ facet: { column: { field: 'panel', type: 'nominal' } }, spec: { width: 300, mark: 'bar' } }) as {
      facet: unknown;
      columns: number;
      spec: { width: number };
    };
    expect(cols.facet).toEqual({ field: 'panel', type: 'nominal' });
    expect(cols.columns).toBe(1);
    expect(cols.spec.width).toBe(PANEL_WIDTH);
    const rows = narrowLite({ facet: { row: { field: 'q', type: 'nominal' } }, spec: { width: { step: 40 }, mark: 'bar' } }) as {
      facet: { row: { header: Record<string, unknown> } };
      columns?: number;
      spec: { width: number };
    };
    expect(rows.columns).toBeUndefined();
    expect(rows.facet.row.header).toMatchObject({ labelOrient: 'top', labelAngle: 0 });
    expect(rows.spec.width).toBe(PANEL_WIDTH);
  });

  it('stacks side-by-side panels one under another, each no wider than a phone allows', () => {
    const n = narrowLite({
      hconcat: [
        { width: 300, title: long, mark: 'line' },
        { width: 100, mark: 'bar' },
      ],
    }) as { hconcat?: unknown; vconcat: { width: number; title?: string[] }[] };
    expect(n.hconcat).toBeUndefined();
    expect(n.vconcat.map((c) => c.width)).toEqual([PANEL_WIDTH, 100]);
    expect(n.vconcat[0]!.title!.length).toBeGreaterThan(1);
  });
});
