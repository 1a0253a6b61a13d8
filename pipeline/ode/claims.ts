import { BENCHMARKS, type Benchmark, type Config } from '../config.ts';
import type { OdeNumbers, PanelFits, PolyRow, SourceFits } from './compute.ts';
import { stableRatio } from './sweep.ts';
import type { ClaimResult } from '../types.ts';

const TQA = BENCHMARKS.indexOf('truthfulqa_mc2');
const f3 = (x: number | null) => (x === null ? 'none' : x.toPrecision(3));
const FIG3_IDS: Record<Benchmark, string> = {
  hellaswag: 'A.fig3.err_hs',
  truthfulqa_mc2: 'A.fig3.err_tqa',
  arc: 'A.fig3.err_arc',
  winogrande: 'A.fig3.err_wg',
  mmlu: 'A.fig3.err_mmlu',
};

function src(n: OdeNumbers, key: SourceFits['key']): SourceFits {
  return n.sources.find((s) => s.key === key)!;
}

function poly(n: OdeNumbers, data: string, train: string, degree: number): PolyRow {
  return n.poly.find((r) => r.data.startsWith(data) && r.train.startsWith(train) && r.inSample === train.includes('Llama-2') && r.fit.degree === degree)!;
}

function routeNote(p: PanelFits, fit: string): string {
  const r = fit === 'linear' ? p.linearRoute : p.sparseRoute;
  if (r.divergedAt !== null) return `diverged before ${(10 ** r.divergedAt / 1e9).toPrecision(3)}B`;
  return `predicted Llama-2-13B/70B TQA ${r.predicted.map((x) => x[TQA]!.toFixed(1)).join('/')} vs ${r.actual.map((x) => x[TQA]!.toFixed(1)).join('/')}; TQA-only MAPE ${f3(r.mapePerBenchmark[TQA] ?? null)}%`;
}

function holdoutClaims(n: OdeNumbers, cfg: Config): ClaimResult[] {
  const [pub, aud] = n.panels as [PanelFits, PanelFits];
  const d = cfg.ode.figureDegree;
  const p2 = poly(n, 'pooled', 'Pythia + Llama-1', d);
  const p2in = poly(n, 'pooled', 'Pythia + Llama-1 + Llama-2', d);
  const p2aud = poly(n, 'audited', 'Pythia + Llama-1', d);
  const p2pub = poly(n, 'as-published', 'Pythia + Llama-1', d);
  const polyNote = (r: PolyRow) =>
    `degree-${r.fit.degree} polynomial of TQA on log10 N fitted on ${r.train} (${r.data}), predicting Llama-2 7B/13B/70B TQA ${r.fit.predicted.map((x) => x.toFixed(1)).join('/')} vs ${r.fit.actual.map((x) => x.toFixed(1)).join('/')}`;
  // The claim is the ODE's held-out error. The polynomial that gives the printed number is no ODE and not what the
  // authors' figure code computes either (it fits Llama-2 in-sample), so it is shown as the closest quantity only.
  const ode = (id: string): ClaimResult[] => [
    {
      id,
      variant: 'as described',
      value: pub.sparseRoute.mapeAll,
      note: `STLSQ ODE (λ = ${cfg.ode.threshold}, degree ${cfg.ode.libraryDegree}) fitted on Pythia, integrated from Llama-2-7B's five scores; MAPE over 13B and 70B, all five benchmarks; ${routeNote(pub, 'sparse')}`,
    },
    {
      id,
      variant: 'as coded',
      value: pub.linearRoute.mapeAll,
      note: `linear ODE (the form the authors' code fits) fitted on Pythia, integrated from Llama-2-7B; MAPE over 13B and 70B, all five benchmarks; ${routeNote(pub, 'linear')}`,
    },
    {
      id,
      variant: 'audited',
      value: aud.sparseRoute.mapeAll,
      note: `STLSQ ODE route on the audited panel (Pythia and Llama-2 from the leaderboard); ${routeNote(aud, 'sparse')}`,
    },
    {
      id,
      variant: 'as described',
      proxy: true,
      value: p2.fit.mape,
      note: `closest quantity, no ODE: ${polyNote(p2)} (A.fig2c.llama2_holdout's setup); the authors' figure code fits Llama-2 in-sample (${f3(p2in.fit.mape)}%) and types the printed value into the title`,
    },
  ];
  const best = n.poly.filter((r) => r.data.startsWith('pooled') && r.train === 'Pythia + Llama-1').reduce((a, b) => (b.fit.mape < a.fit.mape ? b : a));
  const sparseTqa = pub.sparseRoute.mapePerBenchmark[TQA] ?? null;
  return [
    ...ode('A.abs.ode_llama2'),
    ...ode('B.s8.llama2_restated'),
    { id: 'A.fig2c.llama2_holdout', variant: 'as described', value: p2.fit.mape, note: `${polyNote(p2)} (the caption's setup; degree from the figure code)` },
    { id: 'A.fig2c.llama2_holdout', variant: 'as coded', value: p2in.fit.mape, note: `in-sample, as the figure code does: ${polyNote(p2in)}` },
    { id: 'A.fig2c.llama2_holdout', variant: 'audited', value: p2aud.fit.mape, note: polyNote(p2aud) },
    {
      id: 'A.fig2b.l4',
      variant: 'as described',
      value: null,
      note: `not computable: no boosting-chain code; the bar is typed into the figure script. The same number is the Llama-2 holdout, where ${polyNote(p2)} gives ${f3(p2.fit.mape)}%`,
    },
    {
      id: 'A.s4.poly2_baseline',
      variant: 'as described',
      value: p2.fit.mape,
      note: `closest computable: ${polyNote(p2)}; this is the setup that reproduces the ODE's number`,
    },
    {
      id: 'A.s4.poly2_baseline',
      variant: 'as described',
      value: p2pub.fit.mape,
      note: `the same on the as-published panel's Pythia and Llama rows: ${polyNote(p2pub)}`,
    },
    {
      id: 'A.s4.ode_vs_poly',
      variant: 'as described',
      value: sparseTqa === null ? null : best.fit.mape / sparseTqa,
      note: `best polynomial baseline (degree ${best.fit.degree} on Pythia + Llama-1, pooled14, TQA MAPE ${f3(best.fit.mape)}%) ÷ STLSQ ODE route TQA MAPE on Llama-2 13B/70B (${f3(sparseTqa)}%); above 1 = ODE better`,
    },
  ];
}

