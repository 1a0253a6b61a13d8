import { BENCHMARKS } from './config.ts';
import type { Dataset, LeaderboardRow } from './ingest.ts';
import type { Model, Panel } from './types.ts';
import { compareText } from './text-order.ts';

export interface AuditChange {
  model: string;
  field: string;
  published: string;
  audited: string;
  reason: string;
}

/** Full-precision evaluations only; quantised runs are a different model for scoring purposes. */
const PRECISION_RANK: Record<string, number> = { float16: 0, bfloat16: 1 };

/** The leaderboard row that stands for a model: float16 before bfloat16, then file order. */
export function pickLeaderboardRow(rows: LeaderboardRow[], hfId: string): LeaderboardRow | undefined {
  return rows
    .filter((r) => r.fullname === hfId && r.precision in PRECISION_RANK)
    .sort((a, b) => PRECISION_RANK[a.precision]! - PRECISION_RANK[b.precision]! || a.line - b.line)[0];
}

/** The authors' rows as they used them; contributed families are not part of it. */
export function publishedPanel(data: Dataset): Panel {
  return { name: 'as published', models: data.models.filter((m) => m.origin === 'paper') };
}

/** Families from data/families/: computed the same way, reported in rows of their own, never pooled with the paper's. */
export function contributedPanel(data: Dataset): Panel {
  return { name: 'contributed', models: data.models.filter((m) => m.origin === 'contributed') };
}

/**
 * The audited panel: duplicate rows dropped, misfiled models moved to their
 * real family, and every score the Open LLM Leaderboard v1 table holds for the
 * same Hugging Face id taken from there.
 */
export function auditedPanel(data: Dataset): { panel: Panel; changes: AuditChange[] } {
  const changes: AuditChange[] = [];
  const models: Model[] = [];
  for (const m of data.models) {
    if (m.origin !== 'paper') continue;
    if (m.quirk === 'duplicate') {
      changes.push({ model: m.model, field: 'row', published: 'present', audited: 'dropped', reason: `second copy of ${m.hfId}` });
      continue;
    }
    const next: Model = { ...m, scores: { ...m.scores }, stderr: { ...m.stderr } };
    if (m.quirk === 'misfiled') {
      next.family = m.auditedFamily;
      changes.push({ model: m.model, field: 'family', published: m.family, audited: m.auditedFamily, reason: 'misfiled in the published panel' });
    }
    const lb = m.hfId ? pickLeaderboardRow(data.leaderboard, m.hfId) : undefined;
    if (lb) {
      for (const b of BENCHMARKS) {
        const to = lb.scores[b];
        const from = m.scores[b];
        if (from !== to) {
          next.scores[b] = to;
          next.stderr[b] = null; // a given stderr belongs to the replaced score
          changes.push({
            model: m.model,
            field: b,
            published: from === null ? '' : String(from),
            audited: String(to),
            reason: `${lb.fullname} ${lb.precision}, ${lb.source}`,
          });
        }
      }
      if (m.gsm8k !== lb.scores.gsm8k) {
        next.gsm8k = lb.scores.gsm8k;
        next.stderr.gsm8k = null;
        changes.push({
          model: m.model,
          field: 'gsm8k',
          published: m.gsm8k === null ? '' : String(m.gsm8k),
          audited: String(lb.scores.gsm8k),
          reason: `${lb.fullname} ${lb.precision}, ${lb.source}`,
        });
      }
    }
    models.push(next);
  }
  return { panel: { name: 'audited', models }, changes };
}

/** Models of one family in size order; ties keep file order so duplicates stay adjacent and stable. */
export function familiesOf(panel: Panel): Map<string, Model[]> {
  const out = new Map<string, Model[]>();
  for (const m of panel.models) {
    const list = out.get(m.family) ?? [];
    list.push(m);
    out.set(m.family, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.paramsB - b.paramsB);
  return new Map([...out.entries()].sort(([a], [b]) => compareText(a, b)));
}
