import * as F from './fields.ts';
import { readTable } from '../io/read-table.ts';
import type { FieldSpec, InputError, Parsed, ParsedRow } from '../io/validate.ts';

export interface QwenHeadRow {
  model: string;
  family: 'Qwen2.5' | 'Qwen3';
  paramsB: number;
  nLayers: number;
  totalHeads: number;
  coopFrac: number;
  compFrac: number;
  netCoupling: number;
  lastLayerDip: number | null;
}

export interface InternalCouplingRow {
  model: string;
  family: string;
  paramsB: number;
  analysis: 'tl_layer' | 'internal_summary' | 'nc2_units';
  nLayers: number;
  totalUnits: number | null;
  cooperativePct: number;
  competingCount: number;
  netCoupling: number;
  source: string;
}

export interface LayerCouplingRow {
  model: string;
  family: string;
  paramsB: number;
  analysis: 'tl_layer' | 'nc2_units';
  layer: number;
  coupling: number;
  coopPct: number | null;
}

export interface HistogramBin {
  model: string;
  low: number;
  high: number;
  count: number;
}

export interface ProjectionRow {
  model: string;
  paramsB: number;
  space: 'hidden' | 'original_proj' | 'wider_proj';
  cosine: number;
}

export interface BenchmarkPairRow {
  model: string;
  family: string;
  label: string;
  pair: string;
  netCoupling: number;
}

export interface BenchmarkPairModelRow {
  model: string;
  paramsB: number;
  dEff: number;
}

export interface SteeringRunRow {
  run: string;
  model: string;
  hfId: string;
  phaseLabel: string;
  probeLayer: number | null;
  nChanged: number;
  nTotal: number;
}

export interface GradientModelRow {
  model: string;
  params: number;
  lossMean: number;
  gradNormMean: number;
}

export interface Benchmarks26Row {
  model: string;
  family: string;
  paramsB: number;
  /** HS, TQA, ARC, WG, MMLU in % (the order of config BENCHMARKS). */
  scores: [number, number, number, number, number];
}

/** The authors' own derived numbers, kept apart so no computation can take them as input by accident. */
export interface AuthorsComputed {
  aiFreeEnergy: { quantity: string; key1: string; key2: string; value: string }[];
  labels26: { model: string; phase: string }[];
  pca26: { component: string; eigenvalue: number; explained: number }[];
  betaFit: Map<string, string>;
}

/** The authors' released measurements from data/internals/ (and the Nc3 script's IFEval scores). */
export interface InternalsData {
  qwenHeads: QwenHeadRow[];
  internalCoupling: InternalCouplingRow[];
  layerCoupling: LayerCouplingRow[];
  unitHistogram: HistogramBin[];
  projection: ProjectionRow[];
  benchmarkPairs: BenchmarkPairRow[];
  benchmarkPairModels: BenchmarkPairModelRow[];
  steeringRuns: SteeringRunRow[];
  gradientModels: GradientModelRow[];
  benchmarks26: Benchmarks26Row[];
  authors: AuthorsComputed;
}

type Cell = Parsed | undefined;
const s = (v: Cell): string => (v === null || v === undefined ? '' : String(v));
const n = (v: Cell): number => (typeof v === 'number' ? v : NaN);
const nn = (v: Cell): number | null => (typeof v === 'number' ? v : null);

function load<T>(dataDir: string, errors: InputError[], rel: string, fields: readonly FieldSpec[], map: (v: Record<string, Parsed>) => T): T[] {
  return readTable(dataDir, rel, fields, errors).map((r: ParsedRow) => map(r.values));
}

