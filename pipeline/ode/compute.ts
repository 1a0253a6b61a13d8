import { BENCHMARKS, type Benchmark } from '../config.ts';
import { familyIntervals, type Interval } from '../intervals.ts';
import { isoclineCalls, isoclineConstant, type IsoclineCall } from './isocline.ts';
import { log10N, panelTrajectories, pythiaFigureTrajectory, pythiaOf, samplesOf, trajectoryOf, type Trajectory } from './data.ts';
import {
  fitLinear,
  fitSparse,
  linearFitter,
  replay,
  sparseFitter,
  simulate,
  type SimSettings,
  type SparseFit,
  type SparseSettings,
  type TrajectoryFit,
} from './fit.ts';
import { fixedPointFit, type FixedPointFit } from './fixed-point.ts';
import { odeHoldout, polyCurve, polyHoldout, type OdeHoldout, type PolyHoldout, type SizedScore } from './holdout.ts';
import type { PolySystem } from './library.ts';
import { leaveOneFamilyOut, type LofoResult } from './lofo.ts';
import { phaseFit, phaseTransfer, widthPowerLaw, type PhaseFit, type Transfer, type WidthPowerLaw } from './phase.ts';
import { thresholdSweep, type SweepPoint } from './sweep.ts';
import { familiesOf } from '../panels.ts';
import type { PanelContext } from '../stage-context.ts';
import type { Panel, PanelName } from '../types.ts';

export type SourceKey = 'published' | 'figure' | 'audited';

const TQA = BENCHMARKS.indexOf('truthfulqa_mc2');

/** One Pythia source and every fit made on it. */
export interface SourceFits {
  key: SourceKey;
  label: string;
  pythia: Trajectory;
  linear: PolySystem;
  linearReplay: TrajectoryFit;
  sparse: SparseFit;
  sparseReplay: TrajectoryFit;
  tax: PhaseFit;
  bonus: PhaseFit;
  transfer: Transfer;
}

export interface PanelFits {
  panel: PanelName;
  source: SourceKey;
  llama2: Trajectory;
  linearRoute: OdeHoldout;
  sparseRoute: OdeHoldout;
  lofo: { fit: 'linear' | 'sparse'; rows: LofoResult[] }[];
  opt: { intervals: Interval[]; fixedPoint: FixedPointFit | null };
  isocline: { ab: number; families: { family: string; calls: IsoclineCall[] }[] };
  pysr: WidthPowerLaw | null;
}

export interface PolyRow {
  data: string;
  train: string;
  inSample: boolean;
  targets: string[];
  fit: PolyHoldout;
}

export interface CurvePoint {
  curve: string;
  benchmark: Benchmark;
  paramsB: number;
  value: number;
}

export interface OdeNumbers {
  sources: SourceFits[];
  panels: PanelFits[];
  poly: PolyRow[];
  sweeps: { scale: number; points: SweepPoint[] }[];
  fig3Curves: CurvePoint[];
  fig2cCurves: CurvePoint[];
  sim: SimSettings;
  sparse: SparseSettings;
}

const SOURCE_LABEL: Record<SourceKey, string> = {
  published: 'as-published panel, 8 Pythia rows (the ai_free_energy_data.json values regen_ode_figure.py uses)',
  figure: 'Pythia table of generate_all_figures.py (data/extracted/pythia-figure-table.csv)',
  audited: 'audited panel, 8 Pythia rows (Open LLM Leaderboard v1, deduped checkpoints)',
};

function sourceFits(key: SourceKey, pythia: Trajectory, ctx: PanelContext, sim: SimSettings, sparse: SparseSettings): SourceFits {
  const cfg = ctx.config.ode;
  const samples = samplesOf(pythia, cfg.scoreScale);
  const linear = fitLinear(samples);
  const sp = fitSparse(samples, sparse);
  return {
    key,
    label: SOURCE_LABEL[key],
    pythia,
    linear,
    linearReplay: replay(linear, pythia, sim),
    sparse: sp,
    sparseReplay: replay(sp.system, pythia, sim),
    tax: phaseFit(pythia, cfg.taxSetB[0], cfg.taxSetB[1], cfg.scoreScale, sparse),
    bonus: phaseFit(pythia, cfg.bonusSetB[0], cfg.bonusSetB[1], cfg.scoreScale, sparse),
    transfer: phaseTransfer(pythia, cfg.taxSetB, cfg.bonusSetB),
  };
}

