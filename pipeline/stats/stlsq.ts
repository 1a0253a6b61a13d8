import { Matrix, SingularValueDecomposition, pseudoInverse } from 'ml-matrix';

export interface StlsqOptions {
  /** Hard threshold λ: a coefficient with |c| < λ is pruned. */
  threshold: number;
  /** Ridge penalty α of the start and of every refit inside the loop (PySINDy's `alpha`). */
  ridgeAlpha: number;
  maxIterations: number;
}

export interface StlsqFit {
  coef: number[];
  support: boolean[];
  /** Thresholding passes run after the ridge start. */
  iterations: number;
  /** The support stopped changing before maxIterations. */
  converged: boolean;
  /** Every term was pruned: the fitted right-hand side is identically zero. */
  allPruned: boolean;
  /** The final support has more terms than samples, so the refit is the minimum-norm solution. */
  underdetermined: boolean;
  warnings: string[];
}

/**
 * min ||y − Xw||² + α||w||² for each right-hand side y, through one SVD
 * X = U S Vᵀ: w = V diag(s / (s² + α)) Uᵀ y. Stable for wide or rank-deficient
 * X, where the normal equations are numerically singular.
 */
export function ridgeMany(X: readonly (readonly number[])[], ys: readonly (readonly number[])[], alpha: number): number[][] {
  const svd = new SingularValueDecomposition(new Matrix(X as number[][]), { autoTranspose: true });
  const Ut = svd.leftSingularVectors.transpose();
  const V = svd.rightSingularVectors;
  const s = svd.diagonal;
  return ys.map((y) => {
    const uty = Ut.mmul(Matrix.columnVector(y as number[])).to1DArray();
    const z = s.map((si, k) => (si > 0 ? (si * uty[k]!) / (si * si + alpha) : 0));
    return V.mmul(Matrix.columnVector(z)).to1DArray();
  });
}

export function ridge(X: readonly (readonly number[])[], y: readonly number[], alpha: number): number[] {
  return ridgeMany(X, [y], alpha)[0]!;
}

/** Ordinary least squares; the minimum-norm solution when there are more columns than rows. */
export function leastSquares(X: readonly (readonly number[])[], y: readonly number[]): number[] {
  return pseudoInverse(new Matrix(X as number[][]))
    .mmul(Matrix.columnVector(y as number[]))
    .to1DArray();
}

const columns = (X: readonly (readonly number[])[], keep: readonly boolean[]) => X.map((row) => row.filter((_, j) => keep[j]));

function scatter(values: readonly number[], keep: readonly boolean[]): number[] {
  let k = 0;
  return keep.map((on) => (on ? values[k++]! : 0));
}

/**
 * The two solves STLSQ makes on a subset of its terms, and what it needs to
 * know about the problem. `keep` marks the terms in use; both return one
 * coefficient per kept term.
 */
export interface StlsqSolver {
  terms: number;
  samples: number;
  ridge(keep: readonly boolean[]): number[];
  /** Least squares on the kept terms; the minimum-norm solution when it is not unique. */
  leastSquares(keep: readonly boolean[]): number[];
}

/** The solver on design rows X and right-hand side y. */
export function rowSolver(X: readonly (readonly number[])[], y: readonly number[], ridgeAlpha: number): StlsqSolver {
  return {
    terms: X[0]?.length ?? 0,
    samples: y.length,
    ridge: (keep) => ridge(columns(X, keep), y, ridgeAlpha),
    leastSquares: (keep) => leastSquares(columns(X, keep), y),
  };
}

/**
 * Sequentially thresholded least squares in PySINDy's form: a ridge start on
 * every term, then repeated hard thresholding at λ with a ridge refit on the
 * surviving terms until the support stops changing, then an unbiased
 * least-squares refit on the final support. `start` may pass the ridge start
 * when it was computed for several right-hand sides at once.
 */
export function stlsq(X: readonly (readonly number[])[], y: readonly number[], opts: StlsqOptions, start?: readonly number[]): StlsqFit {
  return stlsqWith(rowSolver(X, y, opts.ridgeAlpha), opts, start ? start.slice() : ridge(X, y, opts.ridgeAlpha));
}

/** STLSQ from a ridge start on every term, with the solves left to `solver` (rows, or a triangular factor of them). */
export function stlsqWith(solver: StlsqSolver, opts: StlsqOptions, start: number[]): StlsqFit {
  const p = solver.terms;
  const warnings: string[] = [];
  let coef = start;
  let support = coef.map((c) => Math.abs(c) >= opts.threshold);
  let iterations = 0;
  let converged = false;
  while (iterations < opts.maxIterations && support.some(Boolean)) {
    iterations++;
    coef = scatter(solver.ridge(support), support);
    const next = support.map((on, j) => on && Math.abs(coef[j]!) >= opts.threshold);
    if (next.every((on, j) => on === support[j])) {
      converged = true;
      break;
    }
    support = next;
  }
  const size = support.filter(Boolean).length;
  const allPruned = size === 0;
  if (allPruned) {
    warnings.push(`every term pruned at λ = ${opts.threshold}: the fitted right-hand side is identically zero`);
    return { coef: new Array<number>(p).fill(0), support, iterations, converged: true, allPruned, underdetermined: false, warnings };
  }
  if (!converged) warnings.push(`support still changing after ${opts.maxIterations} iterations`);
  const underdetermined = size > solver.samples;
  if (underdetermined) warnings.push(`${size} terms on ${solver.samples} samples: refit is the minimum-norm solution, not unique`);
  coef = scatter(solver.leastSquares(support), support);
  return { coef, support, iterations, converged, allPruned, underdetermined, warnings };
}
