import { describe, expect, it } from 'vitest';
import { polyfit } from '../../pipeline/stats/ols.ts';
import { quadraticVertex, vertexBootstrap } from '../../pipeline/stats/quadratic-vertex.ts';
import { createRng } from '../../pipeline/stats/rng.ts';

// A noisy U over three decades with repeated sizes, like a pooled scaling table.
const x = Array.from({ length: 14 }, (_, i) => 7.8 + 0.22 * i - (i % 4 === 0 ? 0.1 : 0));
const y = x.map((v, i) => 35 + 4 * (v - 9.6) ** 2 + 2.5 * Math.sin(3.7 * i));

describe('quadratic vertex from power sums', () => {
  it('recovers the minimum of an exact parabola', () => {
    const xs = [8, 8.5, 9, 9.5, 10, 11];
    const f = quadraticVertex(
      xs,
      xs.map((v) => 2 * (v - 9.5) ** 2 + 30),
    )!;
    expect(f.vertex).toBeCloseTo(9.5, 10);
    expect(f.c2).toBeCloseTo(2, 10);
    expect(f.c0 + f.c1 * 9.5 + f.c2 * 9.5 ** 2).toBeCloseTo(30, 8);
  });

  it('agrees with the general least-squares solver on scattered data', () => {
    const [c0, c1, c2] = polyfit(x, y, 2) as [number, number, number];
    const f = quadraticVertex(x, y)!;
    expect(f.c2).toBeCloseTo(c2, 8);
    expect(f.c1).toBeCloseTo(c1, 6);
    expect(f.c0).toBeCloseTo(c0, 5);
    expect(f.vertex).toBeCloseTo(-c1 / (2 * c2), 8);
  });

  it('is singular with fewer than three distinct x', () => {
    expect(quadraticVertex([9, 9, 10, 10], [1, 2, 3, 4])).toBeNull();
  });
});

describe('vertex bootstrap', () => {
  it('accounts for every resample: kept, opening downward, outside the window or singular', () => {
    const b = vertexBootstrap(x, y, createRng('s'), 500, [7, 12]);
    expect(b.kept.length + b.concave + b.outsideWindow + b.singular).toBe(500);
    for (const v of b.kept) expect(v > 7 && v < 12).toBe(true);
  });

  it('is deterministic for a seed and changes with the seed', () => {
    const a1 = vertexBootstrap(x, y, createRng('a'), 200, [7, 12]).kept;
    const a2 = vertexBootstrap(x, y, createRng('a'), 200, [7, 12]).kept;
    const b = vertexBootstrap(x, y, createRng('b'), 200, [7, 12]).kept;
    expect(Array.from(a1)).toEqual(Array.from(a2));
    expect(Array.from(a1)).not.toEqual(Array.from(b));
  });

  it('keeps every resample of an exact upward parabola at its true vertex', () => {
    const xs = [8, 8.5, 9, 9.5, 10, 10.5, 11, 11.5];
    const b = vertexBootstrap(
      xs,
      xs.map((v) => (v - 9.7) ** 2),
      createRng('p'),
      300,
      [7, 12],
    );
    expect(b.concave).toBe(0);
    for (const v of b.kept) expect(v).toBeCloseTo(9.7, 8);
    // Only resamples that drew fewer than three distinct sizes are lost.
    expect(b.kept.length + b.singular).toBe(300);
  });
});
