import type { FrontierAnalysis } from './analysis.ts';
import { excursions } from './labs.ts';
import type { FrontierConfig, PanelRow } from './regression.ts';
import type { ClaimRow } from '../ingest.ts';
import { mean } from '../stats/describe.ts';
import type { ClaimResult, Variant } from '../types.ts';

/** Claims about the SWE–GPQA regression, the h-field and the labs, in each claim's unit. */

export const claim = (id: string, variant: Variant, value: number | null, note: string, low?: number | null, high?: number | null): ClaimResult =>
  low === undefined && high === undefined ? { id, variant, value, note } : { id, variant, value, low, high, note };

export const f = (x: number | null | undefined, digits = 3): string =>
  typeof x === 'number' && Number.isFinite(x) ? Number(x.toPrecision(digits)).toString() : 'n/a';

/** Claim ids name a model by its slug: "GPT-5.4 std" → "gpt_5_4_std". */
export const slug = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

function regressionClaims(a: FrontierAnalysis): ClaimResult[] {
  const fit = a.fit;
  const sub = (key: string) => a.subsets.find((s) => s.key === key)!;
  const n = `OLS of GPQA Diamond on SWE-bench Verified, ${fit.n} frozen models`;
  const out: ClaimResult[] = [
    claim('B.abs.r', 'as described', fit.r, `${n}: Pearson r`),
    claim('A.abs.frontier_r', 'as described', fit.r, `${n}: Pearson r`),
    claim('B.abs.p', 'as described', fit.p, `${n}: exact two-sided p of r (t test, ${fit.n - 2} df)`),
    claim('A.s7_2.frontier_p', 'as described', fit.p, `${n}: exact two-sided p of r (t test, ${fit.n - 2} df)`),
    claim(
      'B.s3_4.slope',
      'as described',
      fit.slope,
      `${n}: slope with t-based 95% CI (SE ${f(fit.slopeSe)}; the printed ±0.08 is about 1 SE)`,
      fit.slopeCi95[0],
      fit.slopeCi95[1],
    ),
    claim(
      'B.s3_4.intercept',
      'as described',
      fit.intercept,
      `${n}: intercept with t-based 95% CI (SE ${f(fit.interceptSe)})`,
      fit.interceptCi95[0],
      fit.interceptCi95[1],
    ),
    claim('A.appA.frontier_slope', 'as described', fit.slope, `${n}: slope (SE ${f(fit.slopeSe)})`),
    claim('A.appA.frontier_intercept', 'as described', fit.intercept, `${n}: intercept (SE ${f(fit.interceptSe)})`),
    claim('B.abs.r_refit', 'as described', sub('all_rows').fit.r, `Pearson r over every row (${sub('all_rows').fit.n}: frozen + post-cutoff)`),
  ];
  for (const [key, rId, pId] of [
    ['core', 'B.s4_1.r_core', 'B.s4_1.p_core'],
    ['swe_ge', 'B.s4_1.r_swe40', 'B.s4_1.p_swe40'],
    ['no_compute_tier_described', 'B.s4_1.r_no_compute_tier', 'B.s4_1.p_no_compute_tier'],
    ['no_compute_tier_coded', 'B.s4_1.r_no_compute_tier', 'B.s4_1.p_no_compute_tier'],
  ] as const) {
    const s = sub(key);
    const what = `${s.label}, n = ${s.fit.n}` + (s.excluded.length > 0 && s.excluded.length <= 4 ? `; drops ${s.excluded.join(', ')}` : '');
    out.push(claim(rId, s.variant, s.fit.r, `Pearson r, ${what}`), claim(pId, s.variant, s.fit.p, `exact two-sided p, ${what}`));
  }
  return out;
}

