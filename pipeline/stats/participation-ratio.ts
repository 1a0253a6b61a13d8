/** d_eff = (Σλ)² / Σλ²: equals k for k equal eigenvalues and 1 when one eigenvalue carries everything. */
export function participationRatio(eigenvalues: readonly number[]): number {
  let s = 0;
  let s2 = 0;
  for (const v of eigenvalues) {
    s += v;
    s2 += v * v;
  }
  return s2 === 0 ? NaN : (s * s) / s2;
}

/** Covariance matrix of the columns of X (rows = observations), with `ddof` removed from n. */
export function covarianceMatrix(X: readonly (readonly number[])[], ddof = 1): number[][] {
  const n = X.length;
  const k = X[0]?.length ?? 0;
  // Column means summed in row order, as describe.ts's mean does: bootstraps call this on thousands of rows.
  const mu = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let r = 0; r < n; r++) s += X[r]![j]!;
    mu[j] = n === 0 ? NaN : s / n;
  }
  const C = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const d = n - ddof;
  for (const r of X) {
    for (let i = 0; i < k; i++) {
      const di = r[i]! - mu[i]!;
      for (let j = i; j < k; j++) C[i]![j]! += (di * (r[j]! - mu[j]!)) / d;
    }
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) C[i]![j] = C[j]![i]!;
  return C;
}

/** Pearson correlation matrix of the columns of X; a constant column gives NaN entries. */
export function correlationMatrix(X: readonly (readonly number[])[]): number[][] {
  const C = covarianceMatrix(X, 1);
  const sd = C.map((r, i) => Math.sqrt(r[i]!));
  return C.map((r, i) => r.map((v, j) => v / (sd[i]! * sd[j]!)));
}
