/**
 * What the noise model knows about each benchmark (data/benchmarks.csv): item
 * count, per-item SD for non-binary metrics, and the panel's shots. Pure: the
 * dashboard bundles it too.
 */
import type { FieldSpec } from '../io/validate.ts';

export type ScoredBenchmark = 'hellaswag' | 'truthfulqa_mc2' | 'arc' | 'winogrande' | 'mmlu' | 'gsm8k';

export interface BenchmarkSpec {
  benchmark: ScoredBenchmark;
  metric: string;
  /** Few-shot examples the panel's scores were measured with (Open LLM Leaderboard v1 settings). */
  shots: number;
  nItems: number;
  /** Per-item SD of a metric that is not a 0/1 accuracy (TruthfulQA MC2); null means binomial. */
  itemSd: number | null;
  source: string;
}

export const SCORED_BENCHMARKS: readonly ScoredBenchmark[] = ['hellaswag', 'truthfulqa_mc2', 'arc', 'winogrande', 'mmlu', 'gsm8k'];

export const BENCHMARK_FIELDS: readonly FieldSpec[] = [
  { name: 'benchmark', kind: 'enum', required: true, values: SCORED_BENCHMARKS },
  { name: 'metric', kind: 'string', required: true },
  { name: 'shots', kind: 'integer', required: true, min: 0, max: 100 },
  { name: 'n_items', kind: 'integer', required: true, min: 1 },
  { name: 'item_sd', kind: 'number', required: false, min: 0, max: 1 },
  { name: 'source', kind: 'string', required: true },
];

export type BenchmarkTable = Record<ScoredBenchmark, BenchmarkSpec>;
