import type { Config } from '../config.ts';
import type { FrontierModel } from './ingest.ts';
import { predictOnLine } from '../stats/line-prediction.ts';
import { fitLine, type LineFit } from '../stats/ols.ts';
import type { Variant } from '../types.ts';

export type FrontierConfig = Config['frontier'];

export const swe = (m: FrontierModel): number => m.scores.swe_verified ?? NaN;
export const gpqa = (m: FrontierModel): number => m.scores.gpqa_diamond ?? NaN;
export const hasAxes = (m: FrontierModel): boolean => m.scores.swe_verified !== null && m.scores.gpqa_diamond !== null;

export const isFrozen = (m: FrontierModel, cfg: FrontierConfig): boolean => m.panel === cfg.frozenPanel;

/** OLS of GPQA Diamond on SWE-bench Verified. */
export function fitPanel(models: readonly FrontierModel[]): LineFit {
  const ms = models.filter(hasAxes);
  return fitLine(ms.map(swe), ms.map(gpqa));
}

export interface SubsetFit {
  key: string;
  label: string;
  variant: Variant;
  models: FrontierModel[];
  /** Frozen-panel models left out of this subset. */
  excluded: string[];
  fit: LineFit;
}

/** The paper's subsets (Sec. 4.1); "no compute-tier variants" is computed both as the authors' mask and as the text describes. */
export function subsetFits(models: readonly FrontierModel[], cfg: FrontierConfig): SubsetFit[] {
  const frozen = models.filter((m) => isFrozen(m, cfg) && hasAxes(m));
  const make = (key: string, label: string, variant: Variant, keep: (m: FrontierModel) => boolean, pool = frozen): SubsetFit => {
    const kept = pool.filter(keep);
    return { key, label, variant, models: kept, excluded: frozen.filter((m) => !kept.includes(m)).map((m) => m.model), fit: fitPanel(kept) };
  };
  return [
    make('frozen', 'frozen panel (all frozen models)', 'as described', () => true),
    make('core', 'core subset', 'as described', (m) => m.subset === 'core'),
    make('swe_ge', `SWE-bench Verified >= ${cfg.sweSubsetMin}`, 'as described', (m) => swe(m) >= cfg.sweSubsetMin),
    make('no_compute_tier_described', 'no compute-tier variants (rows flagged compute_tier_variant dropped)', 'as described', (m) => !m.computeTierVariant),
    make('no_compute_tier_coded', "no compute-tier variants (authors' mask: names with std or xhigh dropped)", 'as coded', (m) => m.inNoComputeTierSubset),
    make('all_rows', 'every row (frozen + post-cutoff)', 'as described', () => true, models.filter(hasAxes)),
  ];
}

/** h = GPQA − (b1·SWE + b0): distance above (reasoning-rich) or below (coding-rich) the population line, in GPQA points. */
export function hField(m: FrontierModel, fit: LineFit): number {
  return gpqa(m) - (fit.intercept + fit.slope * swe(m));
}

export type PhaseLabel = 'coding-specialist' | 'cooperative' | 'reasoning-specialist';
export type PlaybookLabel = 'coding-rich' | 'balanced' | 'reasoning-rich';

export function phaseOf(h: number, band: number): PhaseLabel {
  return h < -band ? 'coding-specialist' : h > band ? 'reasoning-specialist' : 'cooperative';
}

export function playbookOf(h: number, band: number): PlaybookLabel {
  return h < -band ? 'coding-rich' : h > band ? 'reasoning-rich' : 'balanced';
}

export interface PanelRow {
  model: FrontierModel;
  frozen: boolean;
  /** Residual from the frozen line. */
  h: number;
  /** Residual from the line refitted on every row (frozen + post-cutoff). */
  hRefit: number;
  phase: PhaseLabel;
  playbook: PlaybookLabel;
  predicted: number;
  piLow: number;
  piHigh: number;
}

export function panelRows(models: readonly FrontierModel[], fit: LineFit, refit: LineFit, cfg: FrontierConfig): PanelRow[] {
  const frozen = models.filter((m) => isFrozen(m, cfg) && hasAxes(m));
  const xs = frozen.map(swe);
  const ys = frozen.map(gpqa);
  return models.filter(hasAxes).map((m) => {
    const h = hField(m, fit);
    const p = predictOnLine(fit, xs, ys, swe(m), cfg.predictionIntervalLevel);
    return {
      model: m,
      frozen: isFrozen(m, cfg),
      h,
      hRefit: hField(m, refit),
      phase: phaseOf(h, cfg.cooperativeBand),
      playbook: playbookOf(h, cfg.playbookBand),
      predicted: p.fitted,
      piLow: p.low,
      piHigh: p.high,
    };
  });
}

/** The frozen line and its prediction band at evenly spaced SWE values, so figures plot it as data. */
export function lineSamples(
  models: readonly FrontierModel[],
  fit: LineFit,
  cfg: FrontierConfig,
  points = 41,
): { swe: number; gpqa: number; low: number; high: number }[] {
  const frozen = models.filter((m) => isFrozen(m, cfg) && hasAxes(m));
  const all = models.filter(hasAxes).map(swe);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  return Array.from({ length: points }, (_, i) => {
    const x = lo + ((hi - lo) * i) / (points - 1);
    const p = predictOnLine(fit, frozen.map(swe), frozen.map(gpqa), x, cfg.predictionIntervalLevel);
    return { swe: x, gpqa: p.fitted, low: p.low, high: p.high };
  });
}
