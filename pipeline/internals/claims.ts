import type { InternalsCore } from './types.ts';
import { histogramMedian } from './heads.ts';
import type { StageContext } from '../stage-context.ts';
import { mean } from '../stats/describe.ts';
import { wilsonInterval } from '../stats/wilson.ts';
import type { ClaimResult } from '../types.ts';

const RM = 'released measurement' as const;
const none = (id: string, why: string): ClaimResult => ({ id, variant: RM, value: null, note: `not computable: ${why}` });
const f = (x: number, d = 3) => x.toFixed(d);

function qwenClaims(c: InternalsCore, ctx: StageContext): ClaimResult[] {
  const d = ctx.data.internals;
  const q = (m: string) => d.qwenHeads.find((r) => r.model === m);
  const pair = (model: string, p = 'HS_TQA') => d.benchmarkPairs.find((r) => r.model === model && r.pair === p);
  const out: ClaimResult[] = [];
  const push = (id: string, value: number | null | undefined, note: string) => {
    if (value !== undefined && value !== null) out.push({ id, variant: RM, value, note });
  };
  const q15 = q('Qwen2.5-1.5B');
  const q17 = q('Qwen3-1.7B');
  const q3 = d.qwenHeads.filter((r) => r.family === 'Qwen3');
  push('A.abs.qwen25_1p5b', q15?.netCoupling, 'net_coupling of Qwen2.5-1.5B in qwen_generation.json (a constant times its coop_frac; see the findings table)');
  push(
    'A.abs.qwen3_1p7b',
    q17?.netCoupling,
    `net_coupling of Qwen3-1.7B; all ${q3.length} Qwen3 rows store ${[...new Set(q3.map((r) => r.netCoupling))].join(', ')}`,
  );
  push('A.fig4a.qwen25_coop', q15 && 100 * q15.coopFrac, `coop_frac × 100 of Qwen2.5-1.5B; comp_frac ${q15?.compFrac} (the other heads are stored as neither)`);
  push('A.fig4a.qwen3_coop', q17 && 100 * q17.coopFrac, `coop_frac × 100 of Qwen3-1.7B; all Qwen3 rows: ${q3.map((r) => r.coopFrac).join(', ')}`);
  push('A.s5_2.qwen25_3b', q('Qwen2.5-3B')?.netCoupling, 'net_coupling of Qwen2.5-3B, stored to two decimals');
  push(
    'A.s5_2.qwen3_8b',
    pair('Qwen3-8B')?.netCoupling,
    `HS_TQA cosine in qwen3_8b_results.json; qwen_generation.json gives ${q('Qwen3-8B')?.netCoupling} for the same model`,
  );
  push(
    'A.s5_2.qwen25_7b',
    pair('Qwen2.5 (quoted)')?.netCoupling,
    `Qwen2.5 HS_TQA value quoted inside the Qwen3-8B file (size not stated there); qwen_generation.json gives Qwen2.5-7B ${q('Qwen2.5-7B')?.netCoupling}`,
  );
  const g8 = pair('Qwen3-8B');
  const g7 = pair('Qwen2.5 (quoted)');
  push(
    'A.s5_2.curation_gain_7b',
    g8 && g7 && g8.netCoupling - g7.netCoupling,
    'Qwen3-8B HS_TQA − quoted Qwen2.5 HS_TQA (the file’s own delta_curation field differs slightly)',
  );
  push('A.s5_2.qwen25_7b_coop', q('Qwen2.5-7B') && 100 * q('Qwen2.5-7B')!.coopFrac, 'coop_frac × 100 of Qwen2.5-7B');
  push('A.s5_2.qwen25_7b_lastlayer', q('Qwen2.5-7B')?.lastLayerDip, 'stored last_layer_dip of Qwen2.5-7B; no per-layer values released');
  push(
    'A.fig5.qwen25_avg',
    c.fig5.find((x) => x.family === 'Qwen2.5')?.meanCooperativePct,
    'mean of the released per-model cooperative fractions of the Qwen2.5 family (see findings)',
  );
  push('A.fig7b.curation_gain_1p5b', q15 && q17 && q17.netCoupling - q15.netCoupling, 'net coupling Qwen3-1.7B − Qwen2.5-1.5B, both from qwen_generation.json');
  out.push({
    id: 'A.tab1.nc_qwen3',
    variant: RM,
    value: null,
    note: `none: every Qwen3 size stores coop_frac 1 and the same net coupling (${q3.map((r) => r.model).join(', ')}), so no crossing exists; no benchmark g12 exists for Qwen3 (one model with scores)`,
  });
  push('A.tab1.n_qwen3', q3.length, 'Qwen3 rows in qwen_generation.json (the benchmark panel has one Qwen3 model)');
  return out;
}

