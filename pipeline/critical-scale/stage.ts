/** The critical-scale stage (Paper A Table 1, §2, §9): per-family N_c with its bootstrap, the pooled N_c as coded and as described, the running-coupling law and falsification criterion (i). */
import type { Config } from '../config.ts';
import type { FamilyCoupling, PanelCoupling } from '../coupling.ts';
import { summariseDraws } from '../stats/bootstrap-summary.ts';
import { histogram } from '../stats/histogram.ts';
import { appendCouplings, type SizedScores } from '../stats/local-coupling.ts';
import { quadraticVertex, vertexBootstrap } from '../stats/quadratic-vertex.ts';
import { distinctResample } from '../stats/resample.ts';
import type { Rng } from '../stats/rng.ts';
import { fitRunningCoupling, lineZero, stratifiedCrossingBootstrap } from '../stats/running-coupling.ts';
import { firstUpCrossing, signPattern } from '../stats/zero-crossing.ts';
import { criterionClaims, criterionOne, criterionTable } from './counterexamples.ts';
import { criticalScaleClaims, criticalScaleTables } from './report.ts';
import { modelSe, type NoiseModel } from '../noise/noise-model.ts';
import { crossingNoise, quadraticNoise, type NoisyFamily } from '../noise/pooled-draws.ts';
import { scoreSe } from '../noise/score-se.ts';
import type { CouplingContext } from '../stage-context.ts';
import type { Model, PanelName } from '../types.ts';
import type { CriticalScaleOutput, FamilyNc, PooledNc, RunningSet } from './types.ts';

export type { CriticalScaleNumbers, CriticalScaleOutput, FamilyNc, PooledNc, RunningSet } from './types.ts';

const toB = (log10N: number) => 10 ** log10N / 1e9;
const log10N = (paramsB: number) => Math.log10(paramsB * 1e9);

const scored = (ms: readonly Model[]) => ms.filter((m) => m.scores.hellaswag !== null && m.scores.truthfulqa_mc2 !== null);

type ScoredRow = { paramsB: number; hs: number; tqa: number; seHs: number; seTqa: number };

function sized(ms: readonly Pick<ScoredRow, 'paramsB' | 'hs' | 'tqa'>[]): SizedScores {
  return { logN: ms.map((m) => log10N(m.paramsB)), hs: ms.map((m) => m.hs), tqa: ms.map((m) => m.tqa) };
}

function noisy(ms: readonly ScoredRow[]): NoisyFamily {
  return { ...sized(ms), seHs: ms.map((m) => m.seHs), seTqa: ms.map((m) => m.seTqa) };
}

const modelScores = (ms: readonly Model[], noise: NoiseModel): ScoredRow[] =>
  scored(ms).map((m) => ({
    paramsB: m.paramsB,
    hs: m.scores.hellaswag!,
    tqa: m.scores.truthfulqa_mc2!,
    seHs: modelSe(noise, m, 'hellaswag')!,
    seTqa: modelSe(noise, m, 'truthfulqa_mc2')!,
  }));

const signReason: Record<string, string> = {
  'all positive': 'none: g12 > 0 in every interval (cooperative at every tested size)',
  'all negative': 'none: g12 < 0 in every interval, no sign change up to the largest model',
  'all zero': 'none: every g12 is exactly 0',
  'positive then negative': 'none: g12 changes sign only from positive to negative',
};

/** Per-family N_c from the coupling stage's intervals, with a within-family model bootstrap. */
export function familyNc(panel: PanelName, f: FamilyCoupling, cfg: Config, rng: Rng): FamilyNc {
  const withG = f.intervals.filter((iv) => iv.g12 !== null);
  const nScored = scored(f.models).length;
  const base = {
    panel,
    family: f.family,
    nModels: f.models.length,
    nScored,
    nCouplings: withG.length,
    below: null,
    above: null,
    ci95: null,
    resamplesWithCrossing: 0,
    resamples: 0,
    ncB: null,
    atModelB: null,
    noise: f.noise?.nc ?? null,
  };
  const only = scored(f.models)[0]?.model;
  if (nScored < 2)
    return {
      ...base,
      status: 'not testable',
      reason: `not testable: ${only ? `a single model (${only})` : 'no model'} with HS and TQA scores, so no interval and no g12`,
    };
  if (withG.length === 0) return { ...base, status: 'not testable', reason: 'not testable: every interval has |ΔHS| at or below the minimum, so no g12' };
  const crossing = firstUpCrossing(withG.map((iv) => ({ x: log10N(iv.midB), y: iv.g12! })));
  if (!crossing) return { ...base, status: 'none', reason: signReason[signPattern(withG.map((iv) => iv.g12!))]! };
  const below = withG[crossing.below]!;
  const above = withG[crossing.above]!;
  const data = sized(scored(f.models).map((m) => ({ paramsB: m.paramsB, hs: m.scores.hellaswag!, tqa: m.scores.truthfulqa_mc2! })));
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
function pooledFromPanel(pc: PanelCoupling, families: readonly string[], noise: NoiseModel) {
  return families.map((name) => ({ name, rows: modelScores(pc.families.find((f) => f.family === name)?.models ?? [], noise) }));
}

type PooledInput = { name: string; rows: ScoredRow[] }[];

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
    noise: quadraticNoise(
      input.map((g) => noisy(g.rows)),
      cs.pooledAsCodedLog10Window,
      cfg.noise.draws,
      cfg.noise.ciLevel,
      rng.fork('noise'),
    ),
  };
}

