import type { ClaimRow } from '../ingest.ts';
import { FRONTIER_BENCHMARKS, type FrontierBenchmark, type FrontierData, type FrontierModel } from './ingest.ts';
import type { InternalRun } from './ingest-released.ts';
import { labSummaries, leaveOneLabOut, perLabFits, trajectories, type LabFit, type LabSummary, type LoloResult, type TrajectoryPoint } from './labs.ts';
import { completeBlock, correlationMatrix, covariance, eigenstructure, pairwise, type Eigenstructure, type PairR } from './matrix.ts';
import { asOfDate, evaluatePredictions, type PredictionEvaluation } from './predictions.ts';
import { fitPanel, hasAxes, isFrozen, lineSamples, panelRows, subsetFits, type FrontierConfig, type PanelRow, type SubsetFit } from './regression.ts';
import { saturationTable, type SaturationRow } from './saturation.ts';
import type { LineFit } from '../stats/ols.ts';

export interface TrajectoryStep {
  from: PanelRow | null;
  to: PanelRow | null;
  names: [string, string];
  dh: number | null;
}

export interface FrontierAnalysis {
  asOf: string;
  models: FrontierModel[];
  frozen: FrontierModel[];
  fit: LineFit;
  refit: LineFit;
  subsets: SubsetFit[];
  rows: PanelRow[];
  line: { swe: number; gpqa: number; low: number; high: number }[];
  labs: LabSummary[];
  labFits: LabFit[];
  lolo: LoloResult;
  trajectories: Map<string, TrajectoryPoint[]>;
  steps: TrajectoryStep[];
  saturation: SaturationRow[];
  pairs: PairR[];
  /** Eigenstructure of the largest block of the pairwise matrix with every entry present. */
  matrix: Eigenstructure | null;
  /** The same for the matrix assembled from the paper's printed Table 2 r values (an arithmetic check). */
  printedMatrix: Eigenstructure | null;
  /** Covariance PCA over SWE, GPQA and IFEval, with panel scores and with the authors' script scores. */
  deff: { panel: Eigenstructure | null; script: Eigenstructure | null; n: number };
  predictions: PredictionEvaluation[];
  nc2: InternalRun[];
}

const SHORT: Record<string, FrontierBenchmark> = { swe: 'swe_verified', gpqa: 'gpqa_diamond', hle: 'hle', ifeval: 'ifeval' };

/** Table 2's printed r values, read from the claims file at run time: only to check the paper's own eigen-arithmetic. */
function printedTable2(claims: readonly ClaimRow[]): Eigenstructure | null {
  const pairs: PairR[] = [];
  for (const c of claims) {
    const m = /^B\.tab2\.r_([a-z]+)_([a-z]+)$/.exec(c.id);
    const a = m ? SHORT[m[1]!] : undefined;
    const b = m ? SHORT[m[2]!] : undefined;
    if (a && b && c.value !== '') pairs.push({ a, b, n: NaN, r: Number(c.value), p: null });
  }
  const axes = FRONTIER_BENCHMARKS.filter((b) => pairs.some((p) => p.a === b || p.b === b));
  const block = completeBlock(pairs, axes);
  return block.length >= 2 ? eigenstructure("paper's printed Table 2 r values", block, correlationMatrix(pairs, block)) : null;
}

function deffOf(label: string, rows: number[][]): Eigenstructure | null {
  return rows.length >= 3 ? eigenstructure(label, ['swe_verified', 'gpqa_diamond', 'ifeval'], covariance(rows)) : null;
}

export function analyseFrontier(data: FrontierData, claims: readonly ClaimRow[], cfg: FrontierConfig): FrontierAnalysis {
  const models = data.models;
  const frozen = models.filter((m) => isFrozen(m, cfg) && hasAxes(m));
  const fit = fitPanel(frozen);
  const refit = fitPanel(models);
  const rows = panelRows(models, fit, refit, cfg);
  const byName = new Map(rows.map((r) => [r.model.model, r]));
  const matrixModels = cfg.matrixPopulation === 'frozen' ? models.filter((m) => isFrozen(m, cfg)) : models;
  const pairs = pairwise(matrixModels, FRONTIER_BENCHMARKS);
  const block = completeBlock(pairs, FRONTIER_BENCHMARKS);
  const triple = models.filter((m) => m.scores.swe_verified !== null && m.scores.gpqa_diamond !== null && m.scores.ifeval !== null);
  const script = data.nc3Script.filter((r) => r.scores.swe_verified !== null && r.scores.gpqa_diamond !== null && r.scores.ifeval !== null);
  return {
    asOf: asOfDate(models),
    models,
    frozen,
    fit,
    refit,
    subsets: subsetFits(models, cfg),
    rows,
    line: lineSamples(models, fit, cfg),
    labs: labSummaries(rows, cfg),
    labFits: perLabFits(frozen, cfg.minModelsPerLab),
    lolo: leaveOneLabOut(frozen, cfg.minModelsPerLab),
    trajectories: trajectories(rows),
    steps: cfg.trajectorySteps.map(([a, b]) => {
      const from = byName.get(a) ?? null;
      const to = byName.get(b) ?? null;
      return { from, to, names: [a, b] as [string, string], dh: from && to ? to.h - from.h : null };
    }),
    saturation: saturationTable(
      [
        ['frozen', frozen],
        ['core', frozen.filter((m) => m.subset === 'core')],
        ['all rows', models],
      ],
      cfg.topK,
    ),
    pairs,
    matrix: block.length >= 2 ? eigenstructure('computed pairwise r', block, correlationMatrix(pairs, block)) : null,
    printedMatrix: printedTable2(claims),
    deff: {
      panel: deffOf(
        'covariance PCA, panel scores',
        triple.map((m) => [m.scores.swe_verified!, m.scores.gpqa_diamond!, m.scores.ifeval!]),
      ),
      script: deffOf(
        "covariance PCA, authors' Nc3 script scores",
        script.map((r) => [r.scores.swe_verified!, r.scores.gpqa_diamond!, r.scores.ifeval!]),
      ),
      n: triple.length,
    },
    predictions: evaluatePredictions(data.predictions, data.quantities, models, cfg.frozenPanel),
    nc2: data.released.internalRuns.filter((r) => cfg.nc2Families.includes(r.family)),
  };
}
