import { describe, expect, it } from 'vitest';
import { familyIntervals } from '../../pipeline/intervals.ts';
import { appendCouplings } from '../../pipeline/stats/local-coupling.ts';
import { distinctResample, stratifiedDistinctResample } from '../../pipeline/stats/resample.ts';
import { createRng } from '../../pipeline/stats/rng.ts';
import { model } from '../helpers/fixtures.ts';

describe('array form of the local coupling', () => {
  it('gives the same g12 and interval positions as the coupling stage, near-zero ΔHS included', () => {
    const fam = [
      model('a', 'F', 0.1, 30, 45),
      model('b', 'F', 0.4, 36, 44),
      model('c', 'F', 1, 36.3, 43),
      model('d', 'F', 3, 50, 41),
      model('e', 'F', 12, 62, 44),
    ];
    const ivs = familyIntervals(fam, 0.5, 0.1).filter((iv) => iv.g12 !== null);
    const xs: number[] = [];
    const gs: number[] = [];
    const data = { logN: fam.map((m) => Math.log10(m.paramsB * 1e9)), hs: fam.map((m) => m.scores.hellaswag!), tqa: fam.map((m) => m.scores.truthfulqa_mc2!) };
    appendCouplings(data, [0, 1, 2, 3, 4], 0.5, xs, gs);
    expect(gs).toEqual(ivs.map((iv) => iv.g12));
    xs.forEach((x, i) => expect(x).toBeCloseTo(Math.log10(ivs[i]!.midB * 1e9), 12));
  });
});

describe('resampling models', () => {
  it('returns the distinct drawn indices in ascending order', () => {
    const rng = createRng('r');
    for (let k = 0; k < 50; k++) {
      const s = distinctResample(rng, 7);
      expect(s.length).toBeGreaterThan(0);
      expect([...s].sort((a, b) => a - b)).toEqual(s);
      expect(new Set(s).size).toBe(s.length);
      expect(s.every((i) => i >= 0 && i < 7)).toBe(true);
    }
  });

  it('draws within each stratum and never across', () => {
    const out = stratifiedDistinctResample(createRng('s'), [8, 3, 1]);
    expect(out[0]!.every((i) => i < 8)).toBe(true);
    expect(out[1]!.every((i) => i < 3)).toBe(true);
    expect(out[2]).toEqual([0]);
  });
});
