import { BENCHMARK_LABEL, type Config } from './config.ts';
import { familyIntervals, intervalRecord, modelPhases, type Interval } from './intervals.ts';
import { familiesOf } from './panels.ts';
import { familyNoiseSource, type FamilyNoise, type FamilyNoiseSource } from './noise/family-draws.ts';
import { SCORED_BENCHMARKS } from './noise/benchmarks.ts';
import type { NoiseModel } from './noise/noise-model.ts';
import type { Phase } from './phase.ts';
import { partialCorrelation, pearson, pearsonP } from './stats/pearson.ts';
import { permutationTest, type PermutationResult } from './stats/permutation.ts';
import type { Rng } from './stats/rng.ts';
import { makeTable } from './table.ts';
import type { ClaimResult, Model, Panel, PanelName, StageOutput } from './types.ts';

export const PAIRS = [
  ['hellaswag', 'truthfulqa_mc2'],
  ['truthfulqa_mc2', 'arc'],
  ['truthfulqa_mc2', 'winogrande'],
  ['truthfulqa_mc2', 'mmlu'],
] as const;
type Pair = (typeof PAIRS)[number];
const pairKey = (p: Pair) => `${p[0]}_vs_${p[1]}`;

export interface Correlation {
  pair: string;
  n: number;
  r: number;
  p: number;
}

export interface FamilyCoupling {
  family: string;
  models: Model[];
  intervals: Interval[];
  phases: Map<string, Phase | null>;
  correlations: Correlation[];
  permutation: PermutationResult | null;
  partial: { r: number; p: number } | null;
  /** Measurement noise: N_c distribution, r and g12 intervals under score noise; null without a noise model. */
  noise: FamilyNoise | null;
}

export interface PhaseCorrelation {
  phase: Phase;
  nModels: number;
  nFamilies: number;
  r: number;
  p: number;
}

export interface PanelCoupling {
  panel: PanelName;
  families: FamilyCoupling[];
  byPhase: PhaseCorrelation[];
}

export interface CouplingOutput extends StageOutput {
  published: PanelCoupling;
  audited: PanelCoupling;
  /** Contributed families, computed alike with their own random streams; never pooled with the paper's panels. */
  contributed: PanelCoupling;
}

/** Pearson r of two benchmarks over the models that have both. */
export function correlate(models: readonly Model[], pair: Pair): Correlation {
  const both = models.filter((m) => m.scores[pair[0]] !== null && m.scores[pair[1]] !== null);
  const x = both.map((m) => m.scores[pair[0]]!);
  const y = both.map((m) => m.scores[pair[1]]!);
  const r = both.length >= 3 ? pearson(x, y) : NaN;
  return { pair: pairKey(pair), n: both.length, r, p: pearsonP(r, both.length) };
}

function hsTqa(models: readonly Model[]): { x: number[]; y: number[]; logN: number[] } {
  const both = models.filter((m) => m.scores.hellaswag !== null && m.scores.truthfulqa_mc2 !== null);
  return { x: both.map((m) => m.scores.hellaswag!), y: both.map((m) => m.scores.truthfulqa_mc2!), logN: both.map((m) => Math.log10(m.paramsB * 1e9)) };
}

export function familyCoupling(family: string, models: Model[], cfg: Config, rng: Rng, noise?: FamilyNoiseSource): FamilyCoupling {
  const intervals = familyIntervals(models, cfg.coupling.minDeltaHs, cfg.coupling.phaseThreshold, noise?.model);
  const { x, y, logN } = hsTqa(models);
  const permutation =
    x.length >= 3
      ? permutationTest(x, y, rng.fork(family), { exactMaxN: cfg.coupling.exactPermutationMaxN, permutations: cfg.coupling.monteCarloPermutations })
      : null;
  const partial = x.length >= 4 && new Set(logN).size > 1 ? partialCorrelation(x, y, logN) : null;
  return {
    family,
    models,
    intervals,
    phases: modelPhases(intervals),
    correlations: PAIRS.map((p) => correlate(models, p)),
    permutation,
    partial,
    noise: noise?.draw(family, models) ?? null,
  };
}

/** Score-noise draws with the config's settings, forked from `rng` by family name. */
export function couplingNoise(model: NoiseModel, cfg: Config, rng: Rng): FamilyNoiseSource {
  return familyNoiseSource(model, { draws: cfg.noise.draws, level: cfg.noise.ciLevel, minDeltaHs: cfg.coupling.minDeltaHs }, rng);
}

