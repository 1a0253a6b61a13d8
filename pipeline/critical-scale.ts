import { BENCHMARK_LABEL, type Config } from './config.ts';
import type { FamilyCoupling, PanelCoupling } from './coupling.ts';
import { summariseDraws, type BootstrapSummary, type PercentileInterval } from './stats/bootstrap-summary.ts';
import { histogram, type Histogram } from './stats/histogram.ts';
import { appendCouplings, type SizedScores } from './stats/local-coupling.ts';
import { quadraticVertex, vertexBootstrap } from './stats/quadratic-vertex.ts';
import { distinctResample } from './stats/resample.ts';
import type { Rng } from './stats/rng.ts';
import { fitRunningCoupling, lineZero, stratifiedCrossingBootstrap, type RunningFit } from './stats/running-coupling.ts';
import { firstUpCrossing, signPattern } from './stats/zero-crossing.ts';
import type { Interval } from './intervals.ts';
import type { CouplingContext } from './stage.ts';
import { makeTable } from './table.ts';
import type { Cell, ClaimResult, Model, PanelName, StageOutput, Table } from './types.ts';

const toB = (log10N: number) => 10 ** log10N / 1e9;
const log10N = (paramsB: number) => Math.log10(paramsB * 1e9);

export interface FamilyNc {
  panel: PanelName;
  family: string;
  nModels: number;
  /** Models with both HS and TQA. */
  nScored: number;
  /** Intervals that carry a g12. */
  nCouplings: number;
  status: 'crossing' | 'none' | 'not testable';
  ncB: number | null;
  /** Alternative discrete reading: size of the model that ends the last negative interval before the change. */
  atModelB: number | null;
  /** Why there is or is not a crossing, in words. */
  reason: string;
  below: Interval | null;
  above: Interval | null;
  /** 95% percentile interval over resamples that cross (B params), when the family crosses. */
  ci95: [number, number] | null;
  resamplesWithCrossing: number;
  resamples: number;
}

export interface PooledNc {
  method: 'quadratic minimum' | 'stratified zero crossing';
  variant: 'as coded' | 'as described' | 'audited';
  data: string;
  /** The data in two or three words, for figure labels. */
  dataShort: string;
  nModels: number;
  resamples: number;
  /** Full-sample estimate (B params), null when the full sample has none. */
  pointB: number | null;
  /** Summary of the kept resamples, in B params. */
  summary: BootstrapSummary;
  /** Resamples dropped, by reason. */
  dropped: Record<string, number>;
  histogram: Histogram;
}

export interface RunningSet {
  name: string;
  variant: 'as coded' | 'as described' | 'audited';
  how: string;
  points: { family: string; x: number; g12: number }[];
  /** Null below 3 intervals. */
  fit: RunningFit | null;
  /** The fitted line at the smallest and largest interval, in B params, for plotting. */
  line: { nB: number; g12: number }[];
}

export interface CriticalScaleOutput extends StageOutput {
  perFamily: FamilyNc[];
  pooled: PooledNc[];
  running: RunningSet[];
}

const scored = (ms: readonly Model[]) => ms.filter((m) => m.scores.hellaswag !== null && m.scores.truthfulqa_mc2 !== null);

function sized(ms: readonly { paramsB: number; hs: number; tqa: number }[]): SizedScores {
  return { logN: ms.map((m) => log10N(m.paramsB)), hs: ms.map((m) => m.hs), tqa: ms.map((m) => m.tqa) };
}

const modelScores = (ms: readonly Model[]) => scored(ms).map((m) => ({ paramsB: m.paramsB, hs: m.scores.hellaswag!, tqa: m.scores.truthfulqa_mc2! }));

const signReason: Record<string, string> = {
  'all positive': 'none: g12 > 0 in every interval (cooperative at every tested size)',
  'all negative': 'none: g12 < 0 in every interval, no sign change up to the largest model',
  'all zero': 'none: every g12 is exactly 0',
  'positive then negative': 'none: g12 changes sign only from positive to negative',
};

