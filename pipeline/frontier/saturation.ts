import type { FrontierBenchmark, FrontierModel } from './ingest.ts';
import { compareText } from './order.ts';

/**
 * The k rows ranked highest by `rankedBy` among rows that have every benchmark
 * in `need` (ties by model name), or null when fewer than k rows qualify.
 * The prediction evaluator uses this same function, so a "top-5" means one thing.
 */
export function topK(models: readonly FrontierModel[], rankedBy: FrontierBenchmark, k: number, need: readonly FrontierBenchmark[]): FrontierModel[] | null {
  const ok = models.filter((m) => m.scores[rankedBy] !== null && need.every((b) => m.scores[b] !== null));
  if (ok.length < k) return null;
  return [...ok].sort((a, b) => b.scores[rankedBy]! - a.scores[rankedBy]! || compareText(a.model, b.model)).slice(0, k);
}

/** max − min of a benchmark over rows that all have it, in percentage points. */
export function spread(models: readonly FrontierModel[], b: FrontierBenchmark): number {
  const xs = models.map((m) => m.scores[b]!);
  return Math.max(...xs) - Math.min(...xs);
}

export interface SaturationRow {
  population: string;
  /** σ = spread(old)/spread(new): σ below 0.2 is Paper B's signal to rotate from the old axis to the new one. */
  old: FrontierBenchmark;
  next: FrontierBenchmark;
  rankedBy: FrontierBenchmark;
  k: number;
  models: string[];
  spreadOld: number | null;
  spreadNew: number | null;
  sigma: number | null;
}

export function saturationRow(
  population: string,
  models: readonly FrontierModel[],
  old: FrontierBenchmark,
  next: FrontierBenchmark,
  rankedBy: FrontierBenchmark,
  k: number,
): SaturationRow {
  const top = topK(models, rankedBy, k, [old, next]);
  const spreadOld = top ? spread(top, old) : null;
  const spreadNew = top ? spread(top, next) : null;
  return {
    population,
    old,
    next,
    rankedBy,
    k,
    models: top?.map((m) => m.model) ?? [],
    spreadOld,
    spreadNew,
    sigma: spreadOld !== null && spreadNew !== null && spreadNew > 0 ? spreadOld / spreadNew : null,
  };
}

/** Every (population, axis pair, ranking) combination, so the table shows which top-5 gives which spread. */
export function saturationTable(populations: [string, readonly FrontierModel[]][], k: number): SaturationRow[] {
  const pairs: [FrontierBenchmark, FrontierBenchmark][] = [
    ['swe_verified', 'gpqa_diamond'],
    ['gpqa_diamond', 'hle'],
  ];
  return populations.flatMap(([name, ms]) => pairs.flatMap(([old, next]) => [old, next].map((rank) => saturationRow(name, ms, old, next, rank, k))));
}
