import { BENCHMARKS } from '../config.ts';
import { eigenClaims } from './claims.ts';
import { frontierIfevalDeff, frontierSubset, pca, type FrontierIfevalDeff, type Pca } from './pca.ts';
import { panelPhaseDeffs, phaseDeff, type PhaseDeff } from './phases.ts';
import { correlationEigen, gainRates, PYTHIA_FIGURE_SOURCE, PYTHIA_PANEL_SOURCE, trendFit, trendWindows, type CorrelationEigen, type PythiaPoint, type TrendFit, type TrendWindow } from './pythia.ts';
import { eigenTables } from './tables.ts';
import { olmoSources, type OlmoSource } from './olmo-sources.ts';
import type { CouplingContext } from '../stage-context.ts';
import type { LineFit } from '../stats/ols.ts';
import type { StageOutput } from '../types.ts';

export interface EigenOutput extends StageOutput {
  /** The configured phase rule, both panels, with bootstrap CIs; plus the frontier subset. */
  phaseDeffs: PhaseDeff[];
  /** The other phase rules, point estimates only. */
  sensitivity: PhaseDeff[];
  pythia: CorrelationEigen[];
  trend: TrendWindow[];
  trendFits: TrendFit[];
  gains: { source: string; benchmark: string; fit: LineFit }[];
  pca26: Pca;
  frontierIfeval: FrontierIfevalDeff;
  frontierIfevalAsCoded: FrontierIfevalDeff;
  olmo: OlmoSource[];
}

/** Everything the stage computes before it is shaped into tables and claims. */
export type EigenCore = Omit<EigenOutput, 'tables' | 'claims'>;

export function runEigen(ctx: CouplingContext): EigenOutput {
  const cfg = ctx.config.eigen;
  const boot = { rng: ctx.rng.fork('phase-bootstrap'), resamples: cfg.bootstrapResamples, level: cfg.ciLevel };
  const frontier = frontierSubset(ctx.data.internals.benchmarks26, cfg.frontierMinParamsB);
  const phaseDeffs = [
    ...panelPhaseDeffs(ctx.coupling.published, cfg.phaseRule, boot),
    ...panelPhaseDeffs(ctx.coupling.audited, cfg.phaseRule, boot),
    phaseDeff('26-model file', `params >= ${cfg.frontierMinParamsB}B`, 'frontier', frontier, { ...boot, rng: boot.rng.fork('frontier') }),
  ];
  const sensitivity = cfg.sensitivityRules.flatMap((rule) => [ctx.coupling.published, ctx.coupling.audited].flatMap((pc) => panelPhaseDeffs(pc, rule, null)));

  const panelPythia: PythiaPoint[] = ctx.panels.published.models
    .filter((m) => m.family === 'Pythia' && m.quirk !== 'misfiled' && BENCHMARKS.every((b) => m.scores[b] !== null))
    .sort((a, b) => a.paramsB - b.paramsB)
    .map((m) => ({ model: m.model, paramsB: m.paramsB, scores: BENCHMARKS.map((b) => m.scores[b]!) }));
  const figurePythia: PythiaPoint[] = ctx.data.pythiaFigure.map((r) => ({ model: r.model, paramsB: r.paramsB, scores: BENCHMARKS.map((b) => r.scores[b]) }));
  const sources: [string, PythiaPoint[]][] = [
    [PYTHIA_PANEL_SOURCE, panelPythia],
    [PYTHIA_FIGURE_SOURCE, figurePythia],
  ];
  const pythia = sources.map(([s, pts]) => correlationEigen(s, pts));
  const trend = sources.flatMap(([s, pts]) => trendWindows(s, pts, cfg));
  const trendFits = sources.flatMap(([s]) => cfg.trendWindows.map((mode) => trendFit(trend.filter((w) => w.source === s && w.mode === mode))));
  const gains = sources.flatMap(([s, pts]) => gainRates(pts).map((fit, j) => ({ source: s, benchmark: BENCHMARKS[j]!, fit })));

  const out: EigenCore = {
    phaseDeffs,
    sensitivity,
    pythia,
    trend,
    trendFits,
    gains,
    pca26: pca(ctx.data.internals.benchmarks26.map((r) => r.scores)),
    frontierIfeval: frontierIfevalDeff(
      ctx.data.frontier.models.flatMap((m) => {
        const { swe_verified: swe, gpqa_diamond: gpqa, ifeval } = m.scores;
        return swe !== null && gpqa !== null && ifeval !== null ? [{ model: m.model, swe, gpqa, ifeval }] : [];
      }),
      'the frontier panel (data/frontier/models.csv)',
    ),
    frontierIfevalAsCoded: frontierIfevalDeff(
      ctx.data.frontier.nc3Script.flatMap((r) => {
        const { swe_verified: swe, gpqa_diamond: gpqa, ifeval } = r.scores;
        return swe !== null && gpqa !== null && ifeval !== null ? [{ model: r.scriptModel, swe, gpqa, ifeval }] : [];
      }),
      'the table typed into the authors’ script cape_nc3_saturation.py',
    ),
    olmo: olmoSources(ctx.panels.published, ctx.panels.audited, ctx.data.internals.benchmarks26),
  };
  return { ...out, tables: eigenTables(out, ctx), claims: eigenClaims(out, ctx) };
}
