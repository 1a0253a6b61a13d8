import type { ClaimRow } from '../ingest.ts';
import type { InternalsData } from './ingest.ts';
import { mean } from '../stats/describe.ts';

/** One model with released per-model head data (Qwen generation file or a TransformerLens layer file). */
export interface HeadModel {
  model: string;
  family: string;
  paramsB: number;
  /** Percent of heads classed cooperative. */
  cooperativePct: number;
  source: 'qwen_generation' | 'tl_layer';
}

export interface Fig5Family {
  family: string;
  inFig5: boolean;
  /** The model count printed in Fig. 5 (read from claims.csv for display), if the note gives it. */
  paperCount: number | null;
  released: number;
  meanCooperativePct: number | null;
  models: string[];
}

export function headModels(d: InternalsData): HeadModel[] {
  return [
    ...d.qwenHeads.map((q) => ({ model: q.model, family: q.family, paramsB: q.paramsB, cooperativePct: 100 * q.coopFrac, source: 'qwen_generation' as const })),
    ...d.internalCoupling
      .filter((r) => r.analysis === 'tl_layer')
      .map((r) => ({ model: r.model, family: r.family, paramsB: r.paramsB, cooperativePct: r.cooperativePct, source: 'tl_layer' as const })),
  ];
}

export const HEADS_CLAIM = 'A.abs.heads_38of40';

/** Fig. 5's per-family counts as the claims file's note lists them, "(7,5,…)", in the figure's family order. */
export function fig5PaperCounts(claims: readonly ClaimRow[], families: readonly string[]): Map<string, number> {
  const m = /\((\d+(?:\s*,\s*\d+)+)\)/.exec(claims.find((c) => c.id === HEADS_CLAIM)?.notes ?? '');
  const counts = m ? m[1]!.split(',').map((x) => Number(x.trim())) : [];
  return counts.length === families.length ? new Map(families.map((f, i) => [f, counts[i]!])) : new Map();
}

/** The total the claim says the counts describe ("count (of 40)"), for display. */
export function claimedTotal(claims: readonly ClaimRow[]): number | null {
  const m = /of (\d+)/.exec(claims.find((c) => c.id === HEADS_CLAIM)?.unit ?? '');
  return m ? Number(m[1]) : null;
}

export function fig5Families(heads: readonly HeadModel[], order: readonly string[], paper: Map<string, number>): Fig5Family[] {
  const extra = [...new Set(heads.map((h) => h.family))].filter((f) => !order.includes(f)).sort();
  return [...order, ...extra].map((family) => {
    const hs = heads.filter((h) => h.family === family);
    return {
      family,
      inFig5: order.includes(family),
      paperCount: paper.get(family) ?? null,
      released: hs.length,
      meanCooperativePct: hs.length > 0 ? mean(hs.map((h) => h.cooperativePct)) : null,
      models: hs.map((h) => h.model),
    };
  });
}

/** Median of a binned distribution, interpolating linearly inside the bin that holds the middle count. */
export function histogramMedian(bins: readonly { low: number; high: number; count: number }[]): number {
  const total = bins.reduce((s, b) => s + b.count, 0);
  let seen = 0;
  for (const b of bins) {
    if (seen + b.count >= total / 2 && b.count > 0) return b.low + ((total / 2 - seen) / b.count) * (b.high - b.low);
    seen += b.count;
  }
  return NaN;
}
