/**
 * The triangular factor R of a row set A (AᵀA = RᵀR), updated one row at a time
 * by Givens rotations. It is the sufficient statistic of least squares in the
 * numerically stable form: unlike the Gram matrix AᵀA it never squares A's
 * condition number, so least-squares fits made from it are as accurate as
 * fits made from A's rows.
 */
export interface TriangularFactor {
  /** Columns of A. */
  readonly cols: number;
  /** Rows of A absorbed so far. */
  rows: number;
  /** R, cols × cols, row-major; zero below the diagonal (and in rows past `rows`). */
  readonly r: Float64Array;
}

export function emptyFactor(cols: number): TriangularFactor {
  return { cols, rows: 0, r: new Float64Array(cols * cols) };
}

export function copyFactor(f: TriangularFactor): TriangularFactor {
  return { cols: f.cols, rows: f.rows, r: f.r.slice() };
}

/**
 * Rotates row `row` (entries before `from` are zero) into R, in place. `row`
 * is used as scratch and ends as zeros: what it carried now lives in R.
 */
function rotateIn(r: Float64Array, n: number, row: Float64Array, from: number): void {
  for (let k = from; k < n; k++) {
    const b = row[k]!;
    if (b === 0) continue;
    const kk = k * n + k;
    const a = r[kk]!;
    const h = Math.sqrt(a * a + b * b);
    const c = a / h;
    const s = b / h;
    r[kk] = h;
    row[k] = 0;
    for (let j = k + 1; j < n; j++) {
      const rj = r[k * n + j]!;
      const bj = row[j]!;
      r[k * n + j] = c * rj + s * bj;
      row[j] = c * bj - s * rj;
    }
  }
}

/** Adds one row of A. */
export function absorbRow(f: TriangularFactor, values: ArrayLike<number>, scratch = new Float64Array(f.cols)): void {
  if (values.length !== f.cols) throw new Error(`row has ${values.length} entries, factor has ${f.cols} columns`);
  for (let j = 0; j < f.cols; j++) scratch[j] = values[j]!;
  rotateIn(f.r, f.cols, scratch, 0);
  f.rows++;
}

/** Adds every row `other` stands for: afterwards `into` is the factor of both row sets stacked. */
export function absorbFactor(into: TriangularFactor, other: TriangularFactor, scratch = new Float64Array(into.cols)): void {
  const n = into.cols;
  if (other.cols !== n) throw new Error(`factors have ${n} and ${other.cols} columns`);
  for (let i = 0; i < n; i++) {
    // Row i of an upper-triangular R is zero before column i, so its rotations start there.
    for (let j = 0; j < n; j++) scratch[j] = j < i ? 0 : other.r[i * n + j]!;
    rotateIn(into.r, n, scratch, i);
  }
  into.rows += other.rows;
}
