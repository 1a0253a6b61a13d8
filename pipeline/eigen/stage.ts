/** The eigen stage (Paper A §2.3, Fig. 1c–d, App. A.9): d_eff per phase, the Pythia correlation matrix and its trend, the 26-model PCA, gain rates and the OLMo sources. */
import { BENCHMARKS } from '../config.ts';
import { eigenClaims } from './claims.ts';
import { frontierIfevalDeff, frontierSubset, pca } from './pca.ts';
import { panelPhaseDeffs, phaseDeff } from './phases.ts';
import { correlationEigen, gainRates, PYTHIA_FIGURE_SOURCE, PYTHIA_PANEL_SOURCE, trendFit, trendWindows, type PythiaPoint } from './pythia.ts';
import { eigenTables } from './tables.ts';
import { olmoSources } from './olmo-sources.ts';
import type { CouplingContext } from '../stage-context.ts';
import type { EigenCore, EigenOutput } from './types.ts';

export type { EigenCore, EigenOutput } from './types.ts';

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