/** Per-family N_c from the coupling stage's intervals, with a within-family model bootstrap. */
function familyNc(panel: PanelName, f: FamilyCoupling, cfg: Config, rng: Rng): FamilyNc {
  const withG = f.intervals.filter((iv) => iv.g12 !== null);
  const nScored = scored(f.models).length;
  const base = { panel, family: f.family, nModels: f.models.length, nScored, nCouplings: withG.length, below: null, above: null, ci95: null, resamplesWithCrossing: 0, resamples: 0, ncB: null, atModelB: null };
  const only = scored(f.models)[0]?.model;
  if (nScored < 2) return { ...base, status: 'not testable', reason: `not testable: ${only ? `a single model (${only})` : 'no model'} with HS and TQA scores, so no interval and no g12` };
  if (withG.length === 0) return { ...base, status: 'not testable', reason: 'not testable: every interval has |ΔHS| at or below the minimum, so no g12' };
  const crossing = firstUpCrossing(withG.map((iv) => ({ x: log10N(iv.midB), y: iv.g12! })));
  if (!crossing) return { ...base, status: 'none', reason: signReason[signPattern(withG.map((iv) => iv.g12!))]! };
  const below = withG[crossing.below]!;
  const above = withG[crossing.above]!;
  const data = sized(modelScores(f.models));
  const n = data.logN.length;
  const draws: number[] = [];
  const seen = new Uint8Array(n);
  for (let b = 0; b < cfg.criticalScale.perFamilyResamples; b++) {
    const xs: number[] = [];
    const gs: number[] = [];
    appendCouplings(data, distinctResample(rng, n, seen), cfg.coupling.minDeltaHs, xs, gs);
    const c = firstUpCrossing(xs.map((x, i) => ({ x, y: gs[i]! })));
    if (c) draws.push(toB(c.x));
  }
  const s = draws.length > 0 ? summariseDraws(draws, [0.95]) : null;
  return {
    ...base,
    status: 'crossing',
    ncB: toB(crossing.x),
    atModelB: below.toB,
    reason: `g12 ${below.g12!.toFixed(3)} (${below.from} → ${below.to}) then ${above.g12!.toFixed(3)} (${above.from} → ${above.to})`,
    below,
    above,
    ci95: s ? [s.intervals[0]!.low, s.intervals[0]!.high] : null,
    resamplesWithCrossing: draws.length,
    resamples: cfg.criticalScale.perFamilyResamples,
  };
}

/** The families the authors pooled, taken from a panel (as filed there). */
function pooledFromPanel(pc: PanelCoupling, families: readonly string[]) {
  return families.map((name) => ({ name, rows: modelScores(pc.families.find((f) => f.family === name)?.models ?? []) }));
}

type PooledInput = { name: string; rows: { paramsB: number; hs: number; tqa: number }[] }[];

function quadraticPooled(input: PooledInput, variant: PooledNc['variant'], [data, dataShort]: [string, string], cfg: Config, rng: Rng): PooledNc {
  const rows = input.flatMap((g) => g.rows);
  const x = rows.map((r) => log10N(r.paramsB));
  const y = rows.map((r) => r.tqa);
  const cs = cfg.criticalScale;
  const full = quadraticVertex(x, y);
  const boot = vertexBootstrap(x, y, rng, cs.pooledAsCodedResamples, cs.pooledAsCodedLog10Window);
  const inWindow = full !== null && full.c2 > 0 && full.vertex > cs.pooledAsCodedLog10Window[0] && full.vertex < cs.pooledAsCodedLog10Window[1];
  return {
    method: 'quadratic minimum',
    variant,
    data,
    dataShort,
    nModels: rows.length,
    resamples: boot.resamples,
    pointB: inWindow ? toB(full!.vertex) : null,
    summary: summariseDraws(Array.from(boot.kept, toB), cs.ciLevels),
    dropped: { 'opens downward (a <= 0)': boot.concave, 'minimum outside the window': boot.outsideWindow, 'fewer than 3 distinct sizes': boot.singular },
    histogram: histogram(boot.kept, cs.histogramLog10Range[0], cs.histogramLog10Range[1], cs.histogramBins),
  };
}

