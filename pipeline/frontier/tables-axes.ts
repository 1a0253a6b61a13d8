import type { FrontierAnalysis } from './analysis.ts';
import { cascadeEvidence } from './cascade.ts';
import { f } from './claims-panel.ts';
import type { Eigenstructure } from './matrix.ts';
import type { FrontierConfig } from './regression.ts';
import { BENCH_LABEL } from './tables-panel.ts';
import type { FrontierData } from './ingest.ts';
import { makeTable } from '../table.ts';
import type { Cell, Table } from '../types.ts';

function matrixTables(a: FrontierAnalysis, cfg: FrontierConfig): Table[] {
  const pop = cfg.matrixPopulation === 'frozen' ? 'frozen panel' : 'every row';
  const pairs = makeTable(
    'B-tab2-coupling-matrix',
    `Paper B Table 2: pairwise Pearson r between frontier benchmarks (${pop}, pairwise complete)`,
    [
      ['benchmark_1', 'benchmark 1'],
      ['benchmark_2', 'benchmark 2'],
      ['n', 'models with both scores'],
      ['r', 'Pearson r'],
      ['p', 'two-sided p (t test)'],
    ],
    a.pairs.map((p) => ({ benchmark_1: BENCH_LABEL[p.a]!, benchmark_2: BENCH_LABEL[p.b]!, n: p.n, r: p.r, p: p.p })),
    [
      'An entry with fewer than 3 models is missing: no HLE scores are released, and IFEval exists for 4 models only. The paper printed r values are not inputs here.',
    ],
    ['benchmark_1', 'benchmark_2'],
  );
  const eig = (e: Eigenstructure, matrix: string): Record<string, Cell>[] =>
    e.eigenvalues.map((l, i) => ({ matrix, axes: e.axes.map((x) => BENCH_LABEL[x] ?? x).join(' × '), index: i + 1, eigenvalue: l, psd: e.psd, deff: e.deff }));
  const rows = [
    ...(a.matrix ? eig(a.matrix, `correlation, computed (largest complete block, ${pop})`) : []),
    ...(a.deff.panel ? eig(a.deff.panel, `covariance, panel scores (n = ${a.deff.n})`) : []),
    ...(a.deff.script ? eig(a.deff.script, "covariance, authors' Nc3 script scores") : []),
    ...(a.printedMatrix ? eig(a.printedMatrix, "correlation, the paper's printed Table 2 r values (arithmetic check only)") : []),
  ];
  const eigen = makeTable(
    'B-tab2-coupling-matrix-eigenvalues',
    'Paper B Table 2 and Paper A App. A.9: eigenvalues of the frontier coupling matrices',
    [
      ['matrix', 'matrix'],
      ['axes', 'axes'],
      ['index', 'eigenvalue index (descending)'],
      ['eigenvalue', 'eigenvalue'],
      ['psd', 'positive semidefinite'],
      ['deff', 'd_eff = (Σλ)²/Σλ²'],
    ],
    rows,
    [
      'A pairwise-assembled correlation matrix need not be positive semidefinite; psd = false flags a negative eigenvalue.',
      "The last block is assembled from the paper's printed r values, read from data/claims.csv at run time, to check the paper's own arithmetic; it is no input to any computed number.",
    ],
    ['matrix', 'index'],
  );
  return [pairs, eigen];
}

function saturationTable(a: FrontierAnalysis): Table {
  return makeTable(
    'B-s5-saturation',
    'Paper B Sec. 5.1 and 6, Fig. 4: top-k spreads and saturation ratio σ = spread(old)/spread(new)',
    [
      ['population', 'population'],
      ['old', 'old axis'],
      ['new', 'new axis'],
      ['ranked_by', 'top-k ranked by (descending, ties by name)'],
      ['k', 'k'],
      ['models', 'the k models'],
      ['spread_old', 'old-axis spread max − min (pp)'],
      ['spread_new', 'new-axis spread max − min (pp)'],
      ['sigma', 'σ = spread(old)/spread(new)'],
    ],
    a.saturation.map((s) => ({
      population: s.population,
      old: BENCH_LABEL[s.old]!,
      new: BENCH_LABEL[s.next]!,
      ranked_by: BENCH_LABEL[s.rankedBy]!,
      k: s.k,
      models: s.models.join('; '),
      spread_old: s.spreadOld,
      spread_new: s.spreadNew,
      sigma: s.sigma,
    })),
    ['Only models with both axes are ranked. No HLE scores are released, so every GPQA/HLE row is empty.'],
    ['population', 'old', 'ranked_by'],
  );
}

