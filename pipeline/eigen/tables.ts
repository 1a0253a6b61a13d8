import { BENCHMARKS, BENCHMARK_LABEL, BENCHMARK_SHORT } from '../config.ts';
import { FIVE_SCORES } from './pythia.ts';
import { pythiaTables, trendTables } from './pythia-tables.ts';
import type { EigenCore } from './types.ts';
import type { PhaseDeff } from './phases.ts';
import type { ClaimRow } from '../ingest.ts';
import { modelGammas } from './near-1b.ts';
import { olmoDelta, olmoGamma } from './olmo-sources.ts';
import type { CouplingContext } from '../stage-context.ts';
import { makeTable } from '../table.ts';
import type { Table } from '../types.ts';

/** "…, 26 models from 8 families" in a claim's quantity text, shown beside our counts (never computed with). */
export function paperCounts(claims: readonly ClaimRow[], id: string): { n: number; families: number } | null {
  const m = /(\d+) models? from (\d+) famil/.exec(claims.find((c) => c.id === id)?.quantity ?? '');
  return m ? { n: Number(m[1]), families: Number(m[2]) } : null;
}

const PHASE_CLAIM: Record<string, string> = { tax: 'A.s2_3.deff_tax', bonus: 'A.s2_3.deff_bonus', frontier: 'A.s2_3.deff_frontier' };

function phaseRows(rows: PhaseDeff[], claims: readonly ClaimRow[], bootstrapped: boolean) {
  return rows.map((d) => {
    const paper = PHASE_CLAIM[d.phase] ? paperCounts(claims, PHASE_CLAIM[d.phase]!) : null;
    return {
      panel: d.panel,
      rule: d.rule,
      phase: d.phase,
      n_assigned: d.nAssigned,
      n_models: d.nModels,
      n_families: d.nFamilies,
      paper_n: paper?.n ?? null,
      paper_families: paper?.families ?? null,
      deff_cov: d.deffCov,
      cov_low: bootstrapped ? (d.covCi?.[0] ?? null) : null,
      cov_high: bootstrapped ? (d.covCi?.[1] ?? null) : null,
      deff_corr: d.deffCorr,
      corr_low: bootstrapped ? (d.corrCi?.[0] ?? null) : null,
      corr_high: bootstrapped ? (d.corrCi?.[1] ?? null) : null,
      resamples: bootstrapped ? d.validResamples : null,
      models: d.models.join('; '),
    };
  });
}

function deffTable(e: EigenCore, ctx: CouplingContext): Table {
  const pct = Math.round(ctx.config.eigen.ciLevel * 100);
  return makeTable(
    'A-fig1d-deff-phases',
    `Effective dimensionality d_eff = (Σλ)²/Σλ² per phase over ${FIVE_SCORES} (Paper A §2.3, Fig. 1d)`,
    [
      ['panel', 'panel'],
      ['rule', 'phase rule'],
      ['phase', 'phase'],
      ['n_assigned', 'models with the phase'],
      ['n_models', 'models with all five scores (used)'],
      ['n_families', 'families (used)'],
      ['paper_n', 'paper: models (claims.csv text)'],
      ['paper_families', 'paper: families (claims.csv text)'],
      ['deff_cov', 'd_eff from the covariance matrix (scores in %)'],
      ['cov_low', `covariance d_eff, ${pct}% CI low (family-stratified bootstrap)`],
      ['cov_high', `covariance d_eff, ${pct}% CI high`],
      ['deff_corr', 'd_eff, correlation matrix'],
      ['corr_low', `correlation d_eff, ${pct}% CI low`],
      ['corr_high', `correlation d_eff, ${pct}% CI high`],
      ['resamples', 'valid bootstrap resamples'],
      ['models', 'models used'],
    ],
    [...phaseRows(e.phaseDeffs, ctx.data.claims, true), ...phaseRows(e.sensitivity, ctx.data.claims, false)],
    [
      `Phase rule "${ctx.config.eigen.phaseRule}": a model takes the phase of the interval that ends at it within its family (tax g12 < −${ctx.config.coupling.phaseThreshold}, bonus > +${ctx.config.coupling.phaseThreshold}); each family's smallest model has no phase; models missing any of the five scores are dropped. Other rules are shown without CIs.`,
      `Frontier = models of the authors' 26-model file with N >= ${ctx.config.eigen.frontierMinParamsB}B (closed-model sizes are the authors' assumptions); its TruthfulQA column is unnamed in the file. Authors' own "frontier" label in that file: ${
        ctx.data.internals.authors.labels26
          .filter((l) => l.phase === 'frontier')
          .map((l) => l.model)
          .join(', ') || 'none'
      }.`,
      'Bootstrap: each resample redraws every family’s models with replacement from that family only; a one-model family always contributes the same model, so the frontier CI collapses to the point.',
    ],
    ['panel', 'rule', 'phase'],
  );
}