function crossingPooled(input: PooledInput, variant: PooledNc['variant'], [data, dataShort]: [string, string], cfg: Config, rng: Rng): PooledNc {
  const families = input.map((g) => sized([...g.rows].sort((a, b) => a.paramsB - b.paramsB)));
  const xs: number[] = [];
  const gs: number[] = [];
  for (const f of families) appendCouplings(f, Array.from({ length: f.logN.length }, (_, i) => i), cfg.coupling.minDeltaHs, xs, gs);
  const full = lineZero(xs, gs);
  const cs = cfg.criticalScale;
  const boot = stratifiedCrossingBootstrap(families, rng, cs.pooledAsDescribedResamples, cfg.coupling.minDeltaHs);
  return {
    method: 'stratified zero crossing',
    variant,
    data,
    dataShort,
    nModels: families.reduce((a, f) => a + f.logN.length, 0),
    resamples: boot.resamples,
    pointB: 'zero' in full ? toB(full.zero) : null,
    summary: summariseDraws(Array.from(boot.crossings, toB), cs.ciLevels),
    dropped: { 'pooled slope <= 0 (no upward crossing)': boot.slopeNotPositive, 'fewer than 2 intervals or one size': boot.degenerate },
    histogram: histogram(boot.crossings, cs.histogramLog10Range[0], cs.histogramLog10Range[1], cs.histogramBins),
  };
}

function runningSet(name: string, variant: RunningSet['variant'], how: string, points: RunningSet['points']): RunningSet {
  if (points.length < 3) return { name, variant, how, points, fit: null, line: [] };
  const fit = fitRunningCoupling(points.map((p) => p.x), points.map((p) => p.g12));
  const ends = [Math.min(...points.map((p) => p.x)), Math.max(...points.map((p) => p.x))];
  return { name, variant, how, points, fit, line: ends.map((x) => ({ nB: toB(x), g12: fit.slope * x + fit.intercept })) };
}

const intervalPoints = (pc: PanelCoupling, families: readonly string[] | null) =>
  pc.families
    .filter((f) => families === null || families.includes(f.family))
    .flatMap((f) => f.intervals.filter((iv) => iv.g12 !== null).map((iv) => ({ family: f.family, x: log10N(iv.midB), g12: iv.g12! })));

/** g12 between consecutive rows of a list, keeping the family of the upper row (for the mixed-family construction). */
function consecutivePoints(rows: { family: string; paramsB: number; hs: number; tqa: number }[], minDeltaHs: number) {
  const out: RunningSet['points'] = [];
  for (let k = 1; k < rows.length; k++) {
    const a = rows[k - 1]!;
    const b = rows[k]!;
    if (Math.abs(b.hs - a.hs) <= minDeltaHs) continue;
    out.push({ family: a.family === b.family ? b.family : `${a.family} → ${b.family}`, x: (log10N(a.paramsB) + log10N(b.paramsB)) / 2, g12: (b.tqa - a.tqa) / (b.hs - a.hs) });
  }
  return out;
}

