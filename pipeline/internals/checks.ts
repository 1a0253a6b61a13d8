import type { Config } from '../config.ts';
import type { ClaimRow } from '../ingest.ts';
import type { InternalsData } from './ingest.ts';
import { claimedTotal, type Fig5Family, type HeadModel } from './heads.ts';
import { mean } from '../stats/describe.ts';

/** One consistency check on the released measurements, written as a finding; the data are never changed. */
export interface Finding {
  check: string;
  subject: string;
  value: number | null;
  unit: string;
  /** The paper's number for the same thing, read from claims.csv for display only. */
  paper: number | null;
  finding: string;
}

const f = (x: number, d = 4) => x.toFixed(d);
const claimValue = (claims: readonly ClaimRow[], id: string) => {
  const v = claims.find((c) => c.id === id)?.value ?? '';
  return v === '' ? null : Number(v);
};

function layerChecks(d: InternalsData, tol: number): Finding[] {
  const tl = d.layerCoupling.filter((r) => r.analysis === 'tl_layer');
  const models = [...new Set(tl.map((r) => r.model))];
  const perModel = models.map((m) => {
    const xs = tl.filter((r) => r.model === m).map((r) => r.coupling);
    return { model: m, family: tl.find((r) => r.model === m)!.family, n: xs.length, spread: Math.max(...xs) - Math.min(...xs), mean: mean(xs) };
  });
  const out: Finding[] = perModel.map((p) => ({
    check: 'per-layer values identical across layers',
    subject: p.model,
    value: p.spread,
    unit: 'max − min over layers (cosine)',
    paper: null,
    finding:
      p.spread < tol
        ? `all ${p.n} layers equal within ${tol} (mean ${f(p.mean, 7)}): a per-layer profile that does not vary with depth`
        : `layers vary by ${f(p.spread, 7)}`,
  }));
  for (const fam of [...new Set(perModel.map((p) => p.family))]) {
    const ps = perModel.filter((p) => p.family === fam);
    if (ps.length < 2) continue;
    const spread = Math.max(...ps.map((p) => p.mean)) - Math.min(...ps.map((p) => p.mean));
    out.push({
      check: 'per-layer values identical across models of one family',
      subject: `${fam} (${ps.map((p) => p.model).join(', ')})`,
      value: spread,
      unit: 'max − min of model means (cosine)',
      paper: null,
      finding:
        spread < tol
          ? `models of different size give the same value to ${Math.round(-Math.log10(tol))} decimals: the measure tracks the family (tokenizer/prompts), not the model`
          : `models differ by ${f(spread, 7)}`,
    });
  }
  const summary = d.internalCoupling.filter((r) => r.analysis === 'internal_summary');
  for (const s of summary) {
    const t = d.internalCoupling.find((r) => r.analysis === 'tl_layer' && r.model === s.model);
    if (t)
      out.push({
        check: 'one model, two released values',
        subject: s.model,
        value: t.netCoupling - s.netCoupling,
        unit: 'TL value − summary value (cosine)',
        paper: null,
        finding: `TransformerLens layer file ${f(t.netCoupling)} vs summary file ${f(s.netCoupling, 3)} for the same model`,
      });
  }
  return out;
}

function countChecks(heads: readonly HeadModel[], fams: readonly Fig5Family[], claims: readonly ClaimRow[]): Finding[] {
  const paperSum = fams.reduce((s, x) => s + (x.paperCount ?? 0), 0);
  const total = claimedTotal(claims);
  const missing = fams.filter((x) => x.inFig5 && x.released === 0).map((x) => x.family);
  const outside = fams.filter((x) => !x.inFig5 && x.released > 0).map((x) => `${x.family} (${x.released})`);
  return [
    {
      check: 'per-family model counts vs the models claimed',
      subject: 'Fig. 5 family counts (claims.csv note)',
      value: paperSum,
      unit: 'models',
      paper: total,
      finding: `the printed per-family counts add up to ${paperSum}${total !== null ? `, not ${total}` : ''}`,
    },
    {
      check: 'per-family model counts vs the models claimed',
      subject: 'released per-model head data',
      value: heads.length,
      unit: 'models',
      paper: total,
      finding: `released head data cover ${heads.length} models; no per-model data for ${missing.join(', ') || 'none'}; released but not a Fig. 5 family: ${outside.join(', ') || 'none'}`,
    },
  ];
}