function crossingPooled(input: PooledInput, variant: PooledNc['variant'], [data, dataShort]: [string, string], cfg: Config, rng: Rng): PooledNc {
  const sortedRows = input.map((g) => [...g.rows].sort((a, b) => a.paramsB - b.paramsB));
  const families = sortedRows.map(sized);
  const xs: number[] = [];
  const gs: number[] = [];
  for (const f of families)
    appendCouplings(
      f,
      Array.from({ length: f.logN.length }, (_, i) => i),
      cfg.coupling.minDeltaHs,
      xs,
      gs,
    );
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
    noise: crossingNoise(sortedRows.map(noisy), cfg.coupling.minDeltaHs, cfg.noise.draws, cfg.noise.ciLevel, rng.fork('noise')),
  };
}

function runningSet(name: string, variant: RunningSet['variant'], how: string, points: RunningSet['points']): RunningSet {
  if (points.length < 3) return { name, variant, how, points, fit: null, line: [] };
  const fit = fitRunningCoupling(
    points.map((p) => p.x),
    points.map((p) => p.g12),
  );
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
    out.push({
      family: a.family === b.family ? b.family : `${a.family} → ${b.family}`,
      x: (log10N(a.paramsB) + log10N(b.paramsB)) / 2,
      g12: (b.tqa - a.tqa) / (b.hs - a.hs),
    });
  }
  return out;
}

function runningSets(ctx: CouplingContext): RunningSet[] {
  const cs = ctx.config.criticalScale;
  const min = ctx.config.coupling.minDeltaHs;
  const pooled = ctx.data.pooled14.map((r) => ({ family: r.family, paramsB: r.paramsB, hs: r.hellaswag, tqa: r.truthfulqa }));
  const bySize = [...pooled].sort((a, b) => a.paramsB - b.paramsB);
  const within = cs.pooledFamilies.flatMap((f) =>
    consecutivePoints(
      bySize.filter((r) => r.family === f),
      min,
    ),
  );
  const { published: pub, audited: aud } = ctx.coupling;
  return [
    runningSet(
      'pooled 14, consecutive across families',
      'as coded',
      'the 14-model table sorted by N with families mixed, g12 between neighbours (scripts/bootstrap_Nc.py, zero-crossing method)',
      consecutivePoints(bySize, min),
    ),
    runningSet('pooled 14, within families', 'as described', 'the 14-model table, g12 between consecutive sizes within Pythia, Llama-1 and Llama-2', within),
    runningSet(
      'Fig. 1b families, as published',
      'as described',
      `every interval of ${cs.runningFamilies.join(', ')} in the as-published panel`,
      intervalPoints(pub, cs.runningFamilies),
    ),
    runningSet(
      'Fig. 1b families, audited',
      'audited',
      `every interval of ${cs.runningFamilies.join(', ')} in the audited panel`,
      intervalPoints(aud, cs.runningFamilies),
    ),
    runningSet('all families, as published', 'as described', 'every interval of every family in the as-published panel', intervalPoints(pub, null)),
    runningSet('all families, audited', 'audited', 'every interval of every family in the audited panel', intervalPoints(aud, null)),
  ];
}

export function runCriticalScale(ctx: CouplingContext): CriticalScaleOutput {
  const { config: cfg, coupling } = ctx;
  const cs = cfg.criticalScale;
  const perFamily = [coupling.published, coupling.audited, coupling.contributed].flatMap((pc) =>
    pc.families.map((f) => familyNc(pc.panel, f, cfg, ctx.rng.fork(`family/${pc.panel}/${f.family}`))),
  );
  const bench = ctx.noise.benchmarks;
  const pooled14: PooledInput = cs.pooledFamilies.map((name) => ({
    name,
    rows: ctx.data.pooled14
      .filter((r) => r.family === name)
      .map((r) => ({
        paramsB: r.paramsB,
        hs: r.hellaswag,
        tqa: r.truthfulqa,
        seHs: scoreSe(bench.hellaswag, r.hellaswag, null),
        seTqa: scoreSe(bench.truthfulqa_mc2, r.truthfulqa, null),
      })),
  }));
  const fromPub = pooledFromPanel(coupling.published, cs.pooledFamilies, ctx.noise);
  const fromAud = pooledFromPanel(coupling.audited, cs.pooledFamilies, ctx.noise);
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
  const criterion = [coupling.published, coupling.audited].flatMap((pc) => criterionOne(pc, cfg));
  return {
    ...out,
    tables: [...criticalScaleTables(out, cfg), criterionTable(criterion)],
    claims: [...criticalScaleClaims(out, ctx), ...criterionClaims(criterion)],
  };
}
