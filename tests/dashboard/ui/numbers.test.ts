import { describe, expect, it } from 'vitest';
import { chartNumbers } from '../../../dashboard/ui/numbers.ts';

const mark = (marktype: string, tips: Record<string, unknown>[], role = 'mark') => ({ marktype, role, items: tips.map((tooltip) => ({ tooltip })) });

describe('chartNumbers', () => {
  it('lists the tooltips of points before those of lines, once each, with columns in order of appearance', () => {
    const root = {
      marktype: 'group',
      role: 'frame',
      items: [
        {
          items: [
            mark('line', [{ x: 1 }, { x: 2 }]),
            mark('symbol', [
              { model: 'a', hs: 40 },
              { model: 'b', hs: 41, tqa: 30 },
              { model: 'a', hs: 40 },
            ]),
            { marktype: 'group', role: 'legend', items: [{ items: [mark('symbol', [{ legend: 1 }])] }] },
          ],
        },
      ],
    };
    expect(chartNumbers(root)).toEqual({
      columns: ['model', 'hs', 'tqa'],
      rows: [
        { model: 'a', hs: 40 },
        { model: 'b', hs: 41, tqa: 30 },
      ],
    });
  });

  it('falls back to lines when no point or bar has a tooltip, and finds marks inside facet cells', () => {
    const root = {
      marktype: 'group',
      items: [{ items: [{ marktype: 'group', role: 'scope', items: [{ items: [mark('line', [{ x: 1 }])] }] }, mark('rule', [{ y: 0 }])] }],
    };
    expect(chartNumbers(root).rows).toEqual([{ x: 1 }]);
  });
});