export function panelCoupling(panel: Panel, cfg: Config, rng: Rng, noise?: FamilyNoiseSource): PanelCoupling {
  const families = [...familiesOf(panel).entries()].map(([f, ms]) => familyCoupling(f, ms, cfg, rng.fork(panel.name), noise));
  const byPhase = (['tax', 'transition', 'bonus'] as const).map((phase) => {
    const members = families.flatMap((f) => f.models.filter((m) => f.phases.get(m.model) === phase));
    const c = correlate(members, PAIRS[0]);
    return { phase, nModels: members.length, nFamilies: new Set(members.map((m) => m.family)).size, r: c.r, p: c.p };
  });
  return { panel: panel.name, families, byPhase };
}

const pairLabel = (k: string) => {
  const [a, b] = k.split('_vs_') as [keyof typeof BENCHMARK_LABEL, keyof typeof BENCHMARK_LABEL];
  return `r(${BENCHMARK_LABEL[a]}, ${BENCHMARK_LABEL[b]})`;
};

function tables(results: PanelCoupling[], noise: NoiseModel, cfg: Config) {
  const intervalRows = results.flatMap((pc) =>
    pc.families.flatMap((f) =>
      f.intervals.map((iv, k) => {
        const range = f.noise?.g12[k] ?? null;
        return { panel: pc.panel, family: f.family, ...intervalRecord(iv), g12_noise_low: range?.[0] ?? null, g12_noise_high: range?.[1] ?? null };
      }),
    ),
  );
  const level = `${Math.round(cfg.noise.ciLevel * 100)}%`;
  const [pLow, pHigh] = cfg.noise.resolvedP;
  const familyRows = results.flatMap((pc) =>
    pc.families.map((f) => {
      const row: Record<string, number | string | null> = { panel: pc.panel, family: f.family, n: f.models.length };
      for (const c of f.correlations) {
        row[`r_${c.pair}`] = c.r;
        row[`p_${c.pair}`] = c.p;
      }
      row.perm_p = f.permutation?.pTwoSided ?? null;
      row.perm_method = f.permutation ? `${f.permutation.method} (${f.permutation.permutations} orderings)` : 'n < 3';
      row.perm_min_p = f.permutation?.minAttainableP ?? null;
      row.partial_r = f.partial?.r ?? null;
      row.partial_p = f.partial?.p ?? null;
      row.r_noise_low = f.noise?.r?.[0] ?? null;
      row.r_noise_high = f.noise?.r?.[1] ?? null;
      return row;
    }),
  );
  const corrColumns: [string, string][] = PAIRS.flatMap((p) => {
    const k = pairKey(p);
    return [
      [`r_${k}`, pairLabel(k)],
      [`p_${k}`, `p (parametric, two-sided) of ${pairLabel(k)}`],
    ] as [string, string][];
  });
  // Pooling across families by phase is a statement about the paper's panel; contributed families stay out of it.
  const phaseRows = results
    .filter((pc) => pc.panel !== 'contributed')
    .flatMap((pc) => pc.byPhase.map((b) => ({ panel: pc.panel, phase: b.phase, n_models: b.nModels, n_families: b.nFamilies, r: b.r, p: b.p })));
  return [
    makeTable(
      'A-s2-coupling-intervals',
      'Local coupling g12 = ΔTQA/ΔHS between consecutive sizes within each family (Paper A §2)',
      [
        ['panel', 'panel'],
        ['family', 'family'],
        ['from', 'from model'],
        ['to', 'to model'],
        ['from_b', 'N from (B params)'],
        ['to_b', 'N to (B params)'],
        ['mid_b', 'N midpoint, geometric mean (B params)'],
        ['d_hs', `Δ ${BENCHMARK_LABEL.hellaswag} (pp)`],
        ['d_tqa', `Δ ${BENCHMARK_LABEL.truthfulqa_mc2} (pp)`],
        ['g12', 'g12 = ΔTQA/ΔHS'],
        ['phase', 'phase (tax < -0.1 < transition < +0.1 < bonus)'],
        ['flag', 'flag'],
        ['se_d_hs', 'SE of ΔHS (pp), unpaired'],
        ['se_d_tqa', 'SE of ΔTQA (pp), unpaired'],
        ['p_g12_positive', 'P(g12 > 0) under score noise'],
        ['sign', 'sign of g12 under score noise (+, -, within noise, undefined)'],
        ['g12_noise_low', `g12, ${level} range under score noise, low`],
        ['g12_noise_high', `g12, ${level} range under score noise, high`],
      ],
      intervalRows,
      [
        'g12 is not computed when |ΔHS| is at or below the configured minimum; such rows are flagged "near-zero ΔHS".',
        `Noise: each score carries its standard error (tables/noise-benchmarks); SE(Δ) = sqrt(SE_a² + SE_b²). P(g12 > 0) = Φ(a)Φ(b) + Φ(−a)Φ(−b), a = ΔHS/SE(ΔHS), b = ΔTQA/SE(ΔTQA). The sign is "+" when P > ${pHigh}, "-" when P < ${pLow}, "within noise" between, and "undefined" when |ΔHS| < ${cfg.noise.undefinedHsSe}·SE(ΔHS) (phase labels are then not supported by the data).`,
        `The g12 range comes from ${cfg.noise.draws} draws of every score from N(score, SE²), over the draws where g12 is computed.`,
      ],
      ['panel', 'family', 'from', 'to'],
    ),
    makeTable(
      'A-s2-family-correlations',
      'Within-family Pearson correlations, permutation test and partial correlation (Paper A §2.1)',
      [
        ['panel', 'panel'],
        ['family', 'family'],
        ['n', 'models'],
        ...corrColumns,
        ['perm_p', 'permutation p, two-sided, r(HS, TQA)'],
        ['perm_method', 'permutation method'],
        ['perm_min_p', 'smallest attainable permutation p'],
        ['partial_r', 'partial r(HS, TQA | log10 N)'],
        ['partial_p', 'p of partial r (n - 3 df)'],
        ['r_noise_low', `r(HS, TQA), ${level} range under score noise, low`],
        ['r_noise_high', `r(HS, TQA), ${level} range under score noise, high`],
      ],
      familyRows,
      [
        `Permutation tests enumerate all n! orderings up to n = ${cfg.coupling.exactPermutationMaxN} and draw ${cfg.coupling.monteCarloPermutations} random orderings above it (the method column says which); orderings that tie the observed |r| count as extreme.`,
      ],
      ['panel', 'family'],
    ),
    makeTable(
      'A-s2-phase-correlations',
      `Population coupling per phase: r(${BENCHMARK_LABEL.hellaswag}, ${BENCHMARK_LABEL.truthfulqa_mc2}) across models in each phase`,
      [
        ['panel', 'panel'],
        ['phase', 'phase'],
        ['n_models', 'models'],
        ['n_families', 'families'],
        ['r', 'Pearson r(HS, TQA)'],
        ['p', 'p (parametric, two-sided)'],
      ],
      phaseRows,
      ['A model takes the phase of the interval that ends at it within its family; each family’s smallest model has no phase.'],
      ['panel', 'phase'],
    ),
    noiseTable(noise),
  ];
}