function headClaims(c: InternalsCore, ctx: StageContext): ClaimResult[] {
  const d = ctx.data.internals;
  const full = c.heads.filter((h) => h.cooperativePct === 100);
  const [lo, hi] = wilsonInterval(full.length, c.heads.length, ctx.config.internals.ciLevel);
  const tl = d.internalCoupling.filter((r) => r.analysis === 'tl_layer');
  const nc2 = d.internalCoupling.filter((r) => r.analysis === 'nc2_units');
  const nc2Families = [...new Set(nc2.map((r) => r.family))];
  const hist = d.unitHistogram;
  const thirds = (model: string) => {
    const xs = d.layerCoupling
      .filter((r) => r.model === model && r.analysis === 'tl_layer')
      .sort((a, b) => a.layer - b.layer)
      .map((r) => r.coupling);
    const k = Math.floor(xs.length / 3);
    return { early: mean(xs.slice(0, k)), late: mean(xs.slice(xs.length - k)), n: xs.length };
  };
  const p1b = thirds('Pythia-1B-deduped');
  const big = d.internalCoupling.filter((r) => r.paramsB >= 13).map((r) => `${r.model} ${f(r.netCoupling)} (${r.analysis})`);
  return [
    {
      id: 'A.abs.heads_38of40',
      variant: RM,
      value: full.length,
      note: `closest computable: released models with 100% cooperative heads, out of ${c.heads.length} with per-model head data (the 40-model list, prompts and code are not released); the per-family counts printed in Fig. 5 add up to ${c.fig5.reduce((s, x) => s + (x.paperCount ?? 0), 0)}`,
    },
    {
      id: 'A.s6.frac_wilson',
      variant: RM,
      value: (100 * full.length) / c.heads.length,
      low: 100 * lo,
      high: 100 * hi,
      note: `closest computable: ${full.length}/${c.heads.length} released models fully cooperative, Wilson ${Math.round(100 * ctx.config.internals.ciLevel)}% interval`,
    },
    {
      id: 'A.s6.median_head_cos',
      variant: RM,
      value: histogramMedian(hist),
      note: `closest computable: median unit coupling of Mixtral-8x7B from its released ${hist.reduce((s, b) => s + b.count, 0)}-unit histogram (linear within the bin); no per-head data for the 40 models`,
    },
    {
      id: 'A.s6.p1b_early',
      variant: RM,
      value: p1b.early,
      note: `closest computable: mean of the first third of Pythia-1B's ${p1b.n} TransformerLens attention-pattern layers (a different measure; constant across layers)`,
    },
    {
      id: 'A.s6.p1b_late',
      variant: RM,
      value: p1b.late,
      note: `closest computable: mean of the last third of Pythia-1B's ${p1b.n} TransformerLens layers (constant across layers)`,
    },
    none('A.s6.p70m_early', 'no per-layer data for Pythia-70M is released'),
    none('A.s6.p70m_late', 'no per-layer data for Pythia-70M is released'),
    none('A.s6.p410m_early', 'no per-layer data for Pythia-410M is released'),
    none('A.s6.p410m_late', 'no per-layer data for Pythia-410M is released'),
    none('A.s6.opt125m', 'no internal-coupling data for OPT-125M is released'),
    none('A.s6.head_coupling_range', 'no per-head coupling values are released'),
    {
      id: 'A.s6.tl_attention',
      variant: RM,
      value: mean(tl.map((r) => r.netCoupling)),
      note: `mean net coupling of the ${tl.length} TransformerLens runs (${tl.map((r) => `${r.model} ${f(r.netCoupling)}`).join('; ')})`,
    },
    {
      id: 'A.s6.n_arch_nc2',
      variant: RM,
      value: nc2Families.length,
      note: `families with a released "Nc2" unit analysis: ${nc2.map((r) => `${r.model} ${f(r.netCoupling)}`).join('; ')}`,
    },
    {
      id: 'A.abs.gemma4_13b_level',
      variant: RM,
      value: null,
      note: `not computable: no released set of standard-trained 13B+ models on the Gemma measure; released internal values at >= 13B: ${big.join('; ')}`,
    },
  ];
}

function projectionClaims(ctx: StageContext): ClaimResult[] {
  const p = ctx.data.internals.projection;
  const v = (model: string, space: string) => p.find((r) => r.model === model && r.space === space)?.cosine ?? null;
  const out: ClaimResult[] = [];
  const push = (id: string, value: number | null, note: string) => value !== null && out.push({ id, variant: RM, value, note });
  for (const [model, ids] of [
    ['Pythia-1B', { hidden: 'A.s6.p1b_hidden', original_proj: 'A.s6.p1b_output', wider_proj: 'A.s6.p1b_wider' }],
    ['Pythia-410M', { hidden: 'A.fig6.p410m_hidden', original_proj: 'A.fig6.p410m_output', wider_proj: 'A.fig6.p410m_wider' }],
    ['Pythia-2.8B', { hidden: 'A.fig6.p2p8b_hidden', original_proj: 'A.fig6.p2p8b_output', wider_proj: 'A.fig6.p2p8b_wider' }],
  ] as const) {
    for (const [space, id] of Object.entries(ids)) push(id, v(model, space), `${space} cosine of ${model} in intervention_results_v2.json`);
  }
  const h = v('Pythia-1B', 'hidden');
  const o = v('Pythia-1B', 'original_proj');
  if (h !== null && o !== null) push('A.s6.p1b_loss', (100 * (h - o)) / h, 'relative drop of Pythia-1B coupling from hidden state to original projection');
  for (const model of ['Pythia-410M', 'Pythia-2.8B']) {
    const a = v(model, 'hidden');
    const b = v(model, 'original_proj');
    if (a !== null && b !== null) push('A.s6.proj_gain', b - a, `${model}: original-projection minus hidden-state cosine`);
  }
  return out;
}

