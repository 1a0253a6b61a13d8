import { EigenvalueDecomposition, Matrix, correlation } from 'ml-matrix';
import { BENCHMARKS } from '../config.ts';
import { log10N, samplesOf, sizeRange, type Trajectory } from './data.ts';
import { fitSparse, type SparseSettings } from './fit.ts';
import { mean } from '../stats/describe.ts';
import { fitLine, ols } from '../stats/ols.ts';
import type { Model } from '../types.ts';

const HS = BENCHMARKS.indexOf('hellaswag');
const TQA = BENCHMARKS.indexOf('truthfulqa_mc2');

export interface PhaseFit {
  models: string[];
  intervals: number;
  /** TQA' = a + b·HS by least squares: TQA' in percent per decade of N, HS at the interval midpoint in percent. */
  a: number;
  b: number;
  /** Residual degrees of freedom: 0 means the line passes through every point. */
  df: number;
  /** Mean of ΔTQA/ΔHS over the set's intervals. */
  meanG12: number;
  /** As described: the HS coefficient of the TQA equation of the STLSQ fit on the same intervals (scaled units; 0 if pruned). */
  sparseHsCoef: number;
  sparseActiveTerms: number;
}

/** scripts/pysindy_per_phase.py, read: plain least squares of TQA' on HS over one size set. */
export function phaseFit(tr: Trajectory, loB: number, hiB: number, scale: number, sparse: SparseSettings): PhaseFit {
  const sub = sizeRange(tr, loB, hiB);
  const samples = samplesOf(sub, 1);
  const line = fitLine(
    samples.map((s) => s.state[HS]!),
    samples.map((s) => s.deriv[TQA]!),
  );
  const g12 = samples.map((s) => s.deriv[TQA]! / s.deriv[HS]!);
  const sp = fitSparse(samplesOf(sub, scale), sparse);
  const hsTerm = sp.system.terms.findIndex((e) => e[HS] === 1 && e.reduce((s, v) => s + v, 0) === 1);
  return {
    models: sub.models,
    intervals: samples.length,
    a: line.intercept,
    b: line.slope,
    df: samples.length - 2,
    meanG12: mean(g12),
    sparseHsCoef: sp.system.coef[TQA]![hsTerm]!,
    sparseActiveTerms: sp.fits[TQA]!.support.filter(Boolean).length,
  };
}

/** Principal axes of the five-score correlation matrix, largest eigenvalue first. */
function axes(states: readonly number[][]): { vectors: Matrix; values: number[] } {
  const evd = new EigenvalueDecomposition(correlation(new Matrix(states as number[][])), { assumeSymmetric: true });
  const values = evd.realEigenvalues;
  const order = values.map((_, i) => i).sort((i, j) => values[j]! - values[i]!);
  return { vectors: evd.eigenvectorMatrix.subMatrixColumn(order), values: order.map((i) => values[i]!) };
}

export interface Transfer {
  /** |T_ii| with T = V_taxᵀ V_bonus, principal axes matched by rank. */
  diagonal: number[];
  taxEigenvalues: number[];
  bonusEigenvalues: number[];
  /** Leading axes fixed by the data in both sets (non-zero eigenvalue in each); the rest are arbitrary. */
  determined: number;
}

/**
 * Closest computable stand-in for the phase-transfer matrix: overlap of the
 * principal axes of the benchmark correlation matrix in the tax and bonus size
 * sets. With 4 and 3 models the matrices have rank ≤ 3 and ≤ 2, so the
 * trailing axes are arbitrary.
 */
export function phaseTransfer(tr: Trajectory, tax: [number, number], bonus: [number, number]): Transfer {
  const a = axes(sizeRange(tr, tax[0], tax[1]).states);
  const b = axes(sizeRange(tr, bonus[0], bonus[1]).states);
  const T = a.vectors.transpose().mmul(b.vectors);
  const rank = (v: number[]) => v.filter((x) => x > 1e-9 * v[0]!).length;
  return {
    diagonal: BENCHMARKS.map((_, i) => Math.abs(T.get(i, i))),
    taxEigenvalues: a.values,
    bonusEigenvalues: b.values,
    determined: Math.min(rank(a.values), rank(b.values)),
  };
}

export interface WidthPowerLaw {
  /** Exponent of width-normalised HS in log TQA_w = c + p·log HS_w + q·log(log10 N). */
  hsExponent: number;
  logLogNExponent: number;
  n: number;
  r2: number;
}

/**
 * Closest computable stand-in for the PySR form TQA_norm ∝ HS_norm² / (log N)²:
 * the same form with free exponents, fitted by least squares on logs, with both
 * scores divided by d_model / referenceDModel (the width normalisation of §4.1).
 */
export function widthPowerLaw(models: readonly Model[], referenceDModel: number): WidthPowerLaw | null {
  const ok = models.filter((m) => m.dModel !== null && m.scores.hellaswag !== null && m.scores.truthfulqa_mc2 !== null);
  if (ok.length < 4) return null;
  const w = (m: Model) => m.dModel! / referenceDModel;
  const fit = ols(
    ok.map((m) => [1, Math.log(m.scores.hellaswag! / w(m)), Math.log(log10N(m.paramsB))]),
    ok.map((m) => Math.log(m.scores.truthfulqa_mc2! / w(m))),
  );
  return { hsExponent: fit.coef[1]!, logLogNExponent: fit.coef[2]!, n: ok.length, r2: fit.r2 };
}
