import { describe, expect, it } from 'vitest';
import { normalQuantile, wilsonInterval } from '../../pipeline/stats/wilson.ts';

describe('Wilson score interval', () => {
  it('inverts the normal CDF', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 10);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963985, 8);
  });

  it('matches a hand calculation for 5 of 10 and is symmetric about one half', () => {
    // centre = (0.5 + z²/20) / (1 + z²/10) = 0.5; half = z/(1+z²/10) · sqrt(0.025 + z²/400)
    const z = 1.959963985;
    const half = (z / (1 + (z * z) / 10)) * Math.sqrt(0.025 + (z * z) / 400);
    const [lo, hi] = wilsonInterval(5, 10, 0.95);
    expect(lo).toBeCloseTo(0.5 - half, 8);
    expect(hi).toBeCloseTo(0.5 + half, 8);
  });

  it('stays inside [0, 1] at the extremes', () => {
    const [lo, hi] = wilsonInterval(10, 10, 0.95);
    expect(hi).toBeCloseTo(1, 12);
    expect(lo).toBeGreaterThan(0.6);
    expect(wilsonInterval(0, 10, 0.95)[0]).toBeCloseTo(0, 12);
  });
});
