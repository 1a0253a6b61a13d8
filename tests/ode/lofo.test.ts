import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENCHMARKS, config } from '../../pipeline/config.ts';
import { ingest } from '../../pipeline/ingest.ts';
import { panelTrajectories, samplesOf, type Sample, type Trajectory } from '../../pipeline/ode/data.ts';
import { linearFitter, sparseFitter, type Fitter, type SimSettings } from '../../pipeline/ode/fit.ts';
import { odeHoldout } from '../../pipeline/ode/holdout.ts';
import { polynomialTerms, type PolySystem } from '../../pipeline/ode/library.ts';
import { leaveOneFamilyOut } from '../../pipeline/ode/lofo.ts';
import { runPanels } from '../../pipeline/panel-summary.ts';
import { factorSystem, leastSquaresOnTerms } from '../../pipeline/stats/factor-solve.ts';
import type { Model } from '../../pipeline/types.ts';
import { model, ROOT } from '../helpers/fixtures.ts';

const sim = { scale: 1, stepsPerDecade: 50, divergenceBoundPercent: 1000 };
const all = (v: number) => ({ scores: { hellaswag: v, truthfulqa_mc2: v, arc: v, winogrande: v, mmlu: v } });

/** A family whose five scores all change by `slope` points per decade of N from `start`, sizes 0.1B, 1B, 10B, ... */
function family(name: string, n: number, start: number, slope: number): Model[] {
  return Array.from({ length: n }, (_, i) => model(`${name}-${i}`, name, 0.1 * 10 ** i, 0, 0, all(start + slope * i)));
}

const constant = polynomialTerms(BENCHMARKS.length, 0);

/** Only a constant slope per benchmark: the mean finite difference of the training samples, from either route. */
const meanSlope: Fitter = {
  terms: constant,
  fromSamples: (train) => ({ terms: constant, coef: BENCHMARKS.map((_, j) => [train.reduce((s, x) => s + x.deriv[j]!, 0) / train.length]) }),
  fromFactor: (f) => ({ terms: constant, coef: BENCHMARKS.map((_, j) => leastSquaresOnTerms(factorSystem(f, 1), [true], j)) }),
};

/** Records what the fitter is given: the families of raw samples, or the row count of a factor. */
function spy(fitter: Fitter) {
  const calls: (string[] | number)[] = [];
  const wrapped: Fitter = {
    terms: fitter.terms,
    fromSamples: (train) => {
      calls.push([...new Set(train.map((s) => s.family))].sort());
      return fitter.fromSamples(train);
    },
    fromFactor: (f) => {
      calls.push(f.rows);
      return fitter.fromFactor(f);
    },
  };
  return { calls, wrapped };
}

// 3 + 4 + 1 + 3 finite differences.
const panel = {
  name: 'as published' as const,
  models: [...family('A', 4, 30, 2), ...family('B', 5, 40, 2), ...family('C', 2, 50, 2), ...family('Z', 4, 60, -5)],
};

describe('leave-one-family-out', () => {
  it('never shows the held-out family to the fitter', () => {
    // The linear library has 6 + 5 columns, more than the 7 or 8 training samples: the fitter gets them raw.
    const { calls, wrapped } = spy(linearFitter());
    const rows = leaveOneFamilyOut(panelTrajectories(panel), 4, 1, wrapped, sim);
    expect(rows.map((r) => r.family)).toEqual(['A', 'B', 'Z']);
    expect(calls).toEqual([
      ['B', 'C', 'Z'],
      ['A', 'C', 'Z'],
      ['A', 'B', 'C'],
    ]);
  });

  it('hands the fitter the factor of the other families’ rows once they outnumber its columns', () => {
    // The constant library has 1 + 5 columns, fewer than the 7 or 8 training samples.
    const { calls, wrapped } = spy(meanSlope);
    const rows = leaveOneFamilyOut(panelTrajectories(panel), 4, 1, wrapped, sim);
    expect(calls).toEqual([4 + 1 + 3, 3 + 1 + 3, 3 + 4 + 1]);
    expect(rows.map((r) => r.trainSamples)).toEqual(calls);
  });

  it('cannot learn a planted family whose dynamics appear only in itself: its error is that of the other families’ slope', () => {
    const rows = leaveOneFamilyOut(panelTrajectories(panel), 4, 1, meanSlope, sim);
    const z = rows.find((r) => r.family === 'Z')!;
    // Trained on A, B, C only, every slope is +2: from 60 the prediction is 62, 64, 66 against 55, 50, 45.
    const expected = (100 * (7 / 55 + 14 / 50 + 21 / 45)) / 3;
    expect(z.mapeAll).toBeCloseTo(expected, 9);
    z.mapePerBenchmark.forEach((m) => expect(m).toBeCloseTo(expected, 9));
    // Had Z leaked into its own fit, the mean slope would fall below +2 and this error would shrink.
    expect(z.trainFamilies).toBe(3);
    expect(z.trainSamples).toBe(3 + 4 + 1);
  });

  it('holds out only families with enough complete models and starts each from its smallest model', () => {
    const rows = leaveOneFamilyOut(panelTrajectories(panel), 5, 1, meanSlope, sim);
    expect(rows.map((r) => [r.family, r.start, r.nModels])).toEqual([['B', 'B-0', 5]]);
  });
});

