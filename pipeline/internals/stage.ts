/** The internals stage (Paper A §5–7, Figs. 4a, 5, 6, 7): re-plots and consistency checks of the authors' released internal measurements; nothing is recomputed from weights. */
import { internalFindings } from './checks.ts';
import { internalsClaims } from './claims.ts';
import { fig5Families, fig5PaperCounts, headModels } from './heads.ts';
import { internalsTables } from './tables.ts';
import type { StageContext } from '../stage-context.ts';
import type { Fig7Point, InternalsCore, InternalsOutput } from './types.ts';

export type { Fig7Point, InternalsCore, InternalsOutput } from './types.ts';

function fig7Points(ctx: StageContext): Fig7Point[] {
  const d = ctx.data.internals;
  const dRep = (model: string) => d.benchmarkPairModels.find((m) => m.model === model)?.dEff ?? null;
  const gemma = d.benchmarkPairs
    .filter((p) => p.pair === 'HS_TQA' && p.family.startsWith('Gemma'))
    .map((p) => ({ panel: 'a' as const, model: p.model, coupling: p.netCoupling, dRep: dRep(p.model), measure: 'HS_TQA hidden-state cosine' }));
  const q = (m: string) => d.qwenHeads.find((r) => r.model === m);
  const b: Fig7Point[] = [];
  for (const m of ['Qwen2.5-1.5B', 'Qwen3-1.7B']) {
    const r = q(m);
    if (r) b.push({ panel: 'b', model: m, coupling: r.netCoupling, dRep: null, measure: 'net internal coupling (qwen_generation.json)' });
  }
  for (const p of d.benchmarkPairs.filter((x) => x.pair === 'HS_TQA' && x.family.startsWith('Qwen')))
    b.push({ panel: 'b', model: p.model, coupling: p.netCoupling, dRep: dRep(p.model), measure: 'HS_TQA hidden-state cosine' });
  return [...gemma, ...b];
}

export function runInternals(ctx: StageContext): InternalsOutput {
  const d = ctx.data.internals;
  const cfg = ctx.config.internals;
  const heads = headModels(d);
  const fig5 = fig5Families(heads, cfg.fig5Families, fig5PaperCounts(ctx.data.claims, cfg.fig5Families));
  const core: InternalsCore = {
    qwen: d.qwenHeads,
    heads,
    fig5,
    projection: d.projection,
    fig7: fig7Points(ctx),
    findings: internalFindings(d, heads, fig5, ctx.data.claims, cfg),
  };
  return { ...core, tables: internalsTables(core, ctx), claims: internalsClaims(core, ctx) };
}