function pcaTables(e: EigenCore, ctx: CouplingContext): Table[] {
  const a = ctx.data.internals.authors.pca26;
  const rows = e.pca26.corrValues.map((v, k) => {
    const s = a[k];
    return {
      component: `e${k + 1}`,
      corr_eig: v,
      corr_share: 100 * e.pca26.corrExplained[k]!,
      cov_eig: e.pca26.covValues[k]!,
      cov_share: 100 * e.pca26.covExplained[k]!,
      stored_eig: s?.eigenvalue ?? null,
      stored_share: s ? 100 * s.explained : null,
      ratio: s ? s.eigenvalue / v : null,
      ...Object.fromEntries(BENCHMARKS.map((b, j) => [`load_${b}`, e.pca26.loadings[k]![j]!])),
    };
  });
  const frontier = [
    ['as described', e.frontierIfeval],
    ['as coded', e.frontierIfevalAsCoded],
  ] as const;
  return [
    makeTable(
      'A-s2_3-pca-26models',
      `PCA of the authors' 26-model, 12-label set (cape_26models_9families.json) over HS, TQA, ARC, WG, MMLU (%)`,
      [
        ['component', 'component'],
        ['corr_eig', 'eigenvalue, correlation matrix'],
        ['corr_share', 'explained variance, correlation PCA (%)'],
        ['cov_eig', 'eigenvalue, covariance matrix (percent²)'],
        ['cov_share', 'explained variance, covariance PCA (%)'],
        ['stored_eig', 'authors’ stored eigenvalue'],
        ['stored_share', 'authors’ stored explained variance (%)'],
        ['ratio', 'authors’ eigenvalue / ours (correlation)'],
        ...BENCHMARKS.map((b) => [`load_${b}`, `loading on ${BENCHMARK_SHORT[b]}`] as [string, string]),
      ],
      rows,
      [
        `n = ${e.pca26.n} models. The file's TruthfulQA variant is not stated (values in the MC2 range). A ratio of n/(n−1) means the authors standardised with the population SD and then took the sample covariance. Authors' values from data/internals/authors_computed_26models_pca.csv, cross-check only.`,
      ],
      ['component'],
    ),
    makeTable(
      'A-appA9-frontier-deff',
      'Frontier d_eff over SWE-bench Verified, GPQA Diamond and IFEval (Paper A App. A.9)',
      [
        ['variant', 'variant'],
        ['source', 'scores from'],
        ['models', 'models with IFEval'],
        ['n', 'models'],
        ['deff_cov', 'd_eff, covariance'],
        ['deff_corr', 'd_eff, correlation'],
      ],
      frontier.map(([variant, f]) => ({
        variant,
        source: f.source,
        models: f.models.join('; '),
        n: f.models.length,
        deff_cov: f.deffCov,
        deff_corr: f.deffCorr,
      })),
      [
        'IFEval exists for these models only; its values are the ones typed into the authors’ scripts/cape_nc3_saturation.py. As coded uses that script’s SWE and GPQA too; as described takes them from the frontier panel.',
      ],
      ['variant'],
    ),
  ];
}

function olmoTable(e: EigenCore): Table {
  const rows = e.olmo.map((s) => ({
    source: s.source,
    small: s.small,
    large: s.large,
    hs_small: s.hsSmall,
    hs_large: s.hsLarge,
    d_hs: olmoDelta(s).dHs,
    tqa_small: s.tqaSmall,
    tqa_large: s.tqaLarge,
    d_tqa: olmoDelta(s).dTqa,
    g12: olmoGamma(s),
    note: s.note,
  }));
  return makeTable(
    'A-fig1c-olmo-sources',
    'OLMo 1B → 7B in each source (Paper A §2.2, Fig. 1c): the text says TQA is unchanged at one value; the files disagree',
    [
      ['source', 'source'],
      ['small', 'smaller model'],
      ['large', 'larger model'],
      ['hs_small', `${BENCHMARK_LABEL.hellaswag}, smaller (%)`],
      ['hs_large', `${BENCHMARK_LABEL.hellaswag}, larger (%)`],
      ['d_hs', 'ΔHS (pp)'],
      ['tqa_small', `${BENCHMARK_LABEL.truthfulqa_mc2}, smaller (%)`],
      ['tqa_large', `${BENCHMARK_LABEL.truthfulqa_mc2}, larger (%)`],
      ['d_tqa', 'ΔTQA (pp)'],
      ['g12', 'g12 = ΔTQA/ΔHS'],
      ['note', 'where the numbers come from'],
    ],
    rows,
    ['The 26-model file does not name its TruthfulQA variant; the leaderboard rows are MC2 0-shot.'],
    ['source'],
  );
}

function nearOneBTable(ctx: CouplingContext): Table {
  const rows = modelGammas([ctx.coupling.published, ctx.coupling.audited], [...ctx.config.eigen.near1bModels, 'Pythia-1B']).map((g) => ({
    panel: g.panel,
    model: g.model,
    next: g.startsAt?.to ?? null,
    g12_start: g.startsAt?.g12 ?? null,
    previous: g.endsAt?.from ?? null,
    g12_end: g.endsAt?.g12 ?? null,
  }));
  return makeTable(
    'A-s6-near-1b-gamma',
    `g12 = Δ${BENCHMARK_LABEL.truthfulqa_mc2}/Δ${BENCHMARK_LABEL.hellaswag} around the ~1B models of Paper A §6`,
    [
      ['panel', 'panel'],
      ['model', 'model'],
      ['next', 'next size'],
      ['g12_start', 'g12, interval starting at the model'],
      ['previous', 'previous size'],
      ['g12_end', 'g12, interval ending at the model'],
    ],
    rows,
    ['The paper does not say which interval "γ12 at ~1B" uses; both are shown.'],
    ['panel', 'model'],
  );
}

export function eigenTables(e: EigenCore, ctx: CouplingContext): Table[] {
  return [deffTable(e, ctx), ...pythiaTables(e, ctx), ...trendTables(e, ctx), ...pcaTables(e, ctx), olmoTable(e), nearOneBTable(ctx)];
}