const c = config.ode;
const s: SimSettings = { scale: c.scoreScale, stepsPerDecade: c.rk4StepsPerDecade, divergenceBoundPercent: c.divergenceBoundPercent };
// On the paper's panels the other families give 35 to 43 samples: more than the linear
// library's 6 + 5 columns (the factor route), fewer than the cubic library's 56 + 5 (raw samples).
const FITS = [
  { name: 'linear (as coded)', fitter: linearFitter(), paperRoute: 'factor' },
  {
    name: 'STLSQ (as described)',
    fitter: sparseFitter({ libraryDegree: c.libraryDegree, threshold: c.threshold, ridgeAlpha: c.ridgeAlpha, maxIterations: c.maxIterations }),
    paperRoute: 'samples',
  },
];

/** Today's refit: the raw finite differences of every other family, fitted from scratch. */
function refits(trajectories: readonly Trajectory[], fitSystem: (train: Sample[]) => PolySystem) {
  return trajectories
    .filter((tr) => tr.models.length >= c.lofoMinModels)
    .map((held) => {
      const train = trajectories.filter((tr) => tr.family !== held.family).flatMap((tr) => samplesOf(tr, c.scoreScale));
      const sys = fitSystem(train);
      return { sys, pred: odeHoldout(sys, held, s), trainSamples: train.length };
    });
}

/** Leave-one-family-out beside today's refits: the largest relative gaps in coefficients and hold-out errors, and which route each fit took. */
function compare(trajectories: Trajectory[], fitter: Fitter) {
  const systems: PolySystem[] = [];
  const routes: string[] = [];
  const keep = (route: string, sys: PolySystem) => {
    routes.push(route);
    systems.push(sys);
    return sys;
  };
  const rows = leaveOneFamilyOut(
    trajectories,
    c.lofoMinModels,
    c.scoreScale,
    {
      terms: fitter.terms,
      fromSamples: (train) => keep('samples', fitter.fromSamples(train)),
      fromFactor: (f) => keep('factor', fitter.fromFactor(f)),
    },
    s,
  );
  const oracle = refits(trajectories, (train) => fitter.fromSamples(train));
  expect(rows).toHaveLength(oracle.length);
  const rel = (a: number | null, b: number | null) => (a === null || b === null ? (a === b ? 0 : Infinity) : Math.abs(a - b) / Math.max(1, Math.abs(b)));
  let coef = 0;
  let errors = 0;
  let active = 0;
  oracle.forEach((o, i) => {
    o.sys.coef.forEach((row, j) =>
      row.forEach((v, k) => {
        if (v !== 0) active++;
        coef = Math.max(coef, rel(systems[i]!.coef[j]![k]!, v));
      }),
    );
    errors = Math.max(errors, rel(rows[i]!.mapeAll, o.pred.mapeAll), ...rows[i]!.mapePerBenchmark.map((m, j) => rel(m, o.pred.mapePerBenchmark[j]!)));
    expect(rows[i]!.divergedAt).toBe(o.pred.divergedAt);
    expect(rows[i]!.trainSamples).toBe(o.trainSamples);
  });
  expect(active).toBeGreaterThan(oracle.length); // the comparison covers fitted terms, not only zeros
  return { rows, routes, coef, errors };
}

describe('leave-one-family-out on the paper’s panels', () => {
  const panels = runPanels(ingest(join(ROOT, 'data')));
  for (const p of [panels.published, panels.audited]) {
    for (const f of FITS) {
      it(`gives the coefficients and hold-out errors of today’s refits to 1e-9, ${f.name} from ${f.paperRoute === 'factor' ? 'the factor' : 'raw samples'}, ${p.name} panel`, () => {
        const { rows, routes, coef, errors } = compare(panelTrajectories(p), f.fitter);
        expect(rows.length).toBeGreaterThanOrEqual(5);
        expect(new Set(routes)).toEqual(new Set([f.paperRoute]));
        expect(coef).toBeLessThanOrEqual(1e-9);
        expect(errors).toBeLessThanOrEqual(1e-9);
      });
    }
  }
});

/** The published panel plus a shifted copy of every family, so that the other families' samples outnumber the library's columns. */
function doubledPanel(): Trajectory[] {
  const trajectories = panelTrajectories(runPanels(ingest(join(ROOT, 'data'))).published);
  const copies = trajectories.map((tr, i) => ({
    ...tr,
    family: `${tr.family} copy`,
    t: tr.t.map((t) => t + 0.05),
    states: tr.states.map((row) => row.map((v, j) => v + 0.3 * (((i + j) % 5) - 2))),
  }));
  return [...trajectories, ...copies];
}

describe('leave-one-family-out from triangular factors', () => {
  const trajectories = doubledPanel();

  it('matches today’s linear refits to 1e-12', () => {
    const { routes, coef, errors } = compare(trajectories, FITS[0]!.fitter);
    expect(routes.every((r) => r === 'factor')).toBe(true);
    expect(coef).toBeLessThanOrEqual(1e-12);
    expect(errors).toBeLessThanOrEqual(1e-12);
  });

  // The degree-3 library's design is ill-conditioned (condition number 6e6 to 1e7 on these
  // scores), so two backward-stable solvers agree only to about that times machine epsilon.
  // Checked once against 50-digit arithmetic: today's refits sit up to 4e-7 from the exact
  // coefficients on this panel (3e-8 on the paper's), the factor route up to 1.3e-7.
  it('matches today’s STLSQ refits to the accuracy the refits themselves have (1e-6)', () => {
    const { routes, coef, errors } = compare(trajectories, FITS[1]!.fitter);
    expect(routes.every((r) => r === 'factor')).toBe(true);
    expect(coef).toBeLessThanOrEqual(1e-6);
    expect(errors).toBeLessThanOrEqual(1e-6);
  });
});
