import { describe, expect, it } from 'vitest';
import { config } from '../../pipeline/config.ts';
import { familyCoupling } from '../../pipeline/coupling.ts';
import { familyNoiseDraws } from '../../pipeline/noise/family-draws.ts';
import { createRng } from '../../pipeline/stats/rng.ts';
import type { Model } from '../../pipeline/types.ts';
import { model, noiseModel } from '../helpers/fixtures.ts';

const noise = noiseModel();
const settings = { draws: 2000, level: 0.95, minDeltaHs: 0.5 };
const given = (se: number) => ({ hellaswag: se, truthfulqa_mc2: se, arc: null, winogrande: null, mmlu: null, gsm8k: null });

/** HS rises 10 points a step; TQA falls 3 then rises 3: g12 -0.3, -0.3, +0.3, +0.3, crossing between 1B and 4B. */
function valley(se: number | null): Model[] {
  const sizes = [0.25, 0.5, 1, 4, 16];
  const tqa = [45, 42, 39, 42, 45];
  return sizes.map((n, i) => model(`V-${n}`, 'Valley', n, 30 + 10 * i, tqa[i]!, se === null ? {} : { stderr: given(se) }));
}

describe('N_c as a distribution under score noise', () => {
  it('is defined in every draw, at the point estimate, when the stated errors are negligible', () => {
    const ms = valley(1e-6);
    const point = familyCoupling('Valley', ms, config, createRng('t'));
    const up = point.intervals.findIndex((iv) => iv.g12! > 0);
    const [below, above] = [point.intervals[up - 1]!, point.intervals[up]!];
    const x0 = Math.log10(below.midB * 1e9);
    const x1 = Math.log10(above.midB * 1e9);
    const want = 10 ** (x0 + ((0 - below.g12!) * (x1 - x0)) / (above.g12! - below.g12!)) / 1e9;
    const d = familyNoiseDraws(ms, noise, settings, createRng('a'));
    expect(d.nc.pDefined).toBe(1);
    expect(d.nc.medianB!).toBeCloseTo(want, 4);
    expect(d.nc.lowB!).toBeCloseTo(want, 4);
    expect(d.nc.highB!).toBeCloseTo(want, 4);
  });

  it('is rarely defined for a family whose TruthfulQA falls by far more than its noise at every step', () => {
    const ms = [0.1, 0.4, 1.6, 6.4].map((n, i) => model(`D-${n}`, 'Down', n, 30 + 10 * i, 48 - 6 * i));
    expect(familyNoiseDraws(ms, noise, settings, createRng('b')).nc.pDefined).toBeLessThan(0.05);
  });

  it('spreads out and becomes less certain as the stated errors grow', () => {
    const tight = familyNoiseDraws(valley(0.2), noise, settings, createRng('c'));
    const loose = familyNoiseDraws(valley(2.5), noise, settings, createRng('c'));
    expect(tight.nc.pDefined).toBeGreaterThan(loose.nc.pDefined);
    expect(tight.nc.highB! - tight.nc.lowB!).toBeLessThan(loose.nc.highB! - loose.nc.lowB!);
  });

  it('gives the same numbers for the same seed and different ones for another', () => {
    const a = familyNoiseDraws(valley(null), noise, settings, createRng('s'));
    expect(familyNoiseDraws(valley(null), noise, settings, createRng('s'))).toEqual(a);
    expect(familyNoiseDraws(valley(null), noise, settings, createRng('other')).nc.medianB).not.toBe(a.nc.medianB);
  });

  it('brackets each interval’s g12 and the family’s r between the draws’ quantiles', () => {
    const ms = valley(0.5);
    const d = familyNoiseDraws(ms, noise, settings, createRng('d'));
    const point = familyCoupling('Valley', ms, config, createRng('t'));
    point.intervals.forEach((iv, k) => {
      const [lo, hi] = d.g12[k]!;
      expect(lo).toBeLessThan(iv.g12!);
      expect(hi).toBeGreaterThan(iv.g12!);
    });
    const r = point.correlations[0]!.r;
    expect(d.r![0]).toBeLessThan(r);
    expect(d.r![1]).toBeGreaterThan(r);
  });

  it('leaves an interval with a missing score without a g12 range', () => {
    const ms = valley(null);
    ms[2] = { ...ms[2]!, scores: { ...ms[2]!.scores, truthfulqa_mc2: null } };
    const d = familyNoiseDraws(ms, noise, settings, createRng('e'));
    expect(d.g12[1]).toBeNull();
    expect(d.g12[2]).toBeNull();
    expect(d.g12[0]).not.toBeNull();
  });
});
