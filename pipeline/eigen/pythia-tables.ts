import { printedTolerance } from '../claims.ts';
import { BENCHMARKS, BENCHMARK_LABEL, BENCHMARK_SHORT, type Benchmark } from '../config.ts';
import type { EigenCore } from './types.ts';
import { FIVE_SCORES } from './pythia.ts';
import type { CouplingContext } from '../stage-context.ts';
import { makeTable } from '../table.ts';
import type { Table } from '../types.ts';

/** Stored benchmark keys of the authors' ai_free_energy_data.json. */
const STORED_KEY: Record<Benchmark, string> = { hellaswag: 'hellaswag', truthfulqa_mc2: 'truthfulqa', arc: 'arc', winogrande: 'winogrande', mmlu: 'mmlu' };

/** Does a value round to the authors' stored printed number? */
export const withinPrinted = (value: number, printed: string | undefined) =>
  printed !== undefined && printed !== '' && Math.abs(value - Number(printed)) <= printedTolerance(printed) * (1 + 1e-9);

function storedLookup(ctx: CouplingContext) {
  const rows = ctx.data.internals.authors.aiFreeEnergy;
  return (quantity: string, key1 = '', key2 = '') => rows.find((r) => r.quantity === quantity && r.key1 === key1 && r.key2 === key2)?.value;
}

export function pythiaTables(e: EigenCore, ctx: CouplingContext): Table[] {
  const stored = storedLookup(ctx);
  const matrixRows = e.pythia.flatMap((p) =>
    BENCHMARKS.flatMap((a, i) =>
      BENCHMARKS.map((b, j) => {
        const s = stored('correlation', STORED_KEY[a], STORED_KEY[b]);
        return {
          source: p.source,
          row: BENCHMARK_SHORT[a],
          col: BENCHMARK_SHORT[b],
          r: p.matrix[i]![j]!,
          stored: s === undefined ? null : Number(s),
          matches: withinPrinted(p.matrix[i]![j]!, s),
        };
      }),
    ),
  );
  const eigRows = e.pythia.flatMap((p) =>
    p.values.map((v, k) => {
      const s = stored('eigenvalue', String(k + 1));
      return {
        source: p.source,
        component: `e${k + 1}`,
        eigenvalue: v,
        stored: s === undefined ? null : Number(s),
        matches: withinPrinted(v, s),
        ...Object.fromEntries(BENCHMARKS.map((b, j) => [`load_${b}`, p.vectors[k]![j]!])),
      };
    }),
  );
  const det = stored('determinant');
  const summaryRows = e.pythia.map((p) => ({
    source: p.source,
    n: p.n,
    determinant: p.determinant,
    stored_det: det === undefined ? null : Number(det),
    det_matches: withinPrinted(p.determinant, det),
    deff: p.deff,
    r_matches: matrixRows.filter((r) => r.source === p.source).every((r) => r.matches),
  }));
  const gainRows = e.gains.map((g) => {
    const s = stored('gain_rate_pts_per_decade', STORED_KEY[g.benchmark as Benchmark]);
    return {
      source: g.source,
      benchmark: BENCHMARK_LABEL[g.benchmark as Benchmark],
      slope: g.fit.slope,
      se: g.fit.slopeSe,
      r2: g.fit.r2,
      stored: s === undefined ? null : Number(s),
      matches: withinPrinted(g.fit.slope, s),
    };
  });
  const crossNote =
    'stored = the authors’ data/ai_free_energy_data.json measured_results (data/internals/authors_computed_ai_free_energy.csv), read for this cross-check only; "matches" = rounds to the stored printed digits.';
  return [
    makeTable(
      'A-appA9-pythia-correlation-matrix',
      `Pythia 5×5 correlation matrix of ${FIVE_SCORES}`,
      [
        ['source', 'score source'],
        ['row', 'benchmark (row)'],
        ['col', 'benchmark (column)'],
        ['r', 'Pearson r'],
        ['stored', 'authors’ stored r'],
        ['matches', 'rounds to stored'],
      ],
      matrixRows,
      [crossNote],
      ['source', 'row', 'col'],
    ),
    makeTable(
      'A-appA9-pythia-eigen',
      'Eigenvalues and loadings of the Pythia correlation matrix',
      [
        ['source', 'score source'],
        ['component', 'component'],
        ['eigenvalue', 'eigenvalue'],
        ['stored', 'authors’ stored eigenvalue'],
        ['matches', 'rounds to stored'],
        ...BENCHMARKS.map((b) => [`load_${b}`, `loading on ${BENCHMARK_LABEL[b]}`] as [string, string]),
      ],
      eigRows,
      ['Eigenvector signs are fixed so that the HellaSwag loading is >= 0.', crossNote],
      ['source', 'component'],
    ),
    makeTable(
      'A-appA9-pythia-summary',
      'Determinant and d_eff of the Pythia correlation matrix, per score source',
      [
        ['source', 'score source'],
        ['n', 'models'],
        ['determinant', 'determinant'],
        ['stored_det', 'authors’ stored determinant'],
        ['det_matches', 'determinant rounds to stored'],
        ['deff', 'd_eff (correlation)'],
        ['r_matches', 'every r rounds to stored'],
      ],
      summaryRows,
      [crossNote],
      ['source'],
    ),
    makeTable(
      'A-s1-gain-rates',
      'Pythia gain rates: OLS slope of score on log10 N (percentage points per decade of parameters)',
      [
        ['source', 'score source'],
        ['benchmark', 'benchmark'],
        ['slope', 'gain rate (pp per decade)'],
        ['se', 'standard error (pp per decade)'],
        ['r2', 'R²'],
        ['stored', 'authors’ stored gain rate'],
        ['matches', 'rounds to stored'],
      ],
      gainRows,
      [crossNote],
      ['source', 'benchmark'],
    ),
  ];
}

