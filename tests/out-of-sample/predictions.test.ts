import { describe, expect, it } from 'vitest';
import { config } from '../../pipeline/config.ts';
import { couplingNoise, familyCoupling } from '../../pipeline/coupling.ts';
import { familyNc } from '../../pipeline/critical-scale/stage.ts';
import { scorePredictions } from '../../pipeline/out-of-sample/predictions.ts';
import type { OosFamily, Prediction, ScoringSet } from '../../pipeline/out-of-sample/types.ts';
import { createRng } from '../../pipeline/stats/rng.ts';
import { model, noiseModel } from '../helpers/fixtures.ts';

const cfg = structuredClone(config);
cfg.noise.draws = 200;
cfg.criticalScale.perFamilyResamples = 50;
const noise = couplingNoise(noiseModel(cfg), cfg, createRng('n'));

/** A family with the given sizes and TruthfulQA steps; HellaSwag rises 8 points a step (|ΔHS| far above its noise). */
function family(name: string, set: ScoringSet, sizes: number[], tqaSteps: number[]): OosFamily {
  let tqa = 40;
  const models = sizes.map((n, i) => {
    if (i > 0) tqa += tqaSteps[i - 1]!;
    return model(`${name}-${n}`, name, n, 30 + 8 * i, tqa, { origin: 'leaderboard' });
  });
  const coupling = familyCoupling(name, models, cfg, createRng(name), noise);
  return {
    family: name,
    tier: 'scratch',
    inPanel: set === 'in-sample',
    set,
    models,
    excluded: [],
    coupling,
    nc: familyNc('audited', coupling, cfg, createRng('nc')),
    width: null,
    ode: { linear: null, sparse: null, lines: null },
  };
}

const pred = (id: string, extra: Partial<Prediction>): Prediction => ({
  id,
  statement: '',
  thresholdLowB: null,
  thresholdHighB: null,
  rangeLowB: null,
  rangeHighB: null,
  minModels: null,
  maxMapePct: null,
  scoringSets: ['out-of-sample-scratch'],
  line: 2,
  ...extra,
});
const P1 = pred('P1', { thresholdLowB: 2, thresholdHighB: 20 });
const P2 = pred('P2', { rangeLowB: 0.1, rangeHighB: 10, minModels: 5 });
const P3 = pred('P3', { thresholdLowB: 2, thresholdHighB: 20, minModels: 3 });

describe('P1, the sign rule', () => {
  it('scores only intervals wholly below the low or wholly above the high threshold, by the sign of g12', () => {
    // Intervals: 0.5→1 (below, -), 1→5 (straddles, not scored), 5→30 (straddles), 30→60 (above, +), 60→120 (above, -).
    const f = family('A', 'out-of-sample-scratch', [0.5, 1, 5, 30, 60, 120], [-5, -5, 5, 5, -5]);
    const { scores } = scorePredictions([P1], [f]);
    const raw = scores.find((s) => s.signs === 'raw')!;
    expect([raw.n, raw.k]).toEqual([3, 2]);
    expect(raw.score).toBeCloseTo(2 / 3, 12);
  });

  it('counts only signs noise resolves on resolved signs: a 1-point TruthfulQA step is within noise', () => {
    const f = family('B', 'out-of-sample-scratch', [0.2, 0.5, 1, 1.5], [-6, -1, -6]);
    const { scores } = scorePredictions([P1], [f]);
    expect(scores.find((s) => s.signs === 'raw')!.n).toBe(3);
    expect(scores.find((s) => s.signs === 'resolved')!.n).toBe(2);
  });

  it('passes only when it beats always-the-majority-sign by an exact McNemar test', () => {
    // Every scored interval below the threshold falls: P1 and the majority baseline are right on the same items, p = 1.
    const fams = ['C', 'D', 'E', 'F'].map((n) => family(n, 'out-of-sample-scratch', [0.1, 0.2, 0.4, 0.8, 1.6], [-6, -6, -6, -6]));
    const raw = scorePredictions([P1], fams).scores.find((s) => s.signs === 'raw')!;
    expect([raw.n, raw.k, raw.baselineScore]).toEqual([16, 16, 1]);
    expect(raw.baselineP).toBe(1);
    expect(raw.ciLow!).toBeGreaterThan(0.5);
    expect(raw.verdict).toBe('inconclusive');
  });
});

describe('P2, falsification criterion (i)', () => {
  it('names a family with five models in range and no sign change as a counterexample, and fails on it', () => {
    const down = family('Down', 'out-of-sample-scratch', [0.1, 0.3, 1, 3, 9], [-6, -6, -6, -6]);
    const turn = family('Turn', 'out-of-sample-scratch', [0.1, 0.3, 1, 3, 9], [-6, -6, 6, 6]);
    const few = family('Few', 'out-of-sample-scratch', [0.1, 1, 5, 50], [-6, -6, -6]);
    const { scores, outcomes } = scorePredictions([P1, P2], [down, turn, few]);
    const raw = scores.find((s) => s.prediction === 'P2' && s.signs === 'raw')!;
    expect([raw.n, raw.k, raw.verdict]).toEqual([2, 1, 'fail']);
    const miss = outcomes.find((o) => o.prediction === 'P2' && o.family === 'Down' && o.signs === 'raw')!;
    expect(miss.detail).toMatch(/no sign change \(counterexample\)/);
    expect(outcomes.find((o) => o.prediction === 'P2' && o.family === 'Few')!.scored).toBe(false);
  });

  it('passes when every scored family changes sign', () => {
    const turn = family('Turn', 'out-of-sample-scratch', [0.1, 0.3, 1, 3, 9], [-6, -6, 6, 6]);
    expect(scorePredictions([P2], [turn]).scores.find((s) => s.signs === 'raw')!.verdict).toBe('pass');
  });
});

describe('P3, N_c within the pre-registered interval', () => {
  it('counts a crossing inside the interval as a hit and leaves a family without one unscored', () => {
    const inside = family('In', 'out-of-sample-scratch', [1, 3, 10, 30], [-6, 6, 6]);
    const early = family('Early', 'out-of-sample-scratch', [0.1, 0.2, 0.4, 0.8], [-6, 6, 6]);
    const never = family('Never', 'out-of-sample-scratch', [0.1, 1, 10], [-6, -6]);
    const { scores, outcomes } = scorePredictions([P3], [inside, early, never]);
    const raw = scores.find((s) => s.signs === 'raw')!;
    expect([raw.n, raw.k]).toEqual([2, 1]);
    expect(inside.nc.ncB!).toBeGreaterThan(2);
    expect(outcomes.find((o) => o.family === 'Never' && o.signs === 'raw')!.detail).toMatch(/^no crossing/);
  });
});

describe('scoring sets', () => {
  it('keeps the sets apart: an in-sample family never counts out of sample', () => {
    const a = family('A', 'out-of-sample-scratch', [0.1, 0.3, 1, 3, 9], [-6, -6, 6, 6]);
    const b = family('B', 'in-sample', [0.1, 0.3, 1, 3, 9], [-6, -6, -6, -6]);
    const both = pred('P2', { rangeLowB: 0.1, rangeHighB: 10, minModels: 5, scoringSets: ['out-of-sample-scratch', 'in-sample'] });
    const { scores } = scorePredictions([both], [a, b]);
    const get = (set: string) => scores.find((s) => s.set === set && s.signs === 'raw')!;
    expect([get('out-of-sample-scratch').k, get('out-of-sample-scratch').n]).toEqual([1, 1]);
    expect([get('in-sample').k, get('in-sample').n]).toEqual([0, 1]);
  });
});