function countClaims(a: FrontierAnalysis, cfg: FrontierConfig): ClaimResult[] {
  const frozen = a.rows.filter((r) => r.frozen);
  const labs = new Set(frozen.map((r) => r.model.lab));
  const year = (r: PanelRow) => Number(r.model.releaseDate.slice(0, 4));
  const early = frozen.filter((r) => r.model.releaseDate !== '' && year(r) < 2025);
  const late = frozen.filter((r) => r.model.releaseDate !== '' && year(r) >= 2025);
  const sweRange = (rs: PanelRow[]) =>
    [Math.min(...rs.map((r) => r.model.scores.swe_verified!)), Math.max(...rs.map((r) => r.model.scores.swe_verified!))] as const;
  const [eLo, eHi] = sweRange(early);
  const [lLo, lHi] = sweRange(late);
  const labN = (lab: string) => a.labs.find((l) => l.lab === lab);
  const anthropic = labN('Anthropic');
  return [
    claim('B.abs.n_models', 'as described', frozen.length, `rows with panel = ${cfg.frozenPanel}, from ${labs.size} labs`),
    claim('B.s3_2.n_core', 'as described', frozen.filter((r) => r.model.subset === 'core').length, 'frozen rows with subset = core'),
    claim('B.abs.n_post', 'as described', a.rows.length - frozen.length, `rows outside the frozen panel (post-cutoff); newest release ${a.asOf}`),
    claim(
      'B.s4_1.n_pre2025',
      'as described',
      early.length,
      `frozen models whose stored release date is before 2025: ${early.map((r) => r.model.model).join(', ')}`,
    ),
    claim('B.s4_1.swe_range_pre2025', 'as described', null, `SWE-bench Verified range of the ${early.length} frozen models dated before 2025`, eLo, eHi),
    claim('B.s4_1.n_2025on', 'as described', late.length, 'frozen models dated 2025 or later (six are dated by year only)'),
    claim('B.s4_1.swe_range_2025on', 'as described', null, `SWE-bench Verified range of the ${late.length} frozen models dated 2025 or later`, lLo, lHi),
    claim(
      'B.s8.lim_anthropic_n',
      'as described',
      anthropic?.nFrozen ?? null,
      `Anthropic rows in the frozen panel (core + extended); ${(anthropic?.nFrozen ?? 0) + (anthropic?.nPost ?? 0)} with post-cutoff rows`,
    ),
    claim('B.s8.lim_openai_n', 'as described', labN('OpenAI')?.nFrozen ?? null, 'OpenAI rows in the frozen panel (core + extended)'),
    claim(
      'B.s8.lim_single_labs',
      'as described',
      a.labs.filter((l) => l.nFrozen === 1).length,
      `labs with one frozen model: ${a.labs
        .filter((l) => l.nFrozen === 1)
        .map((l) => l.lab)
        .join(', ')}`,
    ),
  ];
}

function hClaims(a: FrontierAnalysis, claims: readonly ClaimRow[], cfg: FrontierConfig): ClaimResult[] {
  const known = new Set(claims.map((c) => c.id));
  const out: ClaimResult[] = [];
  for (const r of a.rows) {
    const id = `B.tab3.h_${slug(r.model.model)}`;
    if (!known.has(id)) continue;
    out.push(
      claim(
        id,
        'as described',
        r.h,
        `GPQA − (${f(a.fit.slope, 4)}·SWE + ${f(a.fit.intercept, 4)}), the unrounded frozen-panel line; ${r.phase}, ${r.playbook}`,
      ),
    );
  }
  const row = (name: string) => a.rows.find((r) => r.model.model === name);
  const opus46 = row('Claude Opus 4.6');
  if (opus46) out.push(claim('B.s2_2.opus46_h_example', 'as described', opus46.h, 'h of Claude Opus 4.6 from the unrounded frozen line'));
  const sonnet = row('Claude Sonnet 4.6');
  const lowest = (rs: PanelRow[]) => rs.reduce((m, r) => (r.h < m.h ? r : m));
  const core = a.rows.filter((r) => r.frozen && r.model.subset === 'core');
  if (sonnet) {
    const all = lowest(a.rows);
    const c = lowest(core);
    out.push(
      claim(
        'B.s4_2.sonnet46_deepest',
        'as described',
        sonnet.h,
        `h of Claude Sonnet 4.6; lowest core h is ${c.model.model} (${f(c.h)}), lowest in the panel is ${all.model.model} (${f(all.h)})`,
      ),
    );
  }
  const opus47 = row('Claude Opus 4.7');
  if (opus47) {
    out.push(claim('B.s8.opus47_pred', 'as described', opus47.predicted, `frozen line at SWE ${opus47.model.scores.swe_verified}`));
    // The worked example's GPQA is hypothetical: it is read from the claim text at run time only to check the paper's arithmetic.
    const hyp = /hypothetical GPQA of ([0-9.]+)/.exec(claims.find((c) => c.id === 'B.s8.hypothetical_h')?.quantity ?? '');
    if (hyp)
      out.push({
        ...claim(
          'B.s8.hypothetical_h',
          'as described',
          Number(hyp[1]) - opus47.predicted,
          `the paper's hypothetical GPQA ${hyp[1]} minus the frozen-line prediction ${f(opus47.predicted, 4)}`,
        ),
        basis: 'claims-text',
      });
  }
  const post = a.rows.filter((r) => !r.frozen);
  const inside = post.filter((r) => r.model.scores.gpqa_diamond! >= r.piLow && r.model.scores.gpqa_diamond! <= r.piHigh);
  out.push(
    claim(
      'B.absv2.pi_inside',
      'as described',
      inside.length,
      `post-cutoff rows inside the ${cfg.predictionIntervalLevel * 100}% prediction interval of the frozen line (of ${post.length}); interval half-width ${f((post[0]?.piHigh ?? NaN) - (post[0]?.predicted ?? NaN))} GPQA points`,
    ),
  );
  return out;
}