function gemmaClaims(ctx: StageContext): ClaimResult[] {
  const d = ctx.data.internals;
  const hs = (model: string) => d.benchmarkPairs.find((r) => r.model === model && r.pair === 'HS_TQA')?.netCoupling ?? null;
  const dRep = (model: string) => d.benchmarkPairModels.find((r) => r.model === model)?.dEff ?? null;
  const all = d.benchmarkPairModels.map((r) => r.dEff);
  return [
    { id: 'A.s7_3.gemma3_coupling', variant: RM, value: hs('Gemma-3-4B-pt'), note: 'HS_TQA cosine of gemma-3-4b-pt (gemma3_results.json)' },
    { id: 'A.s7_3.gemma3_drep', variant: RM, value: dRep('Gemma-3-4B-pt'), note: 'stored d_eff of gemma-3-4b-pt, plotted as d_rep in Fig. 7a' },
    { id: 'A.s7_3.gemma4_it', variant: RM, value: hs('Gemma-4-E4B-it'), note: 'HS_TQA cosine of gemma-4-E4B-it (gemma4_results.json)' },
    {
      id: 'A.abs.gemma4_e4b',
      variant: RM,
      value: hs('Gemma-4 base (quoted)'),
      note: 'base-model HS_TQA value quoted inside the Gemma-4 instruct file; no run file for the base model',
    },
    {
      id: 'A.s7_3.gemma4_drep',
      variant: RM,
      value: dRep('Gemma-4-E4B-it'),
      note: 'closest computable: stored d_eff of the instruct model gemma-4-E4B-it; no d_rep is released for the base model',
    },
    {
      id: 'A.s7_3.drep_range',
      variant: RM,
      value: null,
      low: Math.min(...all),
      high: Math.max(...all),
      note: `min and max of the released d_eff values (${d.benchmarkPairModels.map((r) => `${r.model} ${r.dEff}`).join('; ')})`,
    },
    none('A.s7_3.gemma4_e2b', 'no Gemma-4-E2B file is released'),
  ];
}

function steeringClaims(ctx: StageContext): ClaimResult[] {
  const runs = ctx.data.internals.steeringRuns;
  const nc1 = (label: string) => runs.find((r) => r.run === 'self_align_across_nc1' && r.phaseLabel === label);
  const out: ClaimResult[] = [];
  const changed = (r: (typeof runs)[number]) =>
    `${r.nChanged}/${r.nTotal} prompts whose steered text differs as a string from the unsteered text (${r.model}, ${r.phaseLabel}); "changed", not judged correct: no truthfulness judge, no random-direction control`;
  for (const [label, id] of [
    ['TAX', 'A.s7_4.steer_410m'],
    ['AT_NC1', 'A.s7_4.steer_1b'],
    ['BONUS', 'A.s7_4.steer_2p8b'],
  ] as const) {
    const r = nc1(label);
    if (r) out.push({ id, variant: RM, value: (100 * r.nChanged) / r.nTotal, note: changed(r) });
  }
  const tax = nc1('TAX');
  if (tax)
    out.push({
      id: 'A.absv2.steer_60',
      variant: RM,
      value: (100 * tax.nChanged) / tax.nTotal,
      note: `${changed(tax)}; the v2 abstract calls these "corrected misaligned outputs"`,
    });
  const layers = runs
    .filter((r) => r.probeLayer !== null && r.hfId)
    .map((r) => ({ r, m: ctx.data.models.find((m) => m.hfId === r.hfId && m.nLayers !== null) }))
    .filter((x) => x.m);
  const first = layers[0];
  if (first)
    out.push({
      id: 'A.s7_4.steer_layer',
      variant: RM,
      value: first.r.probeLayer! / first.m!.nLayers!,
      note: `stored probe layer / n_layers: ${layers.map((x) => `${x.r.model} ${x.r.probeLayer}/${x.m!.nLayers}`).join('; ')}; §6 places the bottleneck at the output projection instead`,
    });
  return out;
}

export function internalsClaims(c: InternalsCore, ctx: StageContext): ClaimResult[] {
  return [...qwenClaims(c, ctx), ...headClaims(c, ctx), ...projectionClaims(ctx), ...gemmaClaims(ctx), ...steeringClaims(ctx)];
}
