import { describe, expect, it } from 'vitest';
import { fitOffsetPowerLaw, offsetPowerLaw } from '../../pipeline/stats/power-law-fit.ts';

const opts = { alphaRange: [0.001, 2] as [number, number], gridSteps: 400, tolerance: 1e-12 };

describe('offset power-law fit L = E + A·N^−α', () => {
  it('recovers the parameters of noise-free synthetic data', () => {
    const truth = { e: 1.7, a: 420, alpha: 0.31 };
    const n = [5e7, 1.2e8, 4e8, 1e9, 3e9, 8e9, 2e10];
    const l = n.map((x) => offsetPowerLaw(truth, x));
    const f = fitOffsetPowerLaw(n, l, opts);
    expect(f.alpha).toBeCloseTo(truth.alpha, 6);
    expect(f.e).toBeCloseTo(truth.e, 5);
    expect(f.a / truth.a).toBeCloseTo(1, 4);
    expect(f.r2).toBeCloseTo(1, 10);
  });

  it('stays close to the truth when the data carry small alternating errors', () => {
    const truth = { e: 2, a: 100, alpha: 0.25 };
    const n = [1e8, 2e8, 5e8, 1e9, 2e9, 5e9, 1e10, 2e10];
    const l = n.map((x, i) => offsetPowerLaw(truth, x) * (1 + (i % 2 ? 1 : -1) * 1e-4));
    const f = fitOffsetPowerLaw(n, l, opts);
    expect(Math.abs(f.alpha - truth.alpha)).toBeLessThan(0.01);
    expect(f.r2).toBeGreaterThan(0.999);
  });

  it('refuses an optimum on the edge of the search range', () => {
    const n = [1, 2, 3, 4, 5];
    const l = n.map((x) => 1 + 2 * x ** -3);
    expect(() => fitOffsetPowerLaw(n, l, { ...opts, alphaRange: [0.01, 1] })).toThrow(/edge/);
  });
});
