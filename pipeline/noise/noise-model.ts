/**
 * The one noise model every stage, command and dashboard view uses: per-score
 * standard errors from data/benchmarks.csv (or the input's own stderr
 * columns) and the rule that says when a g12 sign is resolved.
 */
import type { Model } from '../types.ts';
import type { BenchmarkTable, ScoredBenchmark } from './benchmarks.ts';
import type { SignRule } from './interval-sign.ts';
import { scoreSe } from './score-se.ts';

export interface NoiseModel {
  benchmarks: BenchmarkTable;
  rule: SignRule;
}

/** SE (percentage points) of a model's score on a benchmark; null when the score is missing. */
export function modelSe(noise: NoiseModel, m: Model, b: ScoredBenchmark): number | null {
  const score = b === 'gsm8k' ? m.gsm8k : m.scores[b];
  if (score === null) return null;
  return scoreSe(noise.benchmarks[b], score, m.stderr[b]);
}

export function makeNoiseModel(benchmarks: BenchmarkTable, settings: { resolvedP: readonly [number, number]; undefinedHsSe: number }): NoiseModel {
  return { benchmarks, rule: { resolvedP: settings.resolvedP, undefinedHsSe: settings.undefinedHsSe } };
}