function insampleClaims(n: OdeNumbers, cfg: Config): ClaimResult[] {
  const pub = src(n, 'published');
  const aud = src(n, 'audited');
  const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
  const authorsMean = (s: SourceFits) => (s.linearReplay.errors ? mean(s.linearReplay.errors.map((e) => e.authors)) : null);
  const out: ClaimResult[] = [
    {
      id: 'A.s4.ode_insample',
      variant: 'as described',
      value: pub.sparseReplay.mape,
      note: `STLSQ ODE (λ = ${cfg.ode.threshold}) on the 8 Pythia rows of the published panel, RK4 from 70M; MAPE over 160M–12B, mean of the five benchmarks`,
    },
    {
      id: 'A.s4.ode_insample',
      variant: 'as coded',
      value: authorsMean(pub),
      note: 'linear ODE dB/dlog10N = C·B + c0 by least squares, RK4 from 70M; mean of the five per-benchmark errors in the authors’ metric (mean |error| ÷ mean score, all 8 points)',
    },
    {
      id: 'A.s4.ode_insample',
      variant: 'audited',
      value: authorsMean(aud),
      note: 'the as-coded linear ODE on the audited panel’s 8 Pythia rows (leaderboard deduped scores)',
    },
  ];
  BENCHMARKS.forEach((b, j) => {
    const id = FIG3_IDS[b];
    out.push(
      { id, variant: 'as described', value: pub.sparseReplay.errors?.[j]?.mape ?? null, note: `STLSQ ODE (λ = ${cfg.ode.threshold}), MAPE over 160M–12B` },
      {
        id,
        variant: 'as coded',
        value: pub.linearReplay.errors?.[j]?.authors ?? null,
        note: `linear least-squares ODE, RK4 from 70M (${cfg.ode.rk4StepsPerDecade} steps per decade, converged), authors’ metric (mean |error| ÷ mean score × 100 over all 8 points); the authors integrated with scipy's RK45 at its default tolerance (rtol 1e-3), which moves the third digit`,
      },
      { id, variant: 'audited', value: aud.linearReplay.errors?.[j]?.authors ?? null, note: 'as coded, on the audited panel’s Pythia rows' },
    );
  });
  return out;
}

