/**
 * From the pre-registered family list to models with scores: the exclusion
 * rules by repository name, one evaluation per repository by precision
 * (float16, then bfloat16, 8bit, 4bit), widths from the architecture table,
 * and the three-sizes rule. Every exclusion is kept as a note.
 */
import type { Model } from '../types.ts';
import type { ArchitectureRow, BoardRow, FamilyRow, ScoringSet, SelectedFamily, Tier } from './types.ts';

/** Evaluation precisions in order of preference; GPTQ and anything else are never used. */
export const PRECISION_ORDER = ['float16', 'bfloat16', '8bit', '4bit'] as const;
const QUANTISED = new Set(['8bit', '4bit']);

/**
 * Repository names that mark a tuned model rather than a base: chat, instruct,
 * RLHF/DPO/SFT, merges and the known tuned series of base families.
 */
const TUNED = /(^|[-_./])(chat|instruct|instruction|it|sft|dpo|rlhf|ppo|merge|merged|slerp|raven|bloomz|iml|dolly|oasst)([-_.]|$)/i;

/** Why a repository is not a base model, or null. */
export function exclusionReason(repo: string): string | null {
  const m = TUNED.exec(repo.split('/').pop() ?? repo);
  return m ? `"${m[2]}" in the name marks a tuned or merged model` : null;
}

/** The evaluation that stands for a repository: float16 before bfloat16, 8bit, 4bit; file order breaks ties. */
export function pickEvaluation(rows: readonly BoardRow[]): BoardRow | null {
  const rank = (r: BoardRow) => PRECISION_ORDER.indexOf(r.precision as (typeof PRECISION_ORDER)[number]);
  return [...rows].filter((r) => rank(r) >= 0).sort((a, b) => rank(a) - rank(b) || a.line - b.line)[0] ?? null;
}

const shortName = (repo: string) => repo.split('/').pop() ?? repo;

export function selectFamilies(
  rows: readonly FamilyRow[],
  board: readonly BoardRow[],
  arch: readonly ArchitectureRow[],
  boardFile: string,
  minSizes: number,
): SelectedFamily[] {
  const byRepo = new Map<string, BoardRow[]>();
  for (const b of board) byRepo.set(b.fullname, [...(byRepo.get(b.fullname) ?? []), b]);
  const width = new Map(arch.map((a) => [a.model, a.dModel]));
  const names = [...new Set(rows.map((r) => r.family))].sort();
  return names.map((family) => {
    const members = rows.filter((r) => r.family === family);
    const excluded: string[] = [];
    const models: Model[] = [];
    for (const r of members) {
      const reason = exclusionReason(r.repo);
      if (reason) {
        excluded.push(`${r.repo}: ${reason}`);
        continue;
      }
      const ev = pickEvaluation(byRepo.get(r.repo) ?? []);
      if (!ev) {
        excluded.push(`${r.repo}: no float16, bfloat16, 8bit or 4bit evaluation`);
        continue;
      }
      if (QUANTISED.has(ev.precision)) excluded.push(`${r.repo}: only a quantised (${ev.precision}) evaluation exists; used`);
      models.push({
        model: shortName(r.repo),
        family,
        hfId: r.repo,
        paramsB: r.paramsB,
        dModel: width.get(r.repo) ?? null,
        nLayers: null,
        scores: { hellaswag: ev.hellaswag, truthfulqa_mc2: ev.truthfulqa_mc2, arc: ev.arc, winogrande: ev.winogrande, mmlu: ev.mmlu },
        gsm8k: ev.gsm8k,
        stderr: { hellaswag: null, truthfulqa_mc2: null, arc: null, winogrande: null, mmlu: null, gsm8k: null },
        quirk: '',
        auditedFamily: '',
        source: `${boardFile} line ${ev.line} (${ev.precision})`,
        origin: 'leaderboard',
        file: 'data/leaderboard-families.csv',
        line: r.line,
      });
    }
    models.sort((a, b) => a.paramsB - b.paramsB || (a.model < b.model ? -1 : 1));
    const inPanel = members.some((r) => r.inPanelFamily);
    const tier: Tier = members.some((r) => r.tier === 'derived') ? 'derived' : 'scratch';
    const set: ScoringSet = inPanel ? 'in-sample' : tier === 'scratch' ? 'out-of-sample-scratch' : 'out-of-sample-derived';
    return { family, tier, inPanel, set, models, excluded, tooFew: new Set(models.map((m) => m.paramsB)).size < minSizes };
  });
}