export function trendTables(e: EigenCore, ctx: CouplingContext): Table[] {
  const windows = e.trend.map((w) => ({
    source: w.source,
    mode: w.mode,
    first: w.first,
    last: w.last,
    n: w.nModels,
    params_b: w.paramsB,
    lambda1: w.lambda1,
    lambda2: w.lambda2,
    l1l2: w.lambda1x2,
    tqa_e2: w.tqaLoadingE2,
    deff: w.deff,
  }));
  const fits = e.trendFits.map((f) => ({
    source: f.source,
    mode: f.mode,
    beta: f.lambda2.slope,
    beta_se: f.lambda2.slopeSe,
    r2: f.lambda2.r2,
    det_slope: f.det.slope,
    det_r2: f.det.r2,
    det_zero_b: f.detZeroB,
  }));
  return [
    makeTable(
      'A-appA9-eigen-trend',
      `Pythia eigenvalue trend: correlation-matrix eigenstructure of ${FIVE_SCORES} on windows of consecutive sizes`,
      [
        ['source', 'score source'],
        ['mode', 'window'],
        ['first', 'first model'],
        ['last', 'last model'],
        ['n', 'models'],
        ['params_b', 'N of last model (B params)'],
        ['lambda1', 'λ1'],
        ['lambda2', 'λ2'],
        ['l1l2', 'λ1·λ2'],
        ['tqa_e2', 'TQA (MC2) loading of e2 (HS loading >= 0)'],
        ['deff', 'd_eff (correlation)'],
      ],
      windows,
      [
        `cumulative = all sizes up to the last model (at least ${ctx.config.eigen.trendMinModels}); sliding = ${ctx.config.eigen.trendSlidingSize} consecutive sizes. The paper's figure values were typed into its script, so this is a recomputation, not a re-plot.`,
      ],
      ['source', 'mode', 'last'],
    ),
    makeTable(
      'A-appA9-eigen-trend-fit',
      'λ2 ~ N^β and the det(H) = λ1·λ2 → 0 extrapolation, per window type',
      [
        ['source', 'score source'],
        ['mode', 'window'],
        ['beta', 'β (log10 λ2 on log10 N)'],
        ['beta_se', 'SE of β'],
        ['r2', 'R² of the λ2 fit'],
        ['det_slope', 'slope of λ1·λ2 per decade of N'],
        ['det_r2', 'R² of the λ1·λ2 fit'],
        ['det_zero_b', 'N where the λ1·λ2 line reaches 0 (B params)'],
      ],
      fits,
      ['λ1·λ2 is fitted linearly in log10 N (a power law never reaches zero); no zero crossing when the slope is >= 0.'],
      ['source', 'mode'],
    ),
  ];
}
