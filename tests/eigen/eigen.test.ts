import { describe, expect, it } from 'vitest';
import { config } from '../../pipeline/config.ts';
import { familyCoupling } from '../../pipeline/coupling.ts';
import { frontierSubset } from '../../pipeline/eigen/pca.ts';
import { deffOf, phaseDeff, phasesByRule } from '../../pipeline/eigen/phases.ts';
import { correlationEigen, gainRates, trendWindows } from '../../pipeline/eigen/pythia.ts';
import { paperCounts } from '../../pipeline/eigen/tables.ts';
import type { ClaimRow } from '../../pipeline/ingest.ts';
import { createRng } from '../../pipeline/stats/rng.ts';
import { model } from '../helpers/fixtures.ts';

// HS rises; TQA falls, then is flat, then rises: intervals tax, transition, bonus.
const fam = [model('a', 'F', 1, 40, 45), model('b', 'F', 2, 50, 43), model('c', 'F', 4, 60, 43.5), model('d', 'F', 8, 70, 46)];
const fc = familyCoupling('F', fam, config, createRng('t'));

describe('phase of a model', () => {
  it('takes the interval ending at it under the configured rule; the smallest model has none', () => {
    expect([...phasesByRule(fc, 'phase-of-interval-ending-at-model').entries()]).toEqual([
      ['b', 'tax'],
      ['c', 'transition'],
      ['d', 'bonus'],
    ]);
  });

  it('can instead take the interval starting at it, or give the smallest model its first interval', () => {
    expect([...phasesByRule(fc, 'phase-of-interval-starting-at-model').entries()]).toEqual([
      ['a', 'tax'],
      ['b', 'transition'],
      ['c', 'bonus'],
    ]);
    expect(phasesByRule(fc, 'ending-at-model-and-smallest-takes-first-interval').get('a')).toBe('tax');
  });
});

describe('d_eff per phase', () => {
  const scored = (name: string, family: string, s: (number | null)[]) => ({ model: name, family, scores: s });

  it('drops models missing any score and counts the families of the rest', () => {
    const d = phaseDeff(
      'p',
      'r',
      'tax',
      [scored('x', 'A', [1, 2, 3, 4, 5]), scored('y', 'B', [2, 3, 5, 4, 7]), scored('z', 'B', [3, null, 1, 2, 3]), scored('w', 'C', [5, 1, 2, 2, 4])],
      null,
    );
    expect(d.nAssigned).toBe(4);
    expect(d.nModels).toBe(3);
    expect(d.nFamilies).toBe(3);
    expect(d.models).toEqual(['x', 'y', 'w']);
  });

  it('is 1 for models lying on one line in score space (rank-1 covariance)', () => {
    const d = deffOf([1, 2, 3, 4].map((t) => scored(`m${t}`, 'A', [t, 2 * t, -t, 0.5 * t, 3 * t]) as never));
    expect(d.cov).toBeCloseTo(1, 10);
    expect(d.corr).toBeCloseTo(1, 10);
  });

  it('gives a bootstrap interval that collapses to the point when every family has one model', () => {
    const items = [scored('x', 'A', [1, 2, 3, 4, 5]), scored('y', 'B', [2, 3, 5, 4, 7]), scored('w', 'C', [5, 1, 2, 2, 4])];
    const d = phaseDeff('p', 'r', 'frontier', items, { rng: createRng('b'), resamples: 50, level: 0.95 });
    expect(d.covCi![0]).toBeCloseTo(d.deffCov, 12);
    expect(d.covCi![1]).toBeCloseTo(d.deffCov, 12);
    expect(d.validResamples).toBe(50);
  });

  it('reads the paper’s model and family counts from a claim’s quantity text', () => {
    const row = { id: 'X', quantity: 'd_eff in the tax phase, 12 models from 4 families' } as ClaimRow;
    expect(paperCounts([row], 'X')).toEqual({ n: 12, families: 4 });
    expect(paperCounts([row], 'Y')).toBeNull();
  });
});

describe('Pythia eigenstructure', () => {
  const pts = [0.1, 0.3, 1, 3, 10].map((b, i) => ({
    model: `p${i}`,
    paramsB: b,
    scores: [30 + 10 * i, 45 - 2 * i + (i % 2), 25 + 3 * i + (i === 2 ? 2 : 0), 50 + i * i, 25 + (i % 3)],
  }));

  it('builds cumulative windows from the smallest model and sliding windows of fixed width', () => {
    const w = trendWindows('s', pts, { ...config.eigen, trendMinModels: 3, trendSlidingSize: 4 });
    const cum = w.filter((x) => x.mode === 'cumulative');
    const sl = w.filter((x) => x.mode === 'sliding');
    expect(cum.map((x) => x.nModels)).toEqual([3, 4, 5]);
    expect(sl.map((x) => [x.first, x.last])).toEqual([
      ['p0', 'p3'],
      ['p1', 'p4'],
    ]);
    expect(cum[2]!.lambda2).toBeCloseTo(correlationEigen('s', pts).values[1]!, 12);
    // A 3-model correlation matrix has rank 2, so λ1 + λ2 carries the whole trace.
    expect(cum[0]!.lambda1 + cum[0]!.lambda2).toBeCloseTo(5, 9);
  });

  it('measures gain rates as the OLS slope per decade of parameters', () => {
    const lin = [0.1, 1, 10].map((b) => ({ model: String(b), paramsB: b, scores: [20 + 7 * Math.log10(b * 1e9), 1, 2, 3, 4] }));
    lin[1]!.scores[1] = 5;
    expect(gainRates(lin)[0]!.slope).toBeCloseTo(7, 10);
    // TQA column 1, 5, 1 over three decades: no trend
    expect(gainRates(lin)[1]!.slope).toBeCloseTo(0, 10);
  });

  it('takes the frontier subset as the models at or above the size threshold', () => {
    const rows = [10, 99.9, 100, 500].map((b, i) => ({
      model: `m${i}`,
      family: `F${i}`,
      paramsB: b,
      scores: [1, 2, 3, 4, 5] as [number, number, number, number, number],
    }));
    expect(frontierSubset(rows, 100).map((r) => r.model)).toEqual(['m2', 'm3']);
  });
});
