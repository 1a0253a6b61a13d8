import { BENCHMARKS, BENCHMARK_LABEL, type Config } from '../config.ts';
import { determinant, symmetricEigen } from '../stats/eigen.ts';
import { fitLine, type LineFit } from '../stats/ols.ts';
import { correlationMatrix, participationRatio } from '../stats/participation-ratio.ts';

/** A Pythia size with its five scores in BENCHMARKS order. */
export interface PythiaPoint {
  model: string;
  paramsB: number;
  scores: number[];
}

export interface CorrelationEigen {
  source: string;
  n: number;
  matrix: number[][];
  values: number[];
  /** vectors[i] = loadings of e(i+1) on BENCHMARKS, sign fixed so the HellaSwag loading is >= 0. */
  vectors: number[][];
  determinant: number;
  deff: number;
}

export interface TrendWindow {
  source: string;
  mode: Config['eigen']['trendWindows'][number];
  first: string;
  last: string;
  nModels: number;
  /** Largest size in the window, where the point is placed. */
  paramsB: number;
  lambda1: number;
  lambda2: number;
  lambda1x2: number;
  tqaLoadingE2: number;
  deff: number;
}

export interface TrendFit {
  source: string;
  mode: string;
  /** log10 λ2 = c + β log10 N (N in parameters). */
  lambda2: LineFit;
  /** λ1·λ2 = c + s log10 N; zero crossing 10^(−c/s) when s < 0. */
  det: LineFit;
  detZeroB: number | null;
}

const TQA = BENCHMARKS.indexOf('truthfulqa_mc2');

/** The five benchmarks with variant and shots, for table titles. */
export const FIVE_SCORES = BENCHMARKS.map((b) => BENCHMARK_LABEL[b]).join(', ');

export const PYTHIA_PANEL_SOURCE = 'as-published panel (8 Pythia models)';
export const PYTHIA_FIGURE_SOURCE = 'Fig. 2 script table (data/extracted/pythia-figure-table.csv)';

export function correlationEigen(source: string, points: readonly PythiaPoint[]): CorrelationEigen {
  const matrix = correlationMatrix(points.map((p) => p.scores));
  const e = symmetricEigen(matrix, BENCHMARKS.indexOf('hellaswag'));
  return { source, n: points.length, matrix, values: e.values, vectors: e.vectors, determinant: determinant(e.values), deff: participationRatio(e.values) };
}

/** Windows of consecutive sizes: cumulative from the smallest model, or sliding of fixed width. */
export function trendWindows(source: string, points: readonly PythiaPoint[], cfg: Config['eigen']): TrendWindow[] {
  const sorted = [...points].sort((a, b) => a.paramsB - b.paramsB);
  const out: TrendWindow[] = [];
  for (const mode of cfg.trendWindows) {
    const width = mode === 'cumulative' ? Infinity : cfg.trendSlidingSize;
    for (let end = 0; end < sorted.length; end++) {
      const start = Math.max(0, end + 1 - width);
      const win = sorted.slice(start, end + 1);
      if (win.length < Math.max(cfg.trendMinModels, mode === 'sliding' ? width : 0)) continue;
      const ce = correlationEigen(source, win);
      out.push({
        source,
        mode,
        first: win[0]!.model,
        last: win[win.length - 1]!.model,
        nModels: win.length,
        paramsB: win[win.length - 1]!.paramsB,
        lambda1: ce.values[0]!,
        lambda2: ce.values[1]!,
        lambda1x2: ce.values[0]! * ce.values[1]!,
        tqaLoadingE2: ce.vectors[1]![TQA]!,
        deff: ce.deff,
      });
    }
  }
  return out;
}

export function trendFit(windows: readonly TrendWindow[]): TrendFit {
  const logN = windows.map((w) => Math.log10(w.paramsB * 1e9));
  const lambda2 = fitLine(
    logN,
    windows.map((w) => Math.log10(w.lambda2)),
  );
  const det = fitLine(
    logN,
    windows.map((w) => w.lambda1x2),
  );
  const detZeroB = det.slope < 0 ? 10 ** (-det.intercept / det.slope) / 1e9 : null;
  return { source: windows[0]?.source ?? '', mode: windows[0]?.mode ?? '', lambda2, det, detZeroB };
}

/** OLS slope of each benchmark on log10 N: points gained per decade of parameters. */
export function gainRates(points: readonly PythiaPoint[]): LineFit[] {
  const logN = points.map((p) => Math.log10(p.paramsB * 1e9));
  return BENCHMARKS.map((_, j) =>
    fitLine(
      logN,
      points.map((p) => p.scores[j]!),
    ),
  );
}
