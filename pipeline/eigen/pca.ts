import type { Benchmarks26Row } from '../internals/ingest.ts';
import { symmetricEigen } from '../stats/eigen.ts';
import { correlationMatrix, covarianceMatrix, participationRatio } from '../stats/participation-ratio.ts';

export interface Pca {
  n: number;
  /** Eigenvalues of the correlation matrix (PCA of standardised scores), largest first. */
  corrValues: number[];
  corrExplained: number[];
  covValues: number[];
  covExplained: number[];
  loadings: number[][];
}

const shares = (v: number[]) => {
  const s = v.reduce((a, b) => a + b, 0);
  return v.map((x) => x / s);
};

export function pca(X: readonly (readonly number[])[]): Pca {
  const corr = symmetricEigen(correlationMatrix(X));
  const cov = symmetricEigen(covarianceMatrix(X)).values;
  return { n: X.length, corrValues: corr.values, corrExplained: shares(corr.values), covValues: cov, covExplained: shares(cov), loadings: corr.vectors };
}

/** The "frontier" subset of the 26-model file: models at or above the configured size. */
export function frontierSubset(rows: readonly Benchmarks26Row[], minParamsB: number): Benchmarks26Row[] {
  return rows.filter((r) => r.paramsB >= minParamsB);
}

export interface FrontierIfevalRow {
  model: string;
  swe: number;
  gpqa: number;
  ifeval: number;
}

export interface FrontierIfevalDeff {
  /** Where the scores come from, for notes. */
  source: string;
  models: string[];
  deffCov: number;
  deffCorr: number;
}

/** App. A.9: d_eff over SWE-bench Verified, GPQA Diamond and IFEval for the models that have IFEval. */
export function frontierIfevalDeff(rows: readonly FrontierIfevalRow[], source: string): FrontierIfevalDeff {
  const X = rows.map((r) => [r.swe, r.gpqa, r.ifeval]);
  return {
    source,
    models: rows.map((r) => r.model),
    deffCov: participationRatio(symmetricEigen(covarianceMatrix(X)).values),
    deffCorr: participationRatio(symmetricEigen(correlationMatrix(X)).values),
  };
}