function panelFits(panel: Panel, src: SourceFits, ctx: PanelContext, sim: SimSettings, sparse: SparseSettings): PanelFits {
  const cfg = ctx.config;
  const fams = familiesOf(panel);
  const llama2 = trajectoryOf('Llama-2', fams.get('Llama-2') ?? []);
  const all = panelTrajectories(panel);
  const lofo = (['linear', 'sparse'] as const).map((fit) => ({
    fit,
    rows: leaveOneFamilyOut(all, cfg.ode.lofoMinModels, cfg.ode.scoreScale, fit === 'linear' ? linearFitter() : sparseFitter(sparse), sim),
  }));
  const iv = (f: string) => familyIntervals(fams.get(f) ?? [], cfg.coupling.minDeltaHs, cfg.coupling.phaseThreshold);
  const optIntervals = iv('OPT');
  const ab = isoclineConstant(
    (fams.get(cfg.ode.isoclineCalibrationFamily) ?? []).filter((m) => m.scores.hellaswag !== null && m.scores.truthfulqa_mc2 !== null),
  );
  return {
    panel: panel.name,
    source: src.key,
    llama2,
    linearRoute: odeHoldout(src.linear, llama2, sim),
    sparseRoute: odeHoldout(src.sparse.system, llama2, sim),
    lofo,
    opt: { intervals: optIntervals, fixedPoint: fixedPointFit(optIntervals, cfg.ode.fixedPointMaxB) },
    isocline: { ab, families: cfg.ode.isoclineFamilies.map((f) => ({ family: f, calls: isoclineCalls(fams.get(f) ?? [], iv(f), ab) })) },
    pysr: widthPowerLaw(
      (fams.get('Pythia') ?? []).filter((m) => m.quirk !== 'misfiled'),
      cfg.width.referenceDModel,
    ),
  };
}

function polyRows(ctx: PanelContext, degrees: readonly number[]): PolyRow[] {
  const pooled = ctx.data.pooled14.map((r) => ({ family: r.family, model: r.model, paramsB: r.paramsB, value: r.truthfulqa }));
  const fromPanel = (panel: Panel): SizedScore[] => {
    const pythia = pythiaOf(panel);
    const rest = (['Llama-1', 'Llama-2'] as const).flatMap((f) => trajectoryOf(f, familiesOf(panel).get(f) ?? []));
    return [pythia, ...rest].flatMap((tr) => tr.models.map((m, i) => ({ family: tr.family, model: m, paramsB: tr.paramsB[i]!, value: tr.states[i]![TQA]! })));
  };
  const sets: [string, SizedScore[]][] = [
    ['pooled-N_c script table (pooled14: Pythia 8, Llama-1 3, Llama-2 3)', pooled],
    ['as-published panel', fromPanel(ctx.panels.published)],
    ['audited panel', fromPanel(ctx.panels.audited)],
  ];
  const trains: [string, string[], boolean][] = [
    ['Pythia + Llama-1', ['Pythia', 'Llama-1'], false],
    ['Pythia only', ['Pythia'], false],
    ['Pythia + Llama-1 + Llama-2 (in-sample, as the figure code does)', ['Pythia', 'Llama-1', 'Llama-2'], true],
  ];
  return sets.flatMap(([data, pts]) => {
    const targets = pts.filter((p) => p.family === 'Llama-2');
    return trains.flatMap(([train, fams, inSample]) =>
      degrees.map((d) => ({
        data,
        train,
        inSample,
        targets: targets.map((t) => t.model),
        fit: polyHoldout(
          pts.filter((p) => fams.includes(p.family)),
          targets,
          d,
        ),
      })),
    );
  });
}

function denseTimes(fromB: number, toB: number, perDecade: number): number[] {
  const t0 = log10N(fromB);
  const t1 = log10N(toB);
  const n = Math.max(2, Math.ceil((t1 - t0) * perDecade) + 1);
  return Array.from({ length: n }, (_, i) => t0 + ((t1 - t0) * i) / (n - 1));
}