function runningSets(ctx: CouplingContext): RunningSet[] {
  const cs = ctx.config.criticalScale;
  const min = ctx.config.coupling.minDeltaHs;
  const pooled = ctx.data.pooled14.map((r) => ({ family: r.family, paramsB: r.paramsB, hs: r.hellaswag, tqa: r.truthfulqa }));
  const bySize = [...pooled].sort((a, b) => a.paramsB - b.paramsB);
  const within = cs.pooledFamilies.flatMap((f) => consecutivePoints(bySize.filter((r) => r.family === f), min));
  const { published: pub, audited: aud } = ctx.coupling;
  return [
    runningSet('pooled 14, consecutive across families', 'as coded', 'the 14-model table sorted by N with families mixed, g12 between neighbours (scripts/bootstrap_Nc.py, zero-crossing method)', consecutivePoints(bySize, min)),
    runningSet('pooled 14, within families', 'as described', 'the 14-model table, g12 between consecutive sizes within Pythia, Llama-1 and Llama-2', within),
    runningSet('Fig. 1b families, as published', 'as described', `every interval of ${cs.runningFamilies.join(', ')} in the as-published panel`, intervalPoints(pub, cs.runningFamilies)),
    runningSet('Fig. 1b families, audited', 'audited', `every interval of ${cs.runningFamilies.join(', ')} in the audited panel`, intervalPoints(aud, cs.runningFamilies)),
    runningSet('all families, as published', 'as described', 'every interval of every family in the as-published panel', intervalPoints(pub, null)),
    runningSet('all families, audited', 'audited', 'every interval of every family in the audited panel', intervalPoints(aud, null)),
  ];
}

/** Table 1 rows of the paper, by claim-id key; Pythia's N_c row is the headline A.abs.nc. */
const TABLE1: [string, string][] = [
  ['opt', 'OPT'],
  ['cerebras', 'Cerebras-GPT'],
  ['gptneo', 'GPT-Neo'],
  ['bloom', 'BLOOM'],
  ['pythia', 'Pythia'],
  ['falcon', 'Falcon'],
  ['phi', 'Phi'],
  ['qwen3', 'Qwen3'],
];

const G12 = `g12 = Δ ${BENCHMARK_LABEL.truthfulqa_mc2} / Δ ${BENCHMARK_LABEL.hellaswag}`;
const ci = (c: [number, number] | null | undefined) => (c ? `[${c[0].toPrecision(3)}, ${c[1].toPrecision(3)}] B` : 'none');
const droppedText = (d: Record<string, number>) => Object.entries(d).map(([k, v]) => `${k}: ${v}`).join('; ');

const range = (r: [number, number]) => `${r[0].toPrecision(3)}–${r[1].toPrecision(3)}`;
const mcText = (p: PooledNc) => {
  const i = p.summary.intervals[1];
  return i ? `${range(i.lowMc)}; ${range(i.highMc)}` : '';
};

type Out = Pick<CriticalScaleOutput, 'perFamily' | 'pooled' | 'running'>;