function labClaims(a: FrontierAnalysis, cfg: FrontierConfig): ClaimResult[] {
  const out: ClaimResult[] = [];
  for (const l of a.labs) {
    const id = `B.tab1.hbar_${slug(l.lab)}`;
    out.push(
      claim(
        id,
        'as described',
        l.hCore,
        l.hCore === null
          ? `no core model for ${l.lab}: the caption's core-only mean is undefined`
          : `mean h over the ${l.nCore} core ${l.lab} models (frozen line)`,
      ),
      claim(id, 'as coded', l.hFrozen, `mean h over all ${l.nFrozen} frozen ${l.lab} models (the authors' per_lab mean_h_all)`),
    );
  }
  const lab = (name: string) => a.labs.find((l) => l.lab === name);
  const google = lab('Google');
  if (google)
    out.push(claim('B.s8.google_incl_ext', 'as described', google.hFrozen, `mean h over all ${google.nFrozen} frozen Google models (core + extended)`));
  const moon = a.rows.filter((r) => r.model.lab === 'Moonshot');
  out.push(
    claim(
      'B.s8.moonshot_incl_post',
      'as described',
      mean(moon.map((r) => r.h)),
      `mean h (frozen line) over ${moon.map((r) => `${r.model.model} ${f(r.h)}`).join(', ')}; refit h: ${moon.map((r) => `${r.model.model} ${f(r.hRefit)}`).join(', ')}`,
    ),
    claim(
      'B.s8.moonshot_incl_post',
      'as coded',
      mean(moon.map((r) => r.hRefit)),
      `mean h from the line refitted on every row (the authors' refit_39), over ${moon.length} Moonshot rows`,
    ),
  );
  const fits = a.labFits;
  const slope = (name: string) => fits.find((x) => x.lab === name);
  for (const [id, name] of [
    ['B.abs.slope_google', 'Google'],
    ['B.abs.slope_deepseek', 'DeepSeek'],
  ] as const) {
    const x = slope(name);
    if (x) out.push(claim(id, 'as described', x.fit.slope, `within-lab OLS over ${x.n} frozen ${name} models (r = ${f(x.fit.r)})`));
  }
  const g = slope('Google');
  const d = slope('DeepSeek');
  if (g && d) out.push(claim('B.abs.slope_ratio', 'as described', g.fit.slope / d.fit.slope, 'Google slope / DeepSeek slope (frozen panel)'));
  const bounded = fits.filter((x) => x.n >= cfg.perLabRMinModels);
  const minR = bounded.length > 0 ? bounded.reduce((m, x) => (x.fit.r < m.fit.r ? x : m)) : null;
  out.push(
    claim(
      'B.s4_2.perlab_r',
      'as described',
      minR?.fit.r ?? null,
      `smallest within-lab r among labs with >= ${cfg.perLabRMinModels} frozen models: ${bounded.map((x) => `${x.lab} ${f(x.fit.r)} (${x.n})`).join(', ')}`,
    ),
  );
  const lolo = a.lolo;
  const inSum = lolo.labs.filter((l) => l.inSummary);
  const unit = 'mean absolute error in GPQA points';
  for (const l of inSum) {
    out.push(
      claim(
        `B.s4_3.lolo_${slug(l.lab)}`,
        'as described',
        l.mae,
        `leave-one-lab-out: fit on the other ${l.train.length} frozen models, ${unit} over ${l.nTest} ${l.lab} models (${f(l.relativeMaePct)}% of actual GPQA)`,
      ),
    );
  }
  const labs = inSum.map((l) => l.lab).join(', ');
  out.push(
    claim('B.s4_3.lolo_mean', 'as described', lolo.mean, `mean over ${inSum.length} labs with >= ${cfg.minModelsPerLab} models (${labs}); ${unit}`),
    claim('A.appA.lolo', 'as described', lolo.mean, `mean over ${inSum.length} labs (${labs}); ${unit}`),
    claim('B.s4_3.lolo_sd', 'as described', lolo.sdSample, `sample SD (n − 1) of the ${inSum.length} per-lab MAEs`),
    claim('B.s4_3.lolo_sd', 'as coded', lolo.sdPopulation, `population SD (n, numpy np.std default) of the ${inSum.length} per-lab MAEs`),
  );
  return out;
}

