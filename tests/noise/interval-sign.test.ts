import { describe, expect, it } from 'vitest';
import { g12Sign, pG12Positive } from '../../pipeline/noise/interval-sign.ts';
import { fillStandardNormal, phi } from '../../pipeline/stats/normal.ts';
import { createRng } from '../../pipeline/stats/rng.ts';

const rule = { resolvedP: [0.1, 0.9] as [number, number], undefinedHsSe: 2 };

describe('P(g12 > 0) under independent normal score noise', () => {
  it('is one half when ΔTQA is exactly zero, whatever ΔHS', () => {
    expect(pG12Positive(3, 1, 0, 2)).toBeCloseTo(0.5, 12);
  });

  it('matches the hand calculation Φ(a)Φ(b) + Φ(−a)Φ(−b) at a = 1, b = 2', () => {
    const want = phi(1) * phi(2) + phi(-1) * phi(-2);
    expect(pG12Positive(1.5, 1.5, 4, 2)).toBeCloseTo(want, 12);
    expect(want).toBeCloseTo(0.8413447 * 0.9772499 + 0.1586553 * 0.0227501, 6);
  });

  it('depends only on the sign pattern: flipping both differences keeps it, flipping one gives 1 − P', () => {
    const p = pG12Positive(2, 1, 1.5, 1.4);
    expect(pG12Positive(-2, 1, -1.5, 1.4)).toBeCloseTo(p, 12);
    expect(pG12Positive(2, 1, -1.5, 1.4)).toBeCloseTo(1 - p, 12);
  });

  it('goes to 1 as the noise goes to 0 for a clearly positive interval', () => {
    const ps = [2, 1, 0.5, 0.1, 0.01].map((se) => pG12Positive(5, se, 2, se));
    for (let i = 1; i < ps.length; i++) expect(ps[i]!).toBeGreaterThanOrEqual(ps[i - 1]!);
    expect(ps[1]!).toBeGreaterThan(ps[0]!);
    expect(ps[0]!).toBeLessThan(0.9);
    expect(ps[ps.length - 1]!).toBeCloseTo(1, 12);
    expect(pG12Positive(5, 0, 2, 0)).toBe(1);
  });

  it('agrees with a seeded bootstrap of the two differences to within Monte Carlo error', () => {
    const cases: [number, number, number, number][] = [
      [1.2, 0.8, 0.9, 2.0],
      [-0.5, 0.7, 1.4, 2.0],
      [6, 0.7, -3, 2.0],
    ];
    const draws = 40_000;
    const z = new Float64Array(2 * draws);
    fillStandardNormal(createRng('sign-bootstrap'), z);
    for (const [dHs, seHs, dTqa, seTqa] of cases) {
      let positive = 0;
      for (let i = 0; i < draws; i++) if ((dHs + seHs * z[2 * i]!) * (dTqa + seTqa * z[2 * i + 1]!) > 0) positive++;
      const p = pG12Positive(dHs, seHs, dTqa, seTqa);
      const mcSe = Math.sqrt((p * (1 - p)) / draws);
      expect(Math.abs(positive / draws - p)).toBeLessThan(4 * mcSe + 1e-9);
    }
  });
});

describe('the sign label of an interval', () => {
  it('is undefined when |ΔHS| is within two SE(ΔHS), whatever P says', () => {
    expect(g12Sign(1.9, 1, 0.99, rule)).toBe('undefined');
    expect(g12Sign(-1.9, 1, 0.01, rule)).toBe('undefined');
  });

  it('is "+" above the upper bound, "-" below the lower one, and "within noise" between', () => {
    expect(g12Sign(5, 1, 0.95, rule)).toBe('+');
    expect(g12Sign(5, 1, 0.05, rule)).toBe('-');
    expect(g12Sign(5, 1, 0.9, rule)).toBe('within noise');
    expect(g12Sign(5, 1, 0.1, rule)).toBe('within noise');
    expect(g12Sign(5, 1, 0.5, rule)).toBe('within noise');
  });
});
