/**
 * Ridge and least-squares solves on term subsets of a design known only by the
 * triangular factor R of its rows [X Y] (X: the first p columns), for STLSQ's
 * refits. Ridge uses sub-matrices of the Gram matrix XᵀX, computed once: with
 * α·I added they are well conditioned and a Cholesky solve is accurate. The
 * unbiased least-squares refit never uses XᵀX, whose condition number is the
 * square of X's: it re-triangularises R's kept columns and back-substitutes.
 */
import { leastSquares, ridge, type StlsqSolver } from './stlsq.ts';
import type { TriangularFactor } from './triangular-factor.ts';

export interface FactorSystem {
  factor: TriangularFactor;
  /** Design columns; the factor's other columns are right-hand sides. */
  p: number;
  /** XᵀX, p × p, row-major. */
  gram: Float64Array;
  /** XᵀY, p × (cols − p), row-major. */
  cross: Float64Array;
  /**
   * Cholesky factors of XᵀX + αI by term subset and α: the right-hand sides
   * (and STLSQ's iterations) often meet the same subset, e.g. every term at the start.
   */
  choleskyCache: Map<string, Float64Array | null>;
}

export function factorSystem(factor: TriangularFactor, p: number): FactorSystem {
  const n = factor.cols;
  const q = n - p;
  if (!(p > 0 && q > 0)) throw new Error(`design columns ${p} must leave at least one right-hand side among ${n} columns`);
  const r = factor.r;
  const gram = new Float64Array(p * p);
  const cross = new Float64Array(p * q);
  for (let a = 0; a < p; a++) {
    for (let b = a; b < n; b++) {
      // R is upper triangular: rows past min(a, b) are zero in column a.
      let s = 0;
      for (let i = 0; i <= a; i++) s += r[i * n + a]! * r[i * n + b]!;
      if (b < p) gram[a * p + b] = gram[b * p + a] = s;
      else cross[a * q + (b - p)] = s;
    }
  }
  return { factor, p, gram, cross, choleskyCache: new Map() };
}

const kept = (keep: readonly boolean[]) => keep.flatMap((on, j) => (on ? [j] : []));

/** R's rows restricted to the kept columns, and right-hand side `rhs`: the same problem as the design's rows, for the SVD route. */
function rowsOf(sys: FactorSystem, idx: readonly number[], rhs: number): { X: number[][]; y: number[] } {
  const n = sys.factor.cols;
  const r = sys.factor.r;
  const rows = Array.from({ length: sys.p }, (_, i) => i);
  return { X: rows.map((i) => idx.map((c) => r[i * n + c]!)), y: rows.map((i) => r[i * n + sys.p + rhs]!) };
}

/** In-place Cholesky factor (lower triangle) of a symmetric m × m matrix; false when a pivot is not positive. */
function cholesky(a: Float64Array, m: number): boolean {
  for (let j = 0; j < m; j++) {
    let d = a[j * m + j]!;
    for (let k = 0; k < j; k++) d -= a[j * m + k]! * a[j * m + k]!;
    if (!(d > 0)) return false;
    const l = Math.sqrt(d);
    a[j * m + j] = l;
    for (let i = j + 1; i < m; i++) {
      let s = a[i * m + j]!;
      for (let k = 0; k < j; k++) s -= a[i * m + k]! * a[j * m + k]!;
      a[i * m + j] = s / l;
    }
  }
  return true;
}

/** Solves L Lᵀ w = b for the lower-triangular L that cholesky left in `l`. */
function choleskySolve(l: Float64Array, b: Float64Array, m: number): number[] {
  const w = new Array<number>(m);
  for (let i = 0; i < m; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * m + k]! * w[k]!;
    w[i] = s / l[i * m + i]!;
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = w[i]!;
    for (let k = i + 1; k < m; k++) s -= l[k * m + i]! * w[k]!;
    w[i] = s / l[i * m + i]!;
  }
  return w;
}

