import { describe, expect, it } from 'vitest';
import { integrate, rk4Step } from '../../pipeline/stats/rk4.ts';

describe('RK4 integrator', () => {
  it('matches exponential decay y = e^(−kt) to 1e-10', () => {
    const k = 1.7;
    const times = [0.5, 1, 2, 3];
    const { states, divergedAt } = integrate((_t, y) => [-k * y[0]!], [1], 0, times, 1000);
    expect(divergedAt).toBeNull();
    times.forEach((t, i) => expect(Math.abs(states[i]![0]! - Math.exp(-k * t))).toBeLessThan(1e-10));
  });

  it('matches the harmonic oscillator x = cos ωt, v = −ω sin ωt over several periods', () => {
    const w = 2;
    const times = Array.from({ length: 10 }, (_, i) => i + 1);
    const { states } = integrate((_t, y) => [y[1]!, -w * w * y[0]!], [1, 0], 0, times, 2000);
    times.forEach((t, i) => {
      expect(states[i]![0]!).toBeCloseTo(Math.cos(w * t), 9);
      expect(states[i]![1]!).toBeCloseTo(-w * Math.sin(w * t), 9);
    });
  });

  it('is fourth order: halving the step cuts the error about 16-fold', () => {
    const f = (t: number, y: ArrayLike<number>) => [y[0]! * Math.cos(t)];
    const exact = Math.exp(Math.sin(2));
    const err = (steps: number) => Math.abs(integrate(f, [1], 0, [2], steps).states[0]![0]! - exact);
    const ratio = err(20) / err(40);
    expect(ratio).toBeGreaterThan(13);
    expect(ratio).toBeLessThan(19);
  });

  it('returns the start unchanged at t0 and handles a time-dependent right-hand side exactly for a cubic in t', () => {
    const y = rk4Step((t) => [3 * t * t], 0, [0], 1);
    expect(y[0]).toBeCloseTo(1, 14);
    expect(integrate((t) => [t], [5], 1, [1], 10).states[0]).toEqual([5]);
  });

  it('stops at a finite-time blow-up and reports where, with NaN states from there on', () => {
    // y' = y², y(0) = 1 blows up at t = 1.
    const { states, divergedAt } = integrate((_t, y) => [y[0]! * y[0]!], [1], 0, [0.5, 2, 3], 200, 1e6);
    expect(states[0]![0]!).toBeCloseTo(2, 6);
    expect(divergedAt).toBe(2);
    expect(Number.isNaN(states[1]![0]!)).toBe(true);
    expect(Number.isNaN(states[2]![0]!)).toBe(true);
  });

  it('refuses times that run backwards', () => {
    expect(() => integrate((_t, y) => [y[0]!], [1], 1, [0.5], 10)).toThrow(/ascending/);
  });
});
