import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

export interface SymmetricEigen {
  /** Eigenvalues, largest first. */
  values: number[];
  /** vectors[i] is the unit eigenvector of values[i]; its sign is fixed by `signOf` (see below). */
  vectors: number[][];
}

/**
 * Eigendecomposition of a symmetric matrix, sorted by decreasing eigenvalue.
 * An eigenvector's sign is arbitrary; we make component `signIndex` non-negative
 * (ties at zero fall back to the largest-magnitude component) so results are reproducible.
 */
export function symmetricEigen(m: readonly (readonly number[])[], signIndex = 0): SymmetricEigen {
  const evd = new EigenvalueDecomposition(new Matrix(m.map((r) => [...r])), { assumeSymmetric: true });
  const raw = evd.realEigenvalues;
  const order = raw.map((_, i) => i).sort((a, b) => raw[b]! - raw[a]! || a - b);
  const vectors = order.map((i) => orient(evd.eigenvectorMatrix.getColumn(i), signIndex));
  return { values: order.map((i) => raw[i]!), vectors };
}

function orient(v: number[], signIndex: number): number[] {
  let pivot = v[signIndex] ?? 0;
  if (Math.abs(pivot) < 1e-12) pivot = v.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
  return pivot < 0 ? v.map((x) => -x) : v;
}

export function determinant(values: readonly number[]): number {
  return values.reduce((p, v) => p * v, 1);
}
