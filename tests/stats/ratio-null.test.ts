import { describe, expect, it } from 'vitest';
import { median } from '../../pipeline/stats/describe.ts';
import { pearson } from '../../pipeline/stats/pearson.ts';
import { percentileOf, randomIncreasingWidths, sharedDenominatorR, widthNullDistribution } from '../../pipeline/stats/ratio-null.ts';
import { createRng, shuffled } from '../../pipeline/stats/rng.ts';

/**
 * Population correlation of x·z and y·z for independent x, y, z (here z = 1/w):
 *   cov(xz, yz) = E[xy z²] − E[xz]E[yz] = μx μy Var(z)
 *   Var(xz)     = E[x²]E[z²] − μx² μz²
 * so ρ = μx μy Var z / sqrt(Var(xz) Var(yz)), exact, no linearisation.
 * For w log-uniform on [a, b]: E[w^k] = (b^k − a^k) / (k ln(b/a)), so
 * E[z] = (1/a − 1/b)/ln(b/a) and E[z²] = (1/a² − 1/b²)/(2 ln(b/a)).
 */
function theoryR(mx: number, vx: number, my: number, vy: number, a: number, b: number): number {
  const L = Math.log(b / a);
  const ez = (1 / a - 1 / b) / L;
  const ez2 = (1 / (a * a) - 1 / (b * b)) / (2 * L);
  const vz = ez2 - ez * ez;
  const vxz = (vx + mx * mx) * ez2 - mx * mx * ez * ez;
  const vyz = (vy + my * my) * ez2 - my * my * ez * ez;
  return (mx * my * vz) / Math.sqrt(vxz * vyz);
}

/** n independent uniform draws on [lo, hi] from a seeded rng. */
const uniform = (seed: string, n: number, lo: number, hi: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => lo + (hi - lo) * rng.next());
};

describe('shared-denominator normalisation', () => {
  it('leaves r unchanged when every model has the same width', () => {
    const x = [27, 31, 41, 50, 53, 61];
    const y = [47, 44, 41, 39, 39, 36];
    expect(
      sharedDenominatorR(
        x,
        y,
        x.map(() => 2.5),
      ),
    ).toBeCloseTo(pearson(x, y), 12);
  });

  it('turns constant scores into r = +1 for any widths: the artefact in its purest form', () => {
    const w = randomIncreasingWidths(createRng('w'), 6, 1, 10);
    expect(sharedDenominatorR([50, 50, 50, 50, 50, 50], [40, 40, 40, 40, 40, 40], w)).toBeCloseTo(1, 12);
  });

  it('draws increasing widths inside the given range', () => {
    const w = randomIncreasingWidths(createRng('w'), 20, 512, 5120);
    expect([...w].sort((a, b) => a - b)).toEqual(w);
    expect(w.every((v) => v >= 512 && v <= 5120)).toBe(true);
  });
});

describe('null model of the width normalisation', () => {
  // Independent scores: no coupling at all. Widths 512..5120 as d_model/512 = 1..10.
  const n = 400;
  const x = uniform('x', n, 40, 60);
  const y = uniform('y', n, 30, 50);
  const w = randomIncreasingWidths(createRng('real'), n, 1, 10);

  it('centres on the ratio-correlation formula for uncorrelated positive scores (about +0.94 here)', () => {
    const expected = theoryR(50, 400 / 12, 40, 400 / 12, 1, 10);
    expect(expected).toBeGreaterThan(0.9);
    for (const kind of ['random increasing widths', 'permuted widths'] as const) {
      const draws = widthNullDistribution(x, y, w, kind, createRng(kind), 200);
      expect(median(Array.from(draws))).toBeCloseTo(expected, 1);
      expect(Math.abs(median(Array.from(draws)) - expected)).toBeLessThan(0.02);
    }
  });

  it('centres on zero when the scores are centred on zero (μx μy = 0 removes the shared term)', () => {
    const xc = uniform('xc', n, -1, 1);
    const yc = uniform('yc', n, -1, 1);
    expect(theoryR(0, 1 / 3, 0, 1 / 3, 1, 10)).toBe(0);
    const draws = widthNullDistribution(xc, yc, w, 'random increasing widths', createRng('c'), 200);
    expect(Math.abs(median(Array.from(draws)))).toBeLessThan(0.1);
  });

  it('draws, draw for draw, the widths randomIncreasingWidths and shuffled give from the same random stream', () => {
    const xs = [49, 61, 72, 79, 81, 85, 86, 87];
    const ys = [38, 39, 47, 51, 52, 57, 60, 50];
    const ws = [2, 4, 5, 8, 10, 10, 16, 16];
    const direct = createRng('same');
    const drawn = Array.from({ length: 50 }, () => sharedDenominatorR(xs, ys, randomIncreasingWidths(direct, 8, 2, 16)));
    expect(Array.from(widthNullDistribution(xs, ys, ws, 'random increasing widths', createRng('same'), 50))).toEqual(drawn);
    const permuting = createRng('same');
    const permuted = Array.from({ length: 50 }, () => sharedDenominatorR(xs, ys, shuffled(permuting, ws)));
    expect(Array.from(widthNullDistribution(xs, ys, ws, 'permuted widths', createRng('same'), 50))).toEqual(permuted);
  });

  it('places a value by the share of draws below it, ties counted half', () => {
    expect(percentileOf([1, 2, 3, 4], 2.5)).toBe(50);
    expect(percentileOf([1, 2, 2, 4], 2)).toBe(50);
    expect(percentileOf([1, 2, 3, 4], 9)).toBe(100);
  });
});