/** Integrated trajectories on a dense grid in log N, for plotting. */
function odeCurve(curve: string, sys: PolySystem, tr: Trajectory, toB: number, sim: SimSettings, perDecade: number): CurvePoint[] {
  const times = denseTimes(tr.paramsB[0]!, toB, perDecade);
  const { predicted } = simulate(sys, tr.states[0]!, tr.t[0]!, times, sim);
  return times.flatMap((t, i) =>
    BENCHMARKS.flatMap((b, j) => (Number.isFinite(predicted[i]![j]!) ? [{ curve, benchmark: b, paramsB: 10 ** t / 1e9, value: predicted[i]![j]! }] : [])),
  );
}

export function computeOde(ctx: PanelContext): OdeNumbers {
  const cfg = ctx.config.ode;
  const sim: SimSettings = { scale: cfg.scoreScale, stepsPerDecade: cfg.rk4StepsPerDecade, divergenceBoundPercent: cfg.divergenceBoundPercent };
  const sparse: SparseSettings = { libraryDegree: cfg.libraryDegree, threshold: cfg.threshold, ridgeAlpha: cfg.ridgeAlpha, maxIterations: cfg.maxIterations };
  const published = sourceFits('published', pythiaOf(ctx.panels.published), ctx, sim, sparse);
  const figure = sourceFits('figure', pythiaFigureTrajectory(ctx.data.pythiaFigure), ctx, sim, sparse);
  const audited = sourceFits('audited', pythiaOf(ctx.panels.audited), ctx, sim, sparse);
  const panels = [panelFits(ctx.panels.published, published, ctx, sim, sparse), panelFits(ctx.panels.audited, audited, ctx, sim, sparse)];
  const base = { libraryDegree: cfg.libraryDegree, ridgeAlpha: cfg.ridgeAlpha, maxIterations: cfg.maxIterations };
  // The same λ grid on percent scores shows what the scaling does to λ's meaning.
  const sweeps = [...new Set([cfg.scoreScale, 1])].map((scale) => ({
    scale,
    points: thresholdSweep(samplesOf(published.pythia, scale), published.pythia, panels[0]!.llama2, cfg.thresholdSweep, base, { ...sim, scale }),
  }));
  const poly = polyRows(ctx, cfg.baselineDegrees);
  const pythiaEnd = published.pythia.paramsB.at(-1)!;
  const fig3Curves = [
    ...odeCurve('linear ODE, as coded', published.linear, published.pythia, pythiaEnd, sim, cfg.curvePointsPerDecade),
    ...odeCurve(`STLSQ ODE, λ = ${cfg.threshold}, as described`, published.sparse.system, published.pythia, pythiaEnd, sim, cfg.curvePointsPerDecade),
  ];
  const pooledFit = (train: string) => poly.find((r) => r.data.startsWith('pooled') && r.train === train && r.fit.degree === cfg.figureDegree)!;
  const llama2 = panels[0]!.llama2;
  const curveName = (inSample: boolean) =>
    inSample ? `degree ${cfg.figureDegree}, fitted on all 14 (Llama-2 in-sample, the figure code)` : `degree ${cfg.figureDegree}, fitted on Pythia + Llama-1`;
  const fig2cCurves = [
    ...[pooledFit('Pythia + Llama-1'), pooledFit('Pythia + Llama-1 + Llama-2 (in-sample, as the figure code does)')].flatMap((r) =>
      polyCurve(r.fit.coef, Math.min(...ctx.data.pooled14.map((m) => m.paramsB)), llama2.paramsB.at(-1)!, cfg.curvePointsPerDecade).map((p) => ({
        curve: curveName(r.inSample),
        benchmark: 'truthfulqa_mc2' as Benchmark,
        ...p,
      })),
    ),
    ...odeCurve(
      'linear ODE fitted on Pythia, from the panel’s Llama-2-7B',
      published.linear,
      llama2,
      llama2.paramsB.at(-1)!,
      sim,
      cfg.curvePointsPerDecade,
    ).filter((p) => p.benchmark === 'truthfulqa_mc2'),
  ];
  return { sources: [published, figure, audited], panels, poly, sweeps, fig3Curves, fig2cCurves, sim, sparse };
}