function noiseTable(noise: NoiseModel) {
  const rows = SCORED_BENCHMARKS.map((b) => {
    const spec = noise.benchmarks[b];
    return {
      benchmark: b,
      metric: spec.metric,
      shots: spec.shots,
      n_items: spec.nItems,
      item_sd: spec.itemSd,
      se_rule: spec.itemSd === null ? 'sqrt(p(1 - p)/n_items), p the score as a fraction' : 'item_sd/sqrt(n_items)',
      source: spec.source,
    };
  });
  return makeTable(
    'noise-benchmarks',
    'Measurement noise model: standard error of one benchmark score when the input gives none',
    [
      ['benchmark', 'benchmark'],
      ['metric', 'metric'],
      ['shots', 'shots'],
      ['n_items', 'items'],
      ['item_sd', 'per-item SD (non-binary metrics)'],
      ['se_rule', 'standard error (as a fraction; x100 for percentage points)'],
      ['source', 'source'],
    ],
    rows,
    ['A stderr given in the input (columns <benchmark>_stderr, in points) is used as given; data/benchmarks.csv holds these counts.'],
    ['benchmark'],
  );
}

function claims(pub: PanelCoupling, aud: PanelCoupling, cfg: Config, rng: Rng): ClaimResult[] {
  const out: ClaimResult[] = [];
  const fam = (pc: PanelCoupling, name: string) => pc.families.find((f) => f.family === name);
  const pythiaProper = (pc: PanelCoupling) => fam(pc, 'Pythia')?.models.filter((m) => m.quirk !== 'misfiled') ?? [];
  for (const [pc, variant] of [
    [pub, 'as described'],
    [aud, 'audited'],
  ] as const) {
    const py = pythiaProper(pc);
    const hs = correlate(py, PAIRS[0]);
    const label = `${py.length} Pythia models, ${pc.panel} panel`;
    out.push({ id: 'A.s1.r_pythia', variant, value: hs.r, note: `Pearson r(HS, TQA), ${label}` });
    out.push({ id: 'A.s1.r_pythia_p', variant, value: hs.p, note: `parametric two-sided p, ${label}` });
    const { x, y } = hsTqa(py);
    // Exact up to the configured size, Monte Carlo above it, so added rows can never stall the run.
    const perm = permutationTest(x, y, rng.fork(`perm/${pc.panel}`), {
      exactMaxN: cfg.coupling.exactPermutationMaxN,
      permutations: cfg.coupling.monteCarloPermutations,
    });
    const how =
      perm.method === 'exact'
        ? `exact permutation test over all ${perm.permutations} orderings`
        : `Monte Carlo permutation test, ${perm.permutations} random orderings (n above the exact limit of ${cfg.coupling.exactPermutationMaxN})`;
    out.push({ id: 'A.absv2.perm_p', variant, value: perm.pTwoSided, note: `${how}, two-sided, ${label}` });
    out.push({
      id: 'A.s2_1.r_commonsense',
      variant,
      value: correlate(py, PAIRS[2]).r,
      note: `r(TQA, WinoGrande), ${label}; r(TQA, ARC) = ${correlate(py, PAIRS[1]).r.toFixed(3)}`,
    });
    out.push({ id: 'A.s2_1.r_knowledge', variant, value: correlate(py, PAIRS[3]).r, note: `r(TQA, MMLU), ${label} (benchmark not named in the paper)` });
    const large = pc.families.flatMap((f) => f.models);
    const bigFamilies = ['Llama-1', 'Llama-2', 'Llama-3', 'Falcon', 'OPT'];
    const above = large.filter((m) => bigFamilies.includes(m.family) && m.paramsB > 7);
    out.push({
      id: 'A.s1.r_large',
      variant,
      value: correlate(above, PAIRS[0]).r,
      note: `r(HS, TQA) over ${above.length} Llama-1/2/3, Falcon and OPT models with N > 7B, ${pc.panel} panel; with N >= 7B: ${correlate(
        large.filter((m) => bigFamilies.includes(m.family) && m.paramsB >= 7),
        PAIRS[0],
      ).r.toFixed(3)}`,
    });
    const olmo = fam(pc, 'OLMo');
    const iv = olmo?.intervals[0];
    if (iv) {
      out.push({
        id: 'A.s1.olmo_gamma',
        variant,
        value: iv.g12,
        note: `OLMo ${iv.from} → ${iv.to}: ΔTQA ${iv.dTqa?.toFixed(2)} / ΔHS ${iv.dHs?.toFixed(2)}, ${pc.panel} panel`,
      });
      out.push({ id: 'A.s2_2.olmo_dhs', variant, value: iv.dHs, note: `HS ${iv.from} → ${iv.to}, ${pc.panel} panel` });
      const t = olmo!.models.map((m) => m.scores.truthfulqa_mc2);
      out.push({ id: 'A.s2_2.olmo_tqa', variant, value: t[0] ?? null, note: `OLMo TQA ${t.join(' → ')} (value shown: the 1B model), ${pc.panel} panel` });
    }
    const all = pc.families.flatMap((f) => f.models.filter((m) => m.origin === 'paper'));
    out.push({
      id: 'A.s8.r_structure',
      variant,
      value: correlate(all, PAIRS[0]).r,
      note: `quantity undefined in the paper; shown: r(HS, TQA) over all ${all.length} paper models of the ${pc.panel} panel`,
    });
  }
  return out;
}

export function runCoupling(
  published: Panel,
  audited: Panel,
  cfg: Config,
  rng: Rng,
  noise: NoiseModel,
  contributed: Panel = { name: 'contributed', models: [] },
): CouplingOutput {
  const source = couplingNoise(noise, cfg, rng.fork('noise'));
  const pub = panelCoupling(published, cfg, rng, source);
  const aud = panelCoupling(audited, cfg, rng, source);
  const con = panelCoupling(contributed, cfg, rng, couplingNoise(noise, cfg, rng.fork('noise/contributed')));
  return { published: pub, audited: aud, contributed: con, tables: tables([pub, aud, con], noise, cfg), claims: claims(pub, aud, cfg, rng.fork('claims')) };
}