function sparseStructureClaims(n: OdeNumbers, cfg: Config): ClaimResult[] {
  const range = (s: SourceFits) => s.sparse.fits.map((f) => f.support.filter(Boolean).length);
  const pub = range(src(n, 'published'));
  const aud = range(src(n, 'audited'));
  const sweep = n.sweeps.find((s) => s.scale === cfg.ode.scoreScale)!;
  const ratio = stableRatio(sweep.points, cfg.ode.threshold);
  return [
    {
      id: 'A.appA4.active_terms',
      variant: 'as described',
      value: null,
      low: Math.min(...pub),
      high: Math.max(...pub),
      note: `STLSQ at λ = ${cfg.ode.threshold} on the published panel's 8 Pythia rows (scores × ${cfg.ode.scoreScale}): active terms per equation ${pub.join(', ')} of 56; 7 samples per equation`,
    },
    {
      id: 'A.appA4.active_terms',
      variant: 'audited',
      value: null,
      low: Math.min(...aud),
      high: Math.max(...aud),
      note: `the same on the audited panel: ${aud.join(', ')} of 56`,
    },
    {
      id: 'A.appA4.lambda_stable',
      variant: 'as described',
      value: ratio,
      note: `widest λ_hi/λ_lo of consecutive sweep points around λ = ${cfg.ode.threshold} with an identical selected structure (Jaccard 1); sweep ${cfg.ode.thresholdSweep.join(', ')}; Jaccard to the neighbours ${sweep.points.map((p) => f3(p.jaccardPrev)).join(', ')}`,
    },
  ];
}

function phaseClaims(n: OdeNumbers, cfg: Config): ClaimResult[] {
  const pub = src(n, 'published');
  const aud = src(n, 'audited');
  const fig = src(n, 'figure');
  const lsNote = (s: SourceFits, set: 'tax' | 'bonus') =>
    `TQA' = a + b·HS least squares on ${s[set].intervals} intervals (${s[set].models[0]}–${s[set].models.at(-1)}), midpoint HS; mean g12 ${f3(s[set].meanG12)}`;
  const out: ClaimResult[] = [];
  for (const [set, id] of [
    ['tax', 'A.s4.coef_tax'],
    ['bonus', 'A.s4.coef_bonus'],
  ] as const) {
    out.push(
      {
        id,
        variant: 'as described',
        value: pub[set].sparseHsCoef,
        note: `STLSQ (λ = ${cfg.ode.threshold}) on the same intervals: HS coefficient of dTQA/dlog10N (${pub[set].sparseActiveTerms} active terms; 0 = pruned)`,
      },
      { id, variant: 'as coded', value: pub[set].b, note: `${lsNote(pub, set)}; published panel's Pythia rows` },
      { id, variant: 'audited', value: aud[set].b, note: `${lsNote(aud, set)}; audited panel (generate_all_figures.py table gives ${f3(fig[set].b)})` },
    );
  }
  const ratio = (s: SourceFits) => s.bonus.b / s.tax.b;
  const sparseRatio = pub.tax.sparseHsCoef === 0 ? null : pub.bonus.sparseHsCoef / pub.tax.sparseHsCoef;
  out.push(
    {
      id: 'A.s4.coef_jump',
      variant: 'as described',
      value: sparseRatio,
      note: `ratio of the STLSQ HS coefficients (bonus ${f3(pub.bonus.sparseHsCoef)} / tax ${f3(pub.tax.sparseHsCoef)}); none when the tax coefficient is pruned`,
    },
    {
      id: 'A.s4.coef_jump',
      variant: 'as coded',
      value: ratio(pub),
      note: `unrounded b_bonus / b_tax = ${f3(pub.bonus.b)} / ${f3(pub.tax.b)}; the two coefficients rounded to 2 decimals give ${(Number(pub.bonus.b.toFixed(2)) / Number(pub.tax.b.toFixed(2))).toPrecision(3)}`,
    },
    { id: 'A.s4.coef_jump', variant: 'audited', value: ratio(aud), note: `audited panel: ${f3(aud.bonus.b)} / ${f3(aud.tax.b)}` },
  );
  const tr = (s: SourceFits) => Math.min(...s.transfer.diagonal.slice(0, s.transfer.determined));
  out.push(
    // An eigenvector's sign is arbitrary, so only the overlap's magnitude is meaningful.
    {
      id: 'A.s4.transfer_diag',
      variant: 'as described',
      bound: 'magnitude',
      value: tr(pub),
      note: `closest computable: smallest |v_tax,i · v_bonus,i| over the ${pub.transfer.determined} principal axes of the benchmark correlation matrix fixed by both size sets (all five: ${pub.transfer.diagonal.map(f3).join(', ')})`,
    },
    {
      id: 'A.s4.transfer_diag',
      variant: 'audited',
      bound: 'magnitude',
      value: tr(aud),
      note: `the same on the audited panel (all five: ${aud.transfer.diagonal.map(f3).join(', ')})`,
    },
  );
  const pysr = n.panels[0]!.pysr;
  out.push({
    id: 'A.s4.pysr_exponent',
    variant: 'as described',
    value: pysr?.hsExponent ?? null,
    note: `closest computable: free-exponent fit log TQA_w = c + p·log HS_w + q·log log10 N on the published panel's ${pysr?.n ?? 0} Pythia rows, scores ÷ (d_model/${cfg.width.referenceDModel}); q = ${f3(pysr?.logLogNExponent ?? null)}, R² = ${f3(pysr?.r2 ?? null)}`,
  });
  return out;
}