function tables(o: Out, cfg: Config): Table[] {
  const inTable1 = new Set(TABLE1.map(([, f]) => f));
  const [l68, l95] = cfg.criticalScale.ciLevels.map((l) => `${Math.round(l * 100)}%`);
  return [
    makeTable(
      'A-tab1-critical-scale',
      `Table 1: per-family critical scale N_c, first negative→positive zero of ${G12}`,
      [
        ['panel', 'panel'],
        ['family', 'family'],
        ['in_table1', 'row of the paper’s Table 1'],
        ['models', 'models (count)'],
        ['scored', 'models with HS and TQA'],
        ['couplings', 'intervals with g12'],
        ['status', 'status'],
        ['nc_b', 'N_c (B params), linear in log10 N between interval midpoints'],
        ['at_model_b', 'size of the model at the sign change (B params)'],
        ['ci_low', 'N_c 95% CI low (B params), within-family model bootstrap'],
        ['ci_high', 'N_c 95% CI high (B params)'],
        ['crossing_share', 'resamples with a crossing'],
        ['notes', 'notes'],
      ],
      o.perFamily.map((f) => ({
        panel: f.panel,
        family: f.family,
        in_table1: inTable1.has(f.family) ? 'yes' : 'no',
        models: f.nModels,
        scored: f.nScored,
        couplings: f.nCouplings,
        status: f.status,
        nc_b: f.ncB,
        at_model_b: f.atModelB,
        ci_low: f.ci95?.[0] ?? null,
        ci_high: f.ci95?.[1] ?? null,
        crossing_share: f.resamples > 0 ? `${f.resamplesWithCrossing} of ${f.resamples}` : '',
        notes: f.reason,
      })),
      [
        'Each interval sits at the geometric mean of its two sizes; g12 exactly 0 has no sign and is stepped over; intervals with |ΔHS| at or below the coupling minimum carry no g12.',
        'Bootstrap: models drawn with replacement within the family; a repeated model adds no interval, so each resample uses the distinct models drawn. The CI is over resamples that cross.',
        'The paper prints Pythia’s N_c from the pooled fit (see A-appA2-pooled-nc); Qwen3 has a single model with benchmark scores.',
      ],
      ['panel', 'family'],
    ),
    makeTable(
      'A-appA2-pooled-nc',
      `Pooled N_c: quadratic minimum of ${BENCHMARK_LABEL.truthfulqa_mc2} on log10 N (as coded) and zero crossing of ${G12} (as described)`,
      [
        ['method', 'method'],
        ['variant', 'variant'],
        ['data', 'models'],
        ['n', 'models (count)'],
        ['resamples', 'resamples'],
        ['kept', 'resamples kept'],
        ['dropped', 'resamples dropped'],
        ['point', 'full-sample N_c (B params)'],
        ['median', 'bootstrap median N_c (B params)'],
        ['mean', 'bootstrap mean N_c (B params), quadratic method only (the crossing draws are heavy-tailed)'],
        ['lo68', `${l68} CI low (B params)`],
        ['hi68', `${l68} CI high (B params)`],
        ['lo95', `${l95} CI low (B params)`],
        ['hi95', `${l95} CI high (B params)`],
        ['mc', `Monte Carlo 95% range of the ${l95} low; of the ${l95} high (B params)`],
      ],
      o.pooled.map((p) => ({
        method: p.method,
        variant: p.variant,
        data: p.data,
        n: p.nModels,
        resamples: p.resamples,
        kept: p.summary.n,
        dropped: droppedText(p.dropped),
        point: p.pointB,
        median: p.summary.median,
        mean: p.method === 'quadratic minimum' ? p.summary.mean : null,
        lo68: p.summary.intervals[0]!.low,
        hi68: p.summary.intervals[0]!.high,
        lo95: p.summary.intervals[1]!.low,
        hi95: p.summary.intervals[1]!.high,
        mc: mcText(p),
      })),
      [
        `Quadratic minimum (scripts/bootstrap_Nc.py): TQA = a (log10 N)² + b log10 N + c with N in parameters, N_c = 10^(−b/2a); models resampled with replacement, unstratified; a resample is kept when a > 0 and ${cfg.criticalScale.pooledAsCodedLog10Window[0]} < log10 N_c < ${cfg.criticalScale.pooledAsCodedLog10Window[1]}.`,
        `Zero crossing (App. A.2 text): models resampled with replacement within each family; g12 between consecutive distinct sizes within the family (|ΔHS| > ${cfg.coupling.minDeltaHs} pp), each at log10 of the geometric-mean size; one OLS line g12 = A log10 N + B through the pooled intervals; N_c = 10^(−B/A) when A > 0, no window.`,
        'Percentile intervals use type-7 quantiles of N_c in B params (numpy’s default). Monte Carlo range of a bound: the order statistics at ranks n·q ± 1.96·sqrt(n·q·(1 − q)) of the kept draws, i.e. how far the bound moves with another seed.',
      ],
      ['method', 'variant', 'data'],
    ),
    makeTable(
      'A-s2-running-coupling',
      `Running-coupling law ${G12} = A log10 N + B (N in parameters), OLS over interval sets`,
      [
        ['set', 'interval set'],
        ['variant', 'variant'],
        ['how', 'intervals'],
        ['n', 'intervals (count)'],
        ['a', 'A (per decade of N)'],
        ['a_se', 'SE of A'],
        ['b', 'B'],
        ['b_se', 'SE of B'],
        ['r2', 'R²'],
        ['signs', 'intervals whose g12 sign the line gets right'],
        ['zero', 'zero crossing 10^(−B/A) (B params)'],
      ],
      o.running.map((r): Record<string, Cell> => {
        const f = r.fit;
        if (!f) return { set: r.name, variant: r.variant, how: `${r.how} (fewer than 3 intervals: no fit)`, n: r.points.length };
        return { set: r.name, variant: r.variant, how: r.how, n: f.n, a: f.slope, a_se: f.slopeSe, b: f.intercept, b_se: f.interceptSe, r2: f.r2, signs: `${f.signAgree} of ${f.n}`, zero: toB(f.zeroLog10) };
      }),
      [
        'The intervals behind the authors’ README/dashboard running-coupling line are not identified; these sets are stated choices. An exact zero g12 never counts as a sign agreement.',
        'The first set is the construction of the zero-crossing method in scripts/bootstrap_Nc.py: all 14 models sorted by N (ties in file order), neighbours differenced across family boundaries.',
      ],
      ['set'],
    ),
  ];
}

