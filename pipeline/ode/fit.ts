import { BENCHMARKS } from '../config.ts';
import { evalTerms, polynomialTerms, rhsOf, type PolySystem, type Term } from './library.ts';
import type { Sample, Trajectory } from './data.ts';
import { integrate } from '../stats/rk4.ts';
import { factorSolver, factorSystem, leastSquaresOnTerms, ridgeOnTerms } from '../stats/factor-solve.ts';
import { leastSquares, ridgeMany, stlsq, stlsqWith, type StlsqFit } from '../stats/stlsq.ts';
import type { TriangularFactor } from '../stats/triangular-factor.ts';

const K = BENCHMARKS.length;

export interface SparseSettings {
  libraryDegree: number;
  threshold: number;
  ridgeAlpha: number;
  maxIterations: number;
}

export interface SparseFit {
  system: PolySystem;
  /** One STLSQ result per equation, in benchmark order. */
  fits: StlsqFit[];
  warnings: string[];
}

/** As coded: dB/dt = C·B + c0 by least squares, one equation per benchmark (constant plus five linear terms). */
export function fitLinear(samples: readonly Sample[]): PolySystem {
  const terms = polynomialTerms(K, 1);
  const X = samples.map((s) => evalTerms(terms, s.state));
  const coef = BENCHMARKS.map((_, j) =>
    leastSquares(
      X,
      samples.map((s) => s.deriv[j]!),
    ),
  );
  return { terms, coef };
}

/** As described: STLSQ on a polynomial library of the five scores. */
export function fitSparse(samples: readonly Sample[], st: SparseSettings): SparseFit {
  const terms = polynomialTerms(K, st.libraryDegree);
  const X = samples.map((s) => evalTerms(terms, s.state));
  const ys = BENCHMARKS.map((_, j) => samples.map((s) => s.deriv[j]!));
  const starts = ridgeMany(X, ys, st.ridgeAlpha);
  return sparseFit(
    terms,
    ys.map((y, j) => stlsq(X, y, st, starts[j])),
  );
}

function sparseFit(terms: Term[], fits: StlsqFit[]): SparseFit {
  const warnings = fits.flatMap((f, j) => f.warnings.map((w) => `${BENCHMARKS[j]}: ${w}`));
  return { system: { terms, coef: fits.map((f) => f.coef) }, fits, warnings };
}

/**
 * A fit that can also run on the triangular factor of its samples' rows
 * [library terms | five slopes] (stats/triangular-factor.ts) instead of the
 * samples, as leave-one-family-out needs.
 */
export interface Fitter {
  terms: Term[];
  fromSamples(train: readonly Sample[]): PolySystem;
  fromFactor(train: TriangularFactor): PolySystem;
}

export function linearFitter(): Fitter {
  const terms = polynomialTerms(K, 1);
  const all = terms.map(() => true);
  return {
    terms,
    fromSamples: fitLinear,
    fromFactor: (f) => {
      const sys = factorSystem(f, terms.length);
      return { terms, coef: BENCHMARKS.map((_, j) => leastSquaresOnTerms(sys, all, j)) };
    },
  };
}

export function sparseFitter(st: SparseSettings): Fitter {
  const terms = polynomialTerms(K, st.libraryDegree);
  const all = terms.map(() => true);
  return {
    terms,
    fromSamples: (train) => fitSparse(train, st).system,
    fromFactor: (f) => {
      const sys = factorSystem(f, terms.length);
      return sparseFit(
        terms,
        BENCHMARKS.map((_, j) => stlsqWith(factorSolver(sys, j, st.ridgeAlpha), st, ridgeOnTerms(sys, all, j, st.ridgeAlpha))),
      ).system;
    },
  };
}

export interface SimSettings {
  scale: number;
  stepsPerDecade: number;
  divergenceBoundPercent: number;
}

/** Integrates from `startPercent` at t0 and returns predictions in percent at `times`; NaN after divergence. */
export function simulate(sys: PolySystem, startPercent: readonly number[], t0: number, times: readonly number[], sim: SimSettings) {
  const sol = integrate(
    rhsOf(sys),
    startPercent.map((v) => v * sim.scale),
    t0,
    times,
    sim.stepsPerDecade,
    sim.divergenceBoundPercent * sim.scale,
  );
  return { predicted: sol.states.map((s) => s.map((v) => v / sim.scale)), divergedAt: sol.divergedAt };
}

export interface BenchmarkError {
  /** The authors' figure metric: mean |error| ÷ mean score × 100, over every point including the start. */
  authors: number;
  /** Mean |error| / score × 100 over the predicted models (the start is the initial condition and left out). */
  mape: number;
  /** The same, with the start (error 0) counted. */
  mapeWithStart: number;
}

const meanOf = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;

/** Per-benchmark errors of a predicted trajectory whose first row is the initial condition. */
export function trajectoryErrors(predicted: readonly number[][], actual: readonly number[][]): BenchmarkError[] {
  return BENCHMARKS.map((_, j) => {
    const p = predicted.map((r) => r[j]!);
    const a = actual.map((r) => r[j]!);
    const abs = p.map((v, i) => Math.abs(v - a[i]!));
    const rel = abs.map((e, i) => (100 * e) / a[i]!);
    return { authors: (100 * meanOf(abs)) / meanOf(a), mape: meanOf(rel.slice(1)), mapeWithStart: meanOf(rel) };
  });
}

export interface TrajectoryFit {
  predicted: number[][];
  errors: BenchmarkError[] | null;
  /** Mean of the per-benchmark MAPE, or null after divergence. */
  mape: number | null;
  divergedAt: number | null;
}

/** Integrates a fitted system along a family's sizes from its smallest model and scores the result. */
export function replay(sys: PolySystem, tr: Trajectory, sim: SimSettings): TrajectoryFit {
  const { predicted, divergedAt } = simulate(sys, tr.states[0]!, tr.t[0]!, tr.t, sim);
  if (divergedAt !== null) return { predicted, errors: null, mape: null, divergedAt };
  const errors = trajectoryErrors(predicted, tr.states);
  return { predicted, errors, mape: meanOf(errors.map((e) => e.mape)), divergedAt };
}