function qwenChecks(d: InternalsData, claims: readonly ClaimRow[]): Finding[] {
  if (d.qwenHeads.length === 0) return [];
  const q25 = d.qwenHeads.filter((q) => q.family === 'Qwen2.5');
  const avg = 100 * mean(q25.map((q) => q.coopFrac));
  const nets = d.qwenHeads.map((q) => q.netCoupling);
  const modal = [...new Set(nets)].sort((a, b) => nets.filter((x) => x === b).length - nets.filter((x) => x === a).length)[0]!;
  const resid = Math.max(...d.qwenHeads.map((q) => Math.abs(q.netCoupling - modal * q.coopFrac)));
  const dip = d.qwenHeads.reduce((a, b) => (b.coopFrac < a.coopFrac ? b : a));
  const out: Finding[] = [
    {
      check: 'Qwen2.5 family mean vs per-model fractions',
      subject: `Qwen2.5 (${q25.length} models)`,
      value: avg,
      unit: '% cooperative heads',
      paper: claimValue(claims, 'A.fig5.qwen25_avg'),
      finding: `mean of the released per-model fractions (${q25.map((q) => f(q.coopFrac, 3)).join(', ')})`,
    },
    {
      check: 'net coupling derived from the cooperative fraction',
      subject: `all ${d.qwenHeads.length} Qwen models`,
      value: resid,
      unit: `max |net − ${modal} × coop_frac|`,
      paper: null,
      finding: `every stored net coupling equals ${modal} × coop_frac to within ${resid.toPrecision(2)}: the net value is not an independent measurement`,
    },
    {
      check: 'heads neither cooperative nor competing',
      subject: dip.model,
      value: 100 * (1 - dip.coopFrac - dip.compFrac),
      unit: '% of heads',
      paper: null,
      finding: `coop_frac ${dip.coopFrac}, comp_frac ${dip.compFrac}: the rest are stored as neither, while the paper calls them competing`,
    },
  ];
  for (const [model, pairModel] of [
    ['Qwen3-8B', 'Qwen3-8B'],
    ['Qwen2.5-7B', 'Qwen2.5 (quoted)'],
  ] as const) {
    const a = d.qwenHeads.find((q) => q.model === model);
    const b = d.benchmarkPairs.find((p) => p.model === pairModel && p.pair === 'HS_TQA');
    if (a && b)
      out.push({
        check: 'one model, two released values',
        subject: model,
        value: a.netCoupling - b.netCoupling,
        unit: 'generation-file net − HS_TQA value (cosine)',
        paper: null,
        finding: `qwen_generation.json ${a.netCoupling} vs the HS_TQA cosine ${b.netCoupling} used in Fig. 7b`,
      });
  }
  return out;
}

function steeringChecks(d: InternalsData): Finding[] {
  return d.steeringRuns
    .filter((r) => r.run === 'self_align_across_nc1')
    .map((r) => ({
      check: 'steering: "changed" is not "corrected"',
      subject: `${r.model} (${r.phaseLabel})`,
      value: (100 * r.nChanged) / r.nTotal,
      unit: '% of prompts whose steered text differs',
      paper: null,
      finding: `${r.nChanged}/${r.nTotal} generations differ as strings from the unsteered ones; no truthfulness judge, no random-direction control, prompts and decoding settings not released`,
    }));
}

export function internalFindings(
  d: InternalsData,
  heads: readonly HeadModel[],
  fams: readonly Fig5Family[],
  claims: readonly ClaimRow[],
  cfg: Config['internals'],
): Finding[] {
  return [...layerChecks(d, cfg.flatTolerance), ...countChecks(heads, fams, claims), ...qwenChecks(d, claims), ...steeringChecks(d)];
}
