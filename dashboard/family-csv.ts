/** Writes one family back in the family-file schema, for the Diagnose box. */
import { BENCHMARKS } from '../pipeline/config.ts';
import type { Model } from '../pipeline/types.ts';

const HEADER = ['model', 'family', 'params_b', 'd_model', ...BENCHMARKS, 'source'];

const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** One family in the family-file schema (data/families/*.csv), so a dataset family can be edited in the Diagnose box. */
export function familyCsv(models: readonly Model[]): string {
  const rows = models.map((m) =>
    [
      m.model,
      m.family,
      String(m.paramsB),
      m.dModel === null ? '' : String(m.dModel),
      ...BENCHMARKS.map((b) => (m.scores[b] === null ? '' : String(m.scores[b]))),
      m.source,
    ]
      .map(quote)
      .join(','),
  );
  return [HEADER.join(','), ...rows].join('\n') + '\n';
}
