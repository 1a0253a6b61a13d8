import type { FrontierAnalysis } from './analysis.ts';
import { claim, f } from './claims-panel.ts';
import { pearson } from '../stats/pearson.ts';
import type { FrontierConfig } from './regression.ts';
import type { FrontierBenchmark, FrontierData } from './ingest.ts';
import type { ClaimRow } from '../ingest.ts';
import type { ClaimResult } from '../types.ts';

/** Claims about saturation, the coupling matrix, IFEval/HLE, the predictions and the statements that have no data. */

function saturationClaims(a: FrontierAnalysis, cfg: FrontierConfig): ClaimResult[] {
  const row = (pop: string, old: FrontierBenchmark, rank: FrontierBenchmark) =>
    a.saturation.find((s) => s.population === pop && s.old === old && s.rankedBy === rank)!;
  const main = row('frozen', 'swe_verified', 'swe_verified');
  const core = row('core', 'swe_verified', 'swe_verified');
  const all = row('all rows', 'swe_verified', 'swe_verified');
  const set = `top-${cfg.topK} frozen models by SWE-bench Verified (${main.models.join(', ')})`;
  const others = `core top-${cfg.topK}: SWE ${f(core.spreadOld)} / GPQA ${f(core.spreadNew)} pp; all rows: SWE ${f(all.spreadOld)} / GPQA ${f(all.spreadNew)} pp`;
  const hle = row('frozen', 'gpqa_diamond', 'gpqa_diamond');
  const noHle = 'no HLE scores in data/frontier/models.csv: not computable';
  return [
    claim('B.s5_1.swe_spread', 'as described', main.spreadOld, `SWE max − min over the ${set}; ${others}`),
    claim('B.s5_1.gpqa_spread', 'as described', main.spreadNew, `GPQA max − min over the same ${set}`),
    claim('B.s6.sigma_swe_gpqa', 'as described', main.sigma, `σ = SWE spread / GPQA spread over the ${set}; core: ${f(core.sigma)}, all rows: ${f(all.sigma)}`),
    claim('B.s6.sigma_gpqa_hle', 'as described', hle.sigma, `${noHle}; GPQA spread over the top-${cfg.topK} by GPQA is the only computable part`),
    claim('B.fig4.hle_spread', 'as described', null, noHle),
  ];
}

function matrixClaims(a: FrontierAnalysis, data: FrontierData, cfg: FrontierConfig): ClaimResult[] {
  const pair = (x: FrontierBenchmark, y: FrontierBenchmark) => a.pairs.find((p) => (p.a === x && p.b === y) || (p.a === y && p.b === x))!;
  const pop = cfg.matrixPopulation === 'frozen' ? 'frozen-panel' : 'all';
  const out: ClaimResult[] = [];
  for (const [x, y, tag] of [
    ['swe_verified', 'gpqa_diamond', 'swe_gpqa'],
    ['gpqa_diamond', 'hle', 'gpqa_hle'],
    ['swe_verified', 'hle', 'swe_hle'],
  ] as const) {
    const p = pair(x, y);
    const why =
      p.r === null
        ? `n = ${p.n} ${pop} rows with both scores: no r (HLE has no released per-model scores)`
        : `pairwise over ${p.n} ${pop} rows (the paper's Table 2 subset is not released)`;
    out.push(claim(`B.tab2.r_${tag}`, 'as described', p.r, `Pearson r ${why}`), claim(`B.tab2.p_${tag}`, 'as described', p.p, `two-sided p, ${why}`));
  }
  const gi = pair('gpqa_diamond', 'ifeval');
  const script = data.nc3Script.filter((r) => r.scores.gpqa_diamond !== null && r.scores.ifeval !== null);
  const rScript = pearson(
    script.map((r) => r.scores.gpqa_diamond!),
    script.map((r) => r.scores.ifeval!),
  );
  out.push(
    claim('B.s5_1.r_gpqa_ifeval', 'as described', gi.r, `r(GPQA, IFEval) over ${gi.n} panel models with IFEval (panel GPQA)`),
    claim('B.s5_1.r_gpqa_ifeval', 'as coded', rScript, `r(GPQA, IFEval) over ${script.length} rows of the authors' Nc3 script table (its own GPQA values)`),
  );
  const ife = a.models.filter((m) => m.scores.ifeval !== null).map((m) => m.scores.ifeval!);
  out.push(
    claim('B.s6.ifeval_range', 'as described', null, `min and max IFEval over the ${ife.length} rows that have it`, Math.min(...ife), Math.max(...ife)),
    claim('B.s8.lim_nc3_n', 'as described', ife.length, 'rows of data/frontier/models.csv with an IFEval score'),
  );
  const below = a.models.filter((m) => m.scores.ifeval !== null && m.scores.gpqa_diamond !== null && m.scores.ifeval < m.scores.gpqa_diamond).length;
  out.push(
    claim(
      'B.absv2.isocline_below',
      'as described',
      null,
      `the isocline constant is not given; closest computable: ${below} of ${ife.length} models with IFEval lie below the IFEval = GPQA line`,
    ),
  );
  return out;
}

/** A prediction claim carries the current value of its first variable; the ledger marks every prediction "future". */
function predictionClaims(a: FrontierAnalysis, claims: readonly ClaimRow[]): ClaimResult[] {
  return a.predictions.flatMap((e) => {
    const c = claims.find((x) => x.id.startsWith(`B.s6_1.pred${e.rule.id}_`));
    if (!c) return [];
    const first = e.variables[0];
    const vars = e.variables.map((v) => `${v.variable} = ${f(v.value, 4)}`).join(', ');
    return [claim(c.id, 'as described', first?.value ?? null, `status ${e.status} as of ${e.asOf} (newest release date in the panel): ${vars}; ${e.reason}`)];
  });
}

const NO_DATA: [string, string][] = [
  ['B.fig2.nc3', 'no derivation or data for Nc3 ≈ 114B; not computable'],
  ['B.fig2.nc4_range', 'a prediction with no data behind it; not computable'],
  ['B.appD.diagnostics', 'no computation of the twelve diagnostics is released'],
  ['B.s5_2.hs_tqa_tax', 'measure and source not given'],
  ['B.s5_2.hs_tqa_bonus', 'measure and source not given'],
  ['B.s5_2.hs_tqa_nc2', 'measure and source not given'],
];

export function axesClaims(a: FrontierAnalysis, data: FrontierData, claims: readonly ClaimRow[], cfg: FrontierConfig): ClaimResult[] {
  return [
    ...saturationClaims(a, cfg),
    ...matrixClaims(a, data, cfg),
    ...predictionClaims(a, claims),
    ...NO_DATA.map(([id, why]) => claim(id, 'as described', null, why)),
  ];
}