function fixedPointClaims(n: OdeNumbers, cfg: Config): ClaimResult[] {
  const fp = n.panels[0]!.opt.fixedPoint;
  const what = `closest computable: the authors' regression (finite-difference slope on midpoint value) on OPT's benchmark g12 series up to ${cfg.ode.fixedPointMaxB}B, not the unreleased internal cosines`;
  const g13 = n.panels[0]!.opt.intervals.find((iv) => iv.to === 'OPT-13B')?.g12 ?? null;
  return [
    {
      id: 'A.s4.opt_fixed_point',
      variant: 'as described',
      value: fp?.fixedPoint ?? null,
      note: `${what}; a = ${f3(fp?.a ?? null)} (${fp?.attracting ? 'attracting' : 'repelling'})`,
    },
    {
      id: 'A.s4.opt13b',
      variant: 'as described',
      value: g13,
      note: 'closest computable: benchmark g12 of the OPT-6.7B→13B interval (the internal cosine needs weights; data/internals holds only a different attention-pattern measure)',
    },
  ];
}

function isoclineClaims(n: OdeNumbers): ClaimResult[] {
  const ids: Record<string, string> = { OPT: 'A.appA7.iso_opt', BLOOM: 'A.appA7.iso_bloom', 'Cerebras-GPT': 'A.appA7.iso_cerebras' };
  const [pub, aud] = n.panels as [PanelFits, PanelFits];
  return pub.isocline.families.flatMap((f) => {
    const id = ids[f.family];
    if (!id) return [];
    const a = aud.isocline.families.find((x) => x.family === f.family)!;
    const count = (calls: typeof f.calls, k: 'correctDescribed' | 'correctCoded') => calls.filter((c) => c[k]).length;
    const base = `of ${f.calls.length} ${f.family} intervals with a g12, a/b = ${f3(pub.isocline.ab)} from OLMo's mean point`;
    return [
      { id, variant: 'as described' as const, value: count(f.calls, 'correctDescribed'), note: `${base}; above the isocline = tax` },
      { id, variant: 'as coded' as const, value: count(f.calls, 'correctCoded'), note: `${base}; above = BONUS as cape_algebraic_nc.py labels` },
      {
        id,
        variant: 'audited' as const,
        value: count(a.calls, 'correctDescribed'),
        note: `audited panel, ${a.calls.length} intervals, a/b = ${f3(aud.isocline.ab)}; above = tax`,
      },
    ];
  });
}

export function odeClaims(n: OdeNumbers, cfg: Config): ClaimResult[] {
  return [
    ...holdoutClaims(n, cfg),
    ...insampleClaims(n, cfg),
    ...sparseStructureClaims(n, cfg),
    ...phaseClaims(n, cfg),
    ...fixedPointClaims(n, cfg),
    ...isoclineClaims(n),
  ];
}
