import * as vega from 'vega';
import { describe, expect, it } from 'vitest';
import { compileChart, PAGE_FONT } from '../../../dashboard/charts/compile.ts';
import { instantiate } from '../../../dashboard/ui/chart.ts';

const values = [
  { x: 1, y: 2, lab: 'a' },
  { x: 2, y: 3, lab: 'b' },
];
const spec = {
  title: { text: 'Two points', subtitle: 'a test' },
  width: 500,
  height: 200,
  data: { values },
  mark: 'point',
  encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, color: { field: 'lab', type: 'nominal' } },
};

describe('compileChart', () => {
  it('compiles both layouts to Vega that vega draws, with the inline data stored once', async () => {
    const c = compileChart(spec);
    expect(c.title).toBe('Two points');
    expect(JSON.stringify([c.wide, c.narrow])).not.toContain('"values"');
    expect(Object.values(c.datasets)).toEqual([values]);
    for (const variant of ['wide', 'narrow'] as const) {
      const view = new vega.View(vega.parse(instantiate(c, variant) as never), { renderer: 'none' });
      await view.runAsync();
      expect(view.data('source_0')).toHaveLength(2);
    }
    expect(c.wide.width).toBe(500);
    expect(JSON.stringify(c.narrow)).toContain('containerSize()');
  });

  it('sets the page font and a tooltip on marks whose spec names none, so every chart has numbers to list', () => {
    const c = compileChart(spec);
    expect(JSON.stringify(c.wide.config)).toContain(JSON.stringify(PAGE_FONT));
    expect(JSON.stringify(c.wide.marks)).toContain('tooltip');
  });

  it('fills named data and replaces the title when the page draws a chart with its own values', async () => {
    const c = compileChart({ ...spec, data: { name: 'points' } });
    const s = instantiate(c, 'narrow', { data: { points: values }, title: { text: 'A family with a rather long name, wrapped on a phone' } });
    expect((s.title as { text: string[] }).text.length).toBeGreaterThan(1);
    const view = new vega.View(vega.parse(s as never), { renderer: 'none' });
    await view.runAsync();
    expect(view.data('points')).toHaveLength(2);
  });
});