function predictionTable(a: FrontierAnalysis): Table {
  return makeTable(
    'B-s6-predictions',
    'Paper B Sec. 6.1: the seven falsifiable predictions evaluated on the current panel',
    [
      ['id', 'prediction'],
      ['name', 'name'],
      ['deadline', 'deadline'],
      ['as_of', 'as of (newest release date in the panel)'],
      ['status', 'status'],
      ['values', 'current values'],
      ['pass_if', 'pass if'],
      ['fail_if', 'fail if'],
      ['reason', 'why'],
      ['detail', 'rows behind the values'],
    ],
    a.predictions.map((e) => ({
      id: e.rule.id,
      name: e.rule.name,
      deadline: e.rule.deadline || e.rule.deadlineText,
      as_of: e.asOf,
      status: e.status,
      values: e.variables.map((v) => `${v.variable} = ${f(v.value, 4)}`).join('; '),
      pass_if: e.rule.raw.pass_if,
      fail_if: e.rule.raw.fail_if,
      reason: e.reason,
      detail: e.variables.map((v) => `${v.variable}: ${v.detail}`).join(' | '),
    })),
    [
      'Rules and variables are data (data/frontier/predictions.csv, prediction_quantities.csv); adding a model row changes these statuses on the next run.',
      'The evaluation date is the newest release date in data/frontier/models.csv, never the day of the run.',
    ],
    ['id'],
  );
}

function cascadeTable(a: FrontierAnalysis, data: FrontierData, cfg: FrontierConfig): Table {
  return makeTable(
    'B-fig2-cascade',
    'Paper B Fig. 2 and Sec. 5: the Nc1-Nc4 cascade and the evidence behind each entry',
    [
      ['stage', 'stage'],
      ['item', 'item'],
      ['scale', 'scale as the paper writes it (text)'],
      ['event', 'claimed event'],
      ['evidence_kind', 'evidence kind'],
      ['evidence_data', 'evidence files'],
      ['project', 'what this project computes or re-reads'],
      ['source', 'source'],
    ],
    data.cascade.map((e) => ({
      stage: e.stage,
      item: e.item,
      scale: e.scaleText,
      event: e.event,
      evidence_kind: e.evidenceKind,
      evidence_data: e.evidenceData,
      project: cascadeEvidence(e, a, data, cfg),
      source: e.source,
    })),
    [
      'computed: recomputable from released scores; released-measurement: released internal or score data, re-read not regenerated; statement-without-data: nothing released behind it.',
    ],
    ['stage', 'item'],
  );
}

function nc2Table(a: FrontierAnalysis): Table {
  return makeTable(
    'B-fig3-nc2-internal-coupling',
    'Paper B Fig. 3 and Sec. 5.2: released net internal coupling of the OPT and Llama-2 families (re-plotted, not recomputed)',
    [
      ['model', 'model'],
      ['family', 'family'],
      ['params_b', 'parameters (B)'],
      ['analysis', 'analysis'],
      ['net_coupling', 'net internal coupling (cosine)'],
      ['cooperative_pct', 'cooperative units (%)'],
      ['competing_count', 'competing units (count)'],
      ['source', 'source'],
    ],
    a.nc2.map((r) => ({
      model: r.model,
      family: r.family,
      params_b: r.paramsB,
      analysis: r.analysis,
      net_coupling: r.netCoupling,
      cooperative_pct: r.cooperativePct,
      competing_count: r.competingCount,
      source: r.source,
    })),
    ['tl_layer (TransformerLens heads), internal_summary and nc2_units are different analyses; values are comparable within an analysis only.'],
    ['model', 'analysis'],
  );
}

export function axesTables(a: FrontierAnalysis, data: FrontierData, cfg: FrontierConfig): Table[] {
  return [...matrixTables(a, cfg), saturationTable(a), predictionTable(a), cascadeTable(a, data, cfg), nc2Table(a)];
}