/** The Cholesky factor of XᵀX + αI on the terms `idx`, or null when there is none (α = 0 and XᵀX singular there). */
function ridgeCholesky(sys: FactorSystem, idx: readonly number[], alpha: number): Float64Array | null {
  const key = `${alpha}:${idx.join(',')}`;
  const hit = sys.choleskyCache.get(key);
  if (hit !== undefined) return hit;
  const m = idx.length;
  const p = sys.p;
  const a = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) a[i * m + j] = sys.gram[idx[i]! * p + idx[j]!]!;
    a[i * m + i] = a[i * m + i]! + alpha;
  }
  const l = cholesky(a, m) ? a : null;
  sys.choleskyCache.set(key, l);
  return l;
}

/** min ‖X_K w − y‖² + α‖w‖² on the kept terms K, for right-hand side `rhs`. */
export function ridgeOnTerms(sys: FactorSystem, keep: readonly boolean[], rhs: number, alpha: number): number[] {
  const idx = kept(keep);
  const l = ridgeCholesky(sys, idx, alpha);
  if (l) {
    const q = sys.factor.cols - sys.p;
    return choleskySolve(
      l,
      Float64Array.from(idx, (t) => sys.cross[t * q + rhs]!),
      idx.length,
    );
  }
  // Without a penalty the Gram matrix may be singular; the SVD route handles that.
  const { X, y } = rowsOf(sys, idx, rhs);
  return ridge(X, y, alpha);
}

/**
 * Least squares on the kept terms for right-hand side `rhs`: Givens rotations
 * bring R's kept columns (a staircase: column c is zero below row idx[c]) back
 * to triangular form, then back-substitution. A rank-deficient or
 * underdetermined problem goes to the SVD route for its minimum-norm solution.
 */
export function leastSquaresOnTerms(sys: FactorSystem, keep: readonly boolean[], rhs: number): number[] {
  const idx = kept(keep);
  const m = idx.length;
  const { p } = sys;
  const n = sys.factor.cols;
  const r = sys.factor.r;
  const w1 = m + 1;
  // p rows (R's rows past p are zero in X's columns), m kept columns, then the right-hand side.
  const t = new Float64Array(p * w1);
  for (let i = 0; i < p; i++) {
    for (let c = 0; c < m; c++) t[i * w1 + c] = r[i * n + idx[c]!]!;
    t[i * w1 + m] = r[i * n + p + rhs]!;
  }
  for (let c = 0; c < m; c++) {
    for (let i = c + 1; i <= Math.min(idx[c]!, p - 1); i++) {
      const bv = t[i * w1 + c]!;
      if (bv === 0) continue;
      const av = t[c * w1 + c]!;
      const h = Math.sqrt(av * av + bv * bv);
      const cs = av / h;
      const sn = bv / h;
      for (let j = c; j < w1; j++) {
        const x = t[c * w1 + j]!;
        const y = t[i * w1 + j]!;
        t[c * w1 + j] = cs * x + sn * y;
        t[i * w1 + j] = cs * y - sn * x;
      }
    }
  }
  let big = 0;
  let small = Infinity;
  for (let c = 0; c < m; c++) {
    const d = Math.abs(t[c * w1 + c]!);
    big = Math.max(big, d);
    small = Math.min(small, d);
  }
  if (m > sys.factor.rows || m > p || !(small > m * Number.EPSILON * big)) {
    const { X, y } = rowsOf(sys, idx, rhs);
    return leastSquares(X, y);
  }
  const w = new Array<number>(m);
  for (let c = m - 1; c >= 0; c--) {
    let s = t[c * w1 + m]!;
    for (let k = c + 1; k < m; k++) s -= t[c * w1 + k]! * w[k]!;
    w[c] = s / t[c * w1 + c]!;
  }
  return w;
}

/** STLSQ's solver for right-hand side `rhs` of a factor system. */
export function factorSolver(sys: FactorSystem, rhs: number, ridgeAlpha: number): StlsqSolver {
  return {
    terms: sys.p,
    samples: sys.factor.rows,
    ridge: (keep) => ridgeOnTerms(sys, keep, rhs, ridgeAlpha),
    leastSquares: (keep) => leastSquaresOnTerms(sys, keep, rhs),
  };
}