function trajectoryClaims(a: FrontierAnalysis, cfg: FrontierConfig): ClaimResult[] {
  const out: ClaimResult[] = [];
  const step = (from: string, to: string) => a.steps.find((s) => s.names[0] === from && s.names[1] === to);
  const ds = step('DeepSeek-V2.5', 'DeepSeek V3.2');
  if (ds?.dh != null)
    out.push(claim('B.abs.deepseek_swing', 'as described', Math.abs(ds.dh), `h(DeepSeek-V2.5) − h(DeepSeek V3.2) = ${f(ds.from!.h)} − (${f(ds.to!.h)})`));
  const gpt = step('GPT-5.4 std', 'GPT-5.4 xhigh');
  if (gpt?.dh != null)
    out.push(
      claim(
        'B.s4_4.compute_dh',
        'as described',
        gpt.dh,
        `h(GPT-5.4 xhigh) − h(GPT-5.4 std), same SWE ${gpt.from!.model.scores.swe_verified}, so Δh is the GPQA difference`,
      ),
    );
  const deep = a.trajectories.get('DeepSeek') ?? [];
  const frozenDeep = deep.filter((p) => p.row.frozen);
  const points = [deep[0], frozenDeep[frozenDeep.length - 1], deep[deep.length - 1]];
  points.forEach((p, i) => {
    if (!p) return;
    const id = `B.s8.deepseek_traj_${i + 1}`;
    const which = ['first release', 'last frozen release', 'latest release'][i];
    out.push(
      claim(id, 'as described', p.row.h, `${which}: ${p.row.model.model}, h from the frozen line`),
      claim(id, 'as coded', p.row.hRefit, `${which}: ${p.row.model.model}, h from the line refitted on every row (refit_39)`),
    );
  });
  const anth = a.trajectories.get('Anthropic') ?? [];
  const order = anth.map((p) => `${p.row.model.model} ${f(p.row.h, 2)}`).join(' → ');
  out.push(
    claim(
      'B.s8.anthropic_excursions',
      'as described',
      excursions(anth, cfg.cooperativeBand),
      `runs of consecutive releases with h < −${cfg.cooperativeBand} in release order (year-only dates as December, same-month ties by name): ${order}`,
    ),
  );
  return out;
}

export function panelClaims(a: FrontierAnalysis, claims: readonly ClaimRow[], cfg: FrontierConfig): ClaimResult[] {
  return [...regressionClaims(a), ...countClaims(a, cfg), ...hClaims(a, claims, cfg), ...labClaims(a, cfg), ...trajectoryClaims(a, cfg)];
}
