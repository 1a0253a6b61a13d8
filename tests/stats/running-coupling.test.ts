import { describe, expect, it } from 'vitest';
import { createRng } from '../../pipeline/stats/rng.ts';
import { fitRunningCoupling, lineZero, stratifiedCrossingBootstrap } from '../../pipeline/stats/running-coupling.ts';

describe('running-coupling line', () => {
  it('fits g12 = A x + B, counts sign agreements and places the zero at -B/A', () => {
    // x̄ = 9.5, ḡ = 0.2, Sxx = 5, Sxg = 3.1 → A = 0.62, B = 0.2 - 0.62·9.5 = -5.69, zero at 5.69/0.62.
    // At x = 9 the line is -0.11 while g = +0.3: the only sign the line gets wrong.
    const f = fitRunningCoupling([8, 9, 10, 11], [-1, 0.3, 0.5, 1]);
    expect(f.slope).toBeCloseTo(0.62, 12);
    expect(f.intercept).toBeCloseTo(-5.69, 12);
    expect(f.zeroLog10).toBeCloseTo(5.69 / 0.62, 12);
    expect(f.signAgree).toBe(3);
    const exact = fitRunningCoupling([8, 9, 10], [-0.5, 0, 0.5]);
    expect(exact.zeroLog10).toBeCloseTo(9, 12);
    expect(exact.signAgree).toBe(2); // an exact zero never agrees
  });

  it('has no upward zero for a falling or degenerate line', () => {
    expect(lineZero([8, 9], [0.5, -0.5])).toEqual({ none: 'slope <= 0' });
    expect(lineZero([9, 9], [0.5, -0.5])).toEqual({ none: 'degenerate' });
    expect(lineZero([9], [0.5])).toEqual({ none: 'degenerate' });
    const z = lineZero([8, 10], [-1, 1]);
    expect('zero' in z && z.zero).toBeCloseTo(9, 12);
  });
});

describe('family-stratified crossing bootstrap', () => {
  // Two families whose g12 rises with size, crossing zero near log10 N = 9.5.
  const fam = (offset: number) => {
    const logN = [8, 8.5, 9, 9.5, 10, 10.5, 11].map((v) => v + offset);
    const hs = logN.map((_, i) => 30 + 8 * i);
    const tqa: number[] = [45];
    for (let i = 1; i < logN.length; i++) tqa.push(tqa[i - 1]! + 8 * ((logN[i]! + logN[i - 1]!) / 2 - 9.5));
    return { logN, hs, tqa };
  };

  it('accounts for every resample and centres on the crossing of noise-free families', () => {
    const b = stratifiedCrossingBootstrap([fam(0), fam(0.1)], createRng('x'), 300, 0.5);
    expect(b.crossings.length + b.slopeNotPositive + b.degenerate).toBe(300);
    const sorted = Array.from(b.crossings).sort((p, q) => p - q);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeGreaterThan(9.3);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(9.8);
  });

  it('is deterministic for a seed and changes with the seed', () => {
    const run = (seed: string) => Array.from(stratifiedCrossingBootstrap([fam(0), fam(0.2)], createRng(seed), 100, 0.5).crossings);
    expect(run('a')).toEqual(run('a'));
    expect(run('a')).not.toEqual(run('b'));
  });
});
