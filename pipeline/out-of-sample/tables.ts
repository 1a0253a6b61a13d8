/**
 * The out-of-sample tables (families, intervals with noise, N_c distributions,
 * prediction scores, per-family outcomes) and the plain sentences REPORT.md
 * prints, one per prediction and scoring set.
 */
import { BENCHMARK_LABEL, type Config } from '../config.ts';
import { intervalRecord } from '../intervals.ts';
import { makeTable } from '../table.ts';
import type { Table } from '../types.ts';
import type { OosNumbers, PredictionScore } from './types.ts';

const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(0)}%`);

export function registrationText(o: OosNumbers): string {
  const r = o.registration;
  const state = r.amended
    ? `amended after results: its SHA-256 is now ${r.currentSha256}, not the registered ${r.registeredSha256}`
    : `unchanged since (SHA-256 ${r.currentSha256})`;
  return `Predictions pre-registered in data/preregistration.csv, commit ${r.commit} (${r.committed}), before any out-of-sample code (first committed in ${r.firstCodeCommit}, a descendant); the file is ${state}.`;
}

function sentence(s: PredictionScore): string {
  const what = `${s.prediction} on ${s.set} families${s.prediction === 'P4' ? '' : `, ${s.signs} signs`}`;
  if (s.n === 0) return `${what}: not testable (nothing to score).`;
  const base =
    s.baselineScore === null ? '' : `; baseline ${pct(s.baselineScore)}${s.baselineP === null ? '' : ` (McNemar p = ${s.baselineP.toPrecision(2)})`}`;
  return `${what}: **${s.verdict}**, ${s.k} of ${s.n} (${pct(s.score)}, 95% CI ${pct(s.ciLow)}–${pct(s.ciHigh)})${base}.`;
}

export function outOfSampleSentences(o: OosNumbers): string[] {
  const statements = new Map(o.predictions.map((p) => [p.id, p.statement]));
  const out = [registrationText(o), ''];
  for (const p of o.predictions) {
    out.push(`**${p.id}.** ${statements.get(p.id)}`, '');
    for (const s of o.scores.filter((x) => x.prediction === p.id)) out.push(`- ${sentence(s)}`);
    const counter = o.outcomes.filter((x) => x.prediction === p.id && x.scored && x.hit === false && x.signs === 'raw').map((x) => `${x.family} (${x.detail})`);
    if (counter.length > 0) out.push('', `Families not as predicted${p.id === 'P4' ? '' : ' (raw signs)'}: ${counter.join('; ')}.`);
    out.push('');
  }
  return out;
}

export function outOfSampleTables(o: OosNumbers, cfg: Config): Table[] {
  const level = `${Math.round(cfg.noise.ciLevel * 100)}%`;
  const all = [...o.families.map((f) => ({ ...f, scored: true })), ...o.unscored.map((f) => ({ ...f, scored: false }))].sort((a, b) =>
    a.family < b.family ? -1 : 1,
  );
  return [
    makeTable(
      'oos-families',
      'Out of sample: the base-model families of the Open LLM Leaderboard v1 (data/leaderboard-families.csv) and their models',
      [
        ['family', 'family'],
        ['tier', 'tier (scratch: pretrained from scratch; derived: continued pretraining of another base)'],
        ['in_panel', 'the paper’s panel holds the family'],
        ['scoring_set', 'scoring set'],
        ['n_models', 'models with an evaluation'],
        ['sizes_b', 'sizes (B params)'],
        ['scored', 'scored (at least three distinct sizes)'],
        ['excluded_repos_note', 'repositories left out or kept with a caveat'],
      ],
      all.map((f) => ({
        family: f.family,
        tier: f.tier,
        in_panel: f.inPanel ? 'yes' : 'no',
        scoring_set: f.set,
        n_models: f.models.length,
        sizes_b: f.models.map((m) => m.paramsB).join(' '),
        scored: f.scored ? 'yes' : 'no',
        excluded_repos_note: f.excluded.join('; '),
      })),
      [
        'One evaluation per repository: float16, else bfloat16, else 8bit, else 4bit. Sizes are nominal, from the release name or model card.',
        registrationText(o),
      ],
      ['family'],
    ),
    makeTable(
      'oos-intervals',
      `Out of sample: g12 = Δ ${BENCHMARK_LABEL.truthfulqa_mc2} / Δ ${BENCHMARK_LABEL.hellaswag} between consecutive sizes, with measurement noise`,
      [
        ['family', 'family'],
        ['scoring_set', 'scoring set'],
        ['lower_repo', 'smaller model (repository)'],
        ['upper_repo', 'larger model (repository)'],
        ['lower_b', 'smaller size (B params)'],
        ['upper_b', 'larger size (B params)'],
        ['d_hs', 'ΔHS (pp)'],
        ['d_tqa', 'ΔTQA (pp)'],
        ['se_d_hs', 'SE of ΔHS (pp)'],
        ['se_d_tqa', 'SE of ΔTQA (pp)'],
        ['g12', 'g12'],
        ['p_g12_positive', 'P(g12 > 0) under score noise'],
        ['sign', 'sign under score noise (+, -, within noise, undefined)'],
      ],
      o.families.flatMap((f) =>
        f.coupling.intervals.map((iv, k) => {
          const { d_hs, d_tqa, se_d_hs, se_d_tqa, g12, p_g12_positive, sign } = intervalRecord(iv);
          return {
            family: f.family,
            scoring_set: f.set,
            lower_repo: f.models[k]!.hfId,
            upper_repo: f.models[k + 1]!.hfId,
            lower_b: iv.fromB,
            upper_b: iv.toB,
            d_hs,
            d_tqa,
            se_d_hs,
            se_d_tqa,
            g12,
            p_g12_positive,
            sign,
          };
        }),
      ),
      [
        `Standard errors from item counts (tables/noise-benchmarks); g12 is not computed where |ΔHS| is at or below ${cfg.coupling.minDeltaHs} pp, and its sign is "undefined" where |ΔHS| < ${cfg.noise.undefinedHsSe} SE.`,
      ],
      ['family', 'lower_repo', 'upper_repo'],
    ),
    makeTable(
      'oos-nc',
      'Out of sample: N_c per family, the point reading and its distribution under score noise',
      [
        ['family', 'family'],
        ['scoring_set', 'scoring set'],
        ['n_c_b', 'N_c, first negative→positive crossing (B params)'],
        ['p_defined', 'P(N_c defined) under score noise'],
        ['median_b', 'N_c median over noise draws that cross (B params)'],
        ['low_b', `N_c ${level} range low (B params)`],
        ['high_b', `N_c ${level} range high (B params)`],
      ],
      o.families.map((f) => ({
        family: f.family,
        scoring_set: f.set,
        n_c_b: f.nc.ncB,
        p_defined: f.coupling.noise?.nc.pDefined ?? null,
        median_b: f.coupling.noise?.nc.medianB ?? null,
        low_b: f.coupling.noise?.nc.lowB ?? null,
        high_b: f.coupling.noise?.nc.highB ?? null,
      })),
      [`${cfg.outOfSample.noiseDraws} draws of every score from N(score, SE²).`],
      ['family'],
    ),
    makeTable(
      'oos-predictions',
      'Out of sample: the pre-registered predictions (data/preregistration.csv), scored',
      [
        ['prediction', 'prediction'],
        ['scoring_set', 'scoring set'],
        ['signs', 'signs (raw: sign of g12; resolved: only signs noise resolves)'],
        ['n', 'scored units (intervals for P1, families otherwise)'],
        ['k', 'units as predicted'],
        ['score', 'score k/n'],
        ['ci_low', 'exact (Clopper–Pearson) 95% CI low'],
        ['ci_high', 'exact (Clopper–Pearson) 95% CI high'],
        ['baseline', 'baseline'],
        ['baseline_score', 'baseline score'],
        ['baseline_p', 'exact McNemar p, P1 against the baseline'],
        ['verdict', 'verdict by the pre-registered rule'],
      ],
      o.scores.map((s) => ({
        prediction: s.prediction,
        scoring_set: s.set,
        signs: s.signs,
        n: s.n,
        k: s.k,
        score: s.score,
        ci_low: s.ciLow,
        ci_high: s.ciHigh,
        baseline: s.baseline,
        baseline_score: s.baselineScore,
        baseline_p: s.baselineP,
        verdict: s.verdict,
      })),
      [registrationText(o), 'P4 involves no sign and is scored once. A prediction that fails is a finding and is reported as plainly as one that holds.'],
      ['prediction', 'scoring_set', 'signs'],
    ),
    makeTable(
      'oos-prediction-families',
      'Out of sample: what each prediction made of each family (counterexamples included)',
      [
        ['prediction', 'prediction'],
        ['scoring_set', 'scoring set'],
        ['signs', 'signs'],
        ['family', 'family'],
        ['scored', 'scored'],
        ['as_predicted', 'as predicted'],
        ['detail', 'detail'],
      ],
      o.outcomes.map((x) => ({
        prediction: x.prediction,
        scoring_set: x.set,
        signs: x.signs,
        family: x.family,
        scored: x.scored ? 'yes' : 'no',
        as_predicted: x.hit === null ? '' : x.hit ? 'yes' : 'no',
        detail: x.detail,
      })),
      [],
      ['prediction', 'scoring_set', 'signs', 'family'],
    ),
  ];
}
