import { describe, expect, it } from 'vitest';
import { firstUpCrossing, signPattern } from '../../pipeline/stats/zero-crossing.ts';

describe('first upward zero crossing', () => {
  it('interpolates linearly in x between the last negative and the first positive point', () => {
    // From -0.3 at x = 1 to +0.1 at x = 3 the line reaches zero three quarters of the way: x = 1 + 0.75 * 2.
    const c = firstUpCrossing([
      { x: 0, y: -0.5 },
      { x: 1, y: -0.3 },
      { x: 3, y: 0.1 },
      { x: 4, y: -0.2 },
    ]);
    expect(c).not.toBeNull();
    expect(c!.x).toBeCloseTo(2.5, 12);
    expect([c!.below, c!.above]).toEqual([1, 2]);
  });

  it('takes the first change when there are several', () => {
    const c = firstUpCrossing([
      { x: 0, y: -1 },
      { x: 1, y: 1 },
      { x: 2, y: -1 },
      { x: 3, y: 1 },
    ]);
    expect(c!.x).toBeCloseTo(0.5, 12);
  });

  it('steps over an exact zero, which has no sign', () => {
    const c = firstUpCrossing([
      { x: 0, y: -0.2 },
      { x: 1, y: 0 },
      { x: 2, y: 0.2 },
    ]);
    expect(c!.x).toBeCloseTo(1, 12);
    expect([c!.below, c!.above]).toEqual([0, 2]);
    expect(
      firstUpCrossing([
        { x: 0, y: -1 },
        { x: 1, y: 0 },
        { x: 2, y: -1 },
      ]),
    ).toBeNull();
  });

  it('finds nothing in monotone-sign or downward-only series and says why', () => {
    expect(
      firstUpCrossing([
        { x: 0, y: 0.5 },
        { x: 1, y: 0.2 },
      ]),
    ).toBeNull();
    expect(
      firstUpCrossing([
        { x: 0, y: 0.5 },
        { x: 1, y: -0.2 },
      ]),
    ).toBeNull();
    expect(signPattern([0.5, 0.2])).toBe('all positive');
    expect(signPattern([-0.5, 0, -0.2])).toBe('all negative');
    expect(signPattern([0.5, -0.2])).toBe('positive then negative');
    expect(signPattern([-0.5, 0.2])).toBe('crosses upward');
    expect(signPattern([])).toBe('no values');
  });
});
