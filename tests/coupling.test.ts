import { describe, expect, it } from 'vitest';
import { config } from '../pipeline/config.ts';
import { familyCoupling, panelCoupling } from '../pipeline/coupling.ts';
import { familyIntervals } from '../pipeline/intervals.ts';
import { phaseOf } from '../pipeline/phase.ts';
import { createRng } from '../pipeline/stats/rng.ts';
import { model } from './helpers/fixtures.ts';

describe('local coupling g12', () => {
  it('is ΔTQA/ΔHS between consecutive sizes, placed at the geometric mean of the two sizes', () => {
    const fam = [model('a', 'F', 1, 40, 45), model('b', 'F', 4, 50, 43), model('c', 'F', 16, 60, 47)];
    const iv = familyIntervals(fam, 0.5, 0.1);
    expect(iv.map((i) => i.g12)).toEqual([(43 - 45) / 10, (47 - 43) / 10]);
    expect(iv.map((i) => i.midB)).toEqual([2, 8]);
    expect(iv.map((i) => i.phase)).toEqual(['tax', 'bonus']);
  });

  it('flags a near-zero ΔHS instead of dividing by it', () => {
    const fam = [model('a', 'F', 8, 82.23, 42.93), model('b', 'F', 8, 82.0, 43.9)];
    const [iv] = familyIntervals(fam, 0.5, 0.1);
    expect(iv!.g12).toBeNull();
    expect(iv!.flag).toBe('near-zero ΔHS');
  });

  it('flags intervals with a missing score', () => {
    const [iv] = familyIntervals([model('a', 'F', 1, 40, null), model('b', 'F', 2, 45, 40)], 0.5, 0.1);
    expect(iv!.flag).toBe('missing score');
  });

  it('puts the phase boundaries at ±threshold, with the boundary itself in the transition band', () => {
    expect(phaseOf(-0.1000001, 0.1)).toBe('tax');
    expect(phaseOf(-0.1, 0.1)).toBe('transition');
    expect(phaseOf(0.1, 0.1)).toBe('transition');
    expect(phaseOf(0.1000001, 0.1)).toBe('bonus');
  });
});

describe('family coupling', () => {
  it('uses the scores, not the sizes: equal sizes with opposite trends get opposite phases', () => {
    const sizes = [0.1, 0.4, 1.6, 6.4];
    const down = sizes.map((n, i) => model(`d${i}`, 'Down', n, 30 + 10 * i, 48 - 3 * i));
    const up = sizes.map((n, i) => model(`u${i}`, 'Up', n, 30 + 10 * i, 30 + 3 * i));
    const d = familyCoupling('Down', down, config, createRng('t'));
    const u = familyCoupling('Up', up, config, createRng('t'));
    expect(d.intervals.every((i) => i.phase === 'tax')).toBe(true);
    expect(u.intervals.every((i) => i.phase === 'bonus')).toBe(true);
    expect(d.correlations[0]!.r).toBeCloseTo(-1, 12);
  });

  it('runs an exact permutation test for small families and assigns each model the phase of the interval ending at it', () => {
    const fam = [model('a', 'F', 1, 40, 45), model('b', 'F', 2, 50, 43), model('c', 'F', 4, 60, 44), model('d', 'F', 8, 70, 40)];
    const f = familyCoupling('F', fam, config, createRng('t'));
    expect(f.permutation?.method).toBe('exact');
    expect(f.permutation?.permutations).toBe(24);
    expect([...f.phases.entries()]).toEqual([
      ['b', 'tax'],
      ['c', 'transition'],
      ['d', 'tax'],
    ]);
  });

  it('pools models by phase across families for the population r', () => {
    const fam = [model('a', 'F', 1, 40, 45), model('b', 'F', 2, 50, 43), model('c', 'F', 4, 60, 41), model('d', 'F', 8, 70, 38)];
    const pc = panelCoupling({ name: 'as published', models: fam }, config, createRng('t'));
    const tax = pc.byPhase.find((b) => b.phase === 'tax')!;
    expect(tax.nModels).toBe(3);
    expect(tax.nFamilies).toBe(1);
  });
});