export function ingestInternals(dataDir: string, errors: InputError[]): InternalsData {
  const at = <T>(rel: string, fields: readonly FieldSpec[], map: (v: Record<string, Parsed>) => T) => load(dataDir, errors, rel, fields, map);
  const dir = 'internals/';
  return {
    qwenHeads: at(dir + 'head_coupling_qwen.csv', F.HEAD_COUPLING_QWEN_FIELDS, (v) => ({
      model: s(v.model),
      family: s(v.family) as QwenHeadRow['family'],
      paramsB: n(v.params_b),
      nLayers: n(v.n_layers),
      totalHeads: n(v.total_heads),
      coopFrac: n(v.coop_frac),
      compFrac: n(v.comp_frac),
      netCoupling: n(v.net_coupling),
      lastLayerDip: nn(v.last_layer_dip),
    })),
    internalCoupling: at(dir + 'internal_coupling_models.csv', F.INTERNAL_COUPLING_FIELDS, (v) => ({
      model: s(v.model),
      family: s(v.family),
      paramsB: n(v.params_b),
      analysis: s(v.analysis) as InternalCouplingRow['analysis'],
      nLayers: n(v.n_layers),
      totalUnits: nn(v.total_units),
      cooperativePct: n(v.cooperative_pct),
      competingCount: n(v.competing_count),
      netCoupling: n(v.net_coupling),
      source: s(v.source),
    })),
    layerCoupling: at(dir + 'layer_coupling.csv', F.LAYER_COUPLING_FIELDS, (v) => ({
      model: s(v.model),
      family: s(v.family),
      paramsB: n(v.params_b),
      analysis: s(v.analysis) as LayerCouplingRow['analysis'],
      layer: n(v.layer),
      coupling: n(v.coupling),
      coopPct: nn(v.coop_pct),
    })),
    unitHistogram: at(dir + 'unit_coupling_histogram.csv', F.UNIT_HISTOGRAM_FIELDS, (v) => ({
      model: s(v.model),
      low: n(v.bin_low),
      high: n(v.bin_high),
      count: n(v.count),
    })),
    projection: at(dir + 'projection_bottleneck.csv', F.PROJECTION_FIELDS, (v) => ({
      model: s(v.model),
      paramsB: n(v.params_b),
      space: s(v.space) as ProjectionRow['space'],
      cosine: n(v.cosine),
    })),
    benchmarkPairs: at(dir + 'benchmark_pair_coupling.csv', F.BENCHMARK_PAIR_FIELDS, (v) => ({
      model: s(v.model),
      family: s(v.family),
      label: s(v.label),
      pair: s(v.pair),
      netCoupling: n(v.net_coupling),
    })),
    benchmarkPairModels: at(dir + 'benchmark_pair_coupling_models.csv', F.BENCHMARK_PAIR_MODEL_FIELDS, (v) => ({
      model: s(v.model),
      paramsB: n(v.params_b),
      dEff: n(v.d_eff),
    })),
    steeringRuns: at(dir + 'steering_runs.csv', F.STEERING_RUN_FIELDS, (v) => ({
      run: s(v.run),
      model: s(v.model),
      hfId: s(v.hf_id),
      phaseLabel: s(v.phase_label),
      probeLayer: nn(v.probe_layer),
      nChanged: n(v.n_changed),
      nTotal: n(v.n_total),
    })),
    gradientModels: at(dir + 'gradient_norms_models.csv', F.GRADIENT_MODEL_FIELDS, (v) => ({
      model: s(v.model),
      params: n(v.params),
      lossMean: n(v.loss_mean),
      gradNormMean: n(v.grad_norm_mean),
    })),
    benchmarks26: at(dir + 'benchmarks_26models.csv', F.BENCHMARKS_26_FIELDS, (v) => ({
      model: s(v.model),
      family: s(v.family),
      paramsB: n(v.params_b),
      scores: [n(v.hellaswag), n(v.truthfulqa), n(v.arc), n(v.winogrande), n(v.mmlu)],
    })),
    authors: {
      aiFreeEnergy: at(dir + 'authors_computed_ai_free_energy.csv', F.AUTHORS_AI_FREE_ENERGY_FIELDS, (v) => ({
        quantity: s(v.quantity),
        key1: s(v.key1),
        key2: s(v.key2),
        value: s(v.value),
      })),
      labels26: at(dir + 'authors_computed_26models.csv', F.AUTHORS_26_LABEL_FIELDS, (v) => ({ model: s(v.model), phase: s(v.phase) })),
      pca26: at(dir + 'authors_computed_26models_pca.csv', F.AUTHORS_26_PCA_FIELDS, (v) => ({
        component: s(v.component),
        eigenvalue: n(v.eigenvalue),
        explained: n(v.explained_variance_ratio),
      })),
      betaFit: new Map(at(dir + 'authors_computed_beta_fit.csv', F.AUTHORS_BETA_FIT_FIELDS, (v) => [s(v.quantity), s(v.value)] as [string, string])),
    },
  };
}