function claims(o: Out, ctx: CouplingContext): ClaimResult[] {
  const out: ClaimResult[] = [];
  const panels: [PanelName, 'as described' | 'audited'][] = [
    ['as published', 'as described'],
    ['audited', 'audited'],
  ];
  for (const [panel, variant] of panels) {
    const fams = o.perFamily.filter((f) => f.panel === panel);
    const pc = panel === 'audited' ? ctx.coupling.audited : ctx.coupling.published;
    for (const [key, name] of TABLE1) {
      const f = fams.find((x) => x.family === name);
      const members = pc.families.find((x) => x.family === name)?.models ?? [];
      const odd = members.filter((m) => m.quirk !== '').map((m) => `${m.model} (${m.quirk})`);
      out.push({ id: `A.tab1.n_${key}`, variant, value: members.length, note: `models filed under ${name} in the ${panel} panel, ${f?.nScored ?? 0} with HS and TQA${odd.length ? `; includes ${odd.join(', ')}` : ''}` });
      if (key === 'pythia') continue;
      if (!f) {
        out.push({ id: `A.tab1.nc_${key}`, variant, value: null, note: `not testable: no ${name} model in the ${panel} panel` });
        continue;
      }
      const boot = f.ci95 ? `; 95% CI ${ci(f.ci95)} from ${f.resamplesWithCrossing} of ${f.resamples} within-family resamples that cross` : '';
      const interval = f.ci95 ? { low: f.ci95[0], high: f.ci95[1] } : {};
      out.push({ id: `A.tab1.nc_${key}`, variant, value: f.ncB, ...interval, note: `${f.status === 'crossing' ? 'first negative→positive g12 change, interpolated: ' : ''}${f.reason}; ${panel} panel${boot}` });
      if (f.atModelB !== null) out.push({ id: `A.tab1.nc_${key}`, variant, value: f.atModelB, note: `discrete reading: size of ${f.below!.to}, the model where g12 turns from negative to positive; ${panel} panel` });
    }
    const crossing = fams.filter((f) => f.ncB !== null).sort((a, b) => a.ncB! - b.ncB!);
    if (crossing.length > 0) {
      const lo = crossing[0]!;
      const hi = crossing[crossing.length - 1]!;
      const list = crossing.map((f) => `${f.family} ${f.ncB!.toPrecision(3)}`).join(', ');
      out.push({ id: 'A.fig1b.nc_range', variant, value: null, low: lo.ncB, high: hi.ncB, note: `per-family N_c over the ${crossing.length} families that cross (${panel} panel): ${list} B` });
      out.push({ id: 'A.s2_1.nc_60x', variant, value: hi.ncB! / lo.ncB!, note: `largest over smallest per-family N_c, ${hi.family} / ${lo.family}, ${panel} panel` });
    }
    const py = fams.find((f) => f.family === 'Pythia');
    if (py) out.push({ id: 'A.abs.nc', variant, value: py.ncB, ...(py.ci95 ? { low: py.ci95[0], high: py.ci95[1] } : {}), note: `Table 1 reading, Pythia alone: ${py.reason}; ${panel} panel` });
  }
  const head: ClaimResult[] = [];
  for (const p of o.pooled) {
    const [c68, c95] = p.summary.intervals as [PercentileInterval, PercentileInterval];
    const note = `${p.method}, ${p.data}: median of ${p.summary.n} kept of ${p.resamples} resamples (${droppedText(p.dropped)}); 68% CI ${ci([c68.low, c68.high])}; full sample ${p.pointB === null ? 'none' : `${p.pointB.toPrecision(3)} B`}; Monte Carlo 95% range of the 95% bounds (another seed): low ${range(c95.lowMc)}, high ${range(c95.highMc)} B`;
    head.push({ id: 'A.abs.nc', variant: p.variant, value: p.summary.median, low: c95.low, high: c95.high, note });
    if (p.variant !== 'audited') out.push({ id: 'B.fig2.nc1', variant: p.variant, value: p.summary.median, note: `restates Paper A’s N_c; ${note}` });
  }
  const slopeSets: [string, 'as coded' | 'as described' | 'audited'][] = [
    ['pooled 14, consecutive across families', 'as coded'],
    ['Fig. 1b families, as published', 'as described'],
    ['Fig. 1b families, audited', 'audited'],
  ];
  for (const [name, variant] of slopeSets) {
    const r = o.running.find((x) => x.name === name)!;
    const f = r.fit;
    if (!f) continue;
    out.push({ id: 'A.appA9.slope_0629', variant, value: f.slope, note: `slope A of g12 = A log10 N + B (not a TQA-per-HS rate), ${r.how}: B = ${f.intercept.toFixed(3)}, R² = ${f.r2.toFixed(2)}, signs ${f.signAgree}/${f.n}, zero at ${toB(f.zeroLog10).toPrecision(3)} B` });
  }
  return [...head, ...out];
}

