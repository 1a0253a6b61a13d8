import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { FrontierBenchmark, FrontierModel } from './ingest.ts';
import { pearson, pearsonP } from '../stats/pearson.ts';

export interface PairR {
  a: FrontierBenchmark;
  b: FrontierBenchmark;
  n: number;
  /** Null when fewer than 3 models have both scores: no r with a p-value exists. */
  r: number | null;
  p: number | null;
}

/** Pairwise-complete Pearson r for every benchmark pair. */
export function pairwise(models: readonly FrontierModel[], benchmarks: readonly FrontierBenchmark[]): PairR[] {
  const out: PairR[] = [];
  for (let i = 0; i < benchmarks.length; i++) {
    for (let j = i + 1; j < benchmarks.length; j++) {
      const a = benchmarks[i]!;
      const b = benchmarks[j]!;
      const both = models.filter((m) => m.scores[a] !== null && m.scores[b] !== null);
      const r =
        both.length >= 3
          ? pearson(
              both.map((m) => m.scores[a]!),
              both.map((m) => m.scores[b]!),
            )
          : NaN;
      out.push({ a, b, n: both.length, r: Number.isFinite(r) ? r : null, p: Number.isFinite(r) ? pearsonP(r, both.length) : null });
    }
  }
  return out;
}

export interface Eigenstructure {
  label: string;
  axes: string[];
  matrix: number[][];
  /** Descending. */
  eigenvalues: number[];
  /** A correlation matrix assembled pairwise need not be positive semidefinite. */
  psd: boolean;
  /** Participation ratio (Σλ)²/Σλ². */
  deff: number;
}

export function eigenstructure(label: string, axes: string[], matrix: number[][]): Eigenstructure {
  const evd = new EigenvalueDecomposition(new Matrix(matrix), { assumeSymmetric: true });
  const eigenvalues = [...evd.realEigenvalues].sort((x, y) => y - x);
  const sum = eigenvalues.reduce((s, l) => s + l, 0);
  const sumSq = eigenvalues.reduce((s, l) => s + l * l, 0);
  // Tolerance relative to the matrix scale absorbs rounding in a matrix that is PSD in exact arithmetic.
  const tol = 1e-12 * Math.max(1, ...eigenvalues.map(Math.abs));
  return { label, axes, matrix, eigenvalues, psd: eigenvalues.every((l) => l >= -tol), deff: (sum * sum) / sumSq };
}

/** The largest set of benchmarks whose pairs all have an r (earlier benchmarks win ties), so a matrix can be assembled. */
export function completeBlock(pairs: readonly PairR[], benchmarks: readonly FrontierBenchmark[]): FrontierBenchmark[] {
  const has = (a: FrontierBenchmark, b: FrontierBenchmark) => pairs.some((p) => ((p.a === a && p.b === b) || (p.a === b && p.b === a)) && p.r !== null);
  for (let size = benchmarks.length; size >= 2; size--) {
    for (const subset of combinations(benchmarks, size)) {
      if (subset.every((a, i) => subset.slice(i + 1).every((b) => has(a, b)))) return subset;
    }
  }
  return [];
}

function combinations<T>(xs: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (xs.length < k) return [];
  const [head, ...rest] = xs;
  return [...combinations(rest, k - 1).map((c) => [head!, ...c]), ...combinations(rest, k)];
}

export function correlationMatrix(pairs: readonly PairR[], axes: readonly FrontierBenchmark[]): number[][] {
  return axes.map((a) => axes.map((b) => (a === b ? 1 : pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a))!.r!)));
}

/** Sample covariance (n − 1) of the columns of `rows`. */
export function covariance(rows: readonly number[][]): number[][] {
  const n = rows.length;
  const k = rows[0]?.length ?? 0;
  const means = Array.from({ length: k }, (_, j) => rows.reduce((s, r) => s + r[j]!, 0) / n);
  return Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => rows.reduce((s, r) => s + (r[i]! - means[i]!) * (r[j]! - means[j]!), 0) / (n - 1)),
  );
}