export function runCriticalScale(ctx: CouplingContext): CriticalScaleOutput {
  const { config: cfg, coupling } = ctx;
  const cs = cfg.criticalScale;
  const perFamily = [coupling.published, coupling.audited].flatMap((pc) => pc.families.map((f) => familyNc(pc.panel, f, cfg, ctx.rng.fork(`family/${pc.panel}/${f.family}`))));
  const pooled14: PooledInput = cs.pooledFamilies.map((name) => ({
    name,
    rows: ctx.data.pooled14.filter((r) => r.family === name).map((r) => ({ paramsB: r.paramsB, hs: r.hellaswag, tqa: r.truthfulqa })),
  }));
  const fromPub = pooledFromPanel(coupling.published, cs.pooledFamilies);
  const fromAud = pooledFromPanel(coupling.audited, cs.pooledFamilies);
  const panelLabel = (p: PooledInput, panel: string) => `${p.map((g) => `${g.name} ${g.rows.length}`).join(', ')} from the ${panel} panel`;
  const table14: [string, string] = ['the authors’ 14-model table (Pythia 8, Llama-1 3, Llama-2 3)', '14-model table'];
  const pubData: [string, string] = [panelLabel(fromPub, 'as-published'), 'as-published panel'];
  const audData: [string, string] = [panelLabel(fromAud, 'audited'), 'audited panel'];
  const pooled = [
    quadraticPooled(pooled14, 'as coded', table14, cfg, ctx.rng.fork('pooled-as-coded')),
    quadraticPooled(fromAud, 'audited', audData, cfg, ctx.rng.fork('pooled-as-coded/audited')),
    crossingPooled(pooled14, 'as described', table14, cfg, ctx.rng.fork('pooled-as-described')),
    crossingPooled(fromPub, 'as described', pubData, cfg, ctx.rng.fork('pooled-as-described/published')),
    crossingPooled(fromAud, 'audited', audData, cfg, ctx.rng.fork('pooled-as-described/audited')),
  ];
  const running = runningSets(ctx);
  const out = { perFamily, pooled, running };
  return { ...out, tables: tables(out, cfg), claims: claims(out, ctx) };
}
