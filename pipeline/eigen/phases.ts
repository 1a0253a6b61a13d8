import { BENCHMARKS, type Config } from '../config.ts';
import type { FamilyCoupling, PanelCoupling } from '../coupling.ts';
import type { Phase } from '../phase.ts';
import { percentileInterval } from '../stats/describe.ts';
import { symmetricEigen } from '../stats/eigen.ts';
import { correlationMatrix, covarianceMatrix, participationRatio } from '../stats/participation-ratio.ts';
import type { Rng } from '../stats/rng.ts';
import { strataBy, stratifiedResample } from '../stats/stratified-bootstrap.ts';

export type PhaseRule = Config['eigen']['phaseRule'] | Config['eigen']['sensitivityRules'][number];
export type EigenPhase = Phase | 'frontier';

/** One scored item entering a phase PCA: five benchmark scores in BENCHMARKS order. */
export interface ScoredModel {
  model: string;
  family: string;
  scores: number[];
}

export interface PhaseDeff {
  panel: string;
  rule: PhaseRule | string;
  phase: EigenPhase;
  /** Models with the phase, before dropping those missing a score. */
  nAssigned: number;
  nModels: number;
  nFamilies: number;
  models: string[];
  deffCov: number;
  deffCorr: number;
  covCi: [number, number] | null;
  corrCi: [number, number] | null;
  validResamples: number;
}

/** Phase of each model under a rule; models the rule leaves without a phase are absent. */
export function phasesByRule(f: FamilyCoupling, rule: PhaseRule): Map<string, Phase> {
  const out = new Map<string, Phase>();
  const put = (model: string, p: Phase | null) => {
    if (p) out.set(model, p);
  };
  if (rule === 'phase-of-interval-starting-at-model') {
    for (const iv of f.intervals) put(iv.from, iv.phase);
    return out;
  }
  for (const [m, p] of f.phases) put(m, p);
  if (rule === 'ending-at-model-and-smallest-takes-first-interval' && f.intervals[0]) put(f.intervals[0].from, f.intervals[0].phase);
  return out;
}

export function deffOf(items: readonly ScoredModel[]): { cov: number; corr: number } {
  if (items.length < 2) return { cov: NaN, corr: NaN };
  const X = items.map((m) => m.scores);
  const cov = participationRatio(symmetricEigen(covarianceMatrix(X)).values);
  const R = correlationMatrix(X);
  const corr = R.flat().every(Number.isFinite) ? participationRatio(symmetricEigen(R).values) : NaN;
  return { cov, corr };
}

/** Family-stratified bootstrap of d_eff: each family resamples its own models with replacement. */
export function bootstrapDeff(items: readonly ScoredModel[], rng: Rng, resamples: number, level: number) {
  const strata = strataBy(items, (m) => m.family);
  const cov: number[] = [];
  const corr: number[] = [];
  for (let b = 0; b < resamples; b++) {
    const d = deffOf(stratifiedResample(rng, strata).map((i) => items[i]!));
    if (Number.isFinite(d.cov)) cov.push(d.cov);
    if (Number.isFinite(d.corr)) corr.push(d.corr);
  }
  const ci = (xs: number[]) => (xs.length > 0 ? percentileInterval(xs, level) : null);
  return { covCi: ci(cov), corrCi: ci(corr), valid: Math.min(cov.length, corr.length) };
}

export function phaseDeff(
  panel: string,
  rule: string,
  phase: EigenPhase,
  assigned: readonly { model: string; family: string; scores: (number | null)[] }[],
  boot: { rng: Rng; resamples: number; level: number } | null,
): PhaseDeff {
  const items = assigned.filter((m) => m.scores.every((x) => x !== null)) as ScoredModel[];
  const d = deffOf(items);
  const b = boot && items.length >= 2 ? bootstrapDeff(items, boot.rng, boot.resamples, boot.level) : null;
  return {
    panel,
    rule,
    phase,
    nAssigned: assigned.length,
    nModels: items.length,
    nFamilies: new Set(items.map((m) => m.family)).size,
    models: items.map((m) => m.model),
    deffCov: d.cov,
    deffCorr: d.corr,
    covCi: b?.covCi ?? null,
    corrCi: b?.corrCi ?? null,
    validResamples: b?.valid ?? 0,
  };
}

/** d_eff for tax, transition and bonus of one panel under one phase rule. */
export function panelPhaseDeffs(pc: PanelCoupling, rule: PhaseRule, boot: { rng: Rng; resamples: number; level: number } | null): PhaseDeff[] {
  const assigned = (phase: Phase) =>
    pc.families.flatMap((f) => {
      const ph = phasesByRule(f, rule);
      return f.models.filter((m) => ph.get(m.model) === phase).map((m) => ({ model: m.model, family: m.family, scores: BENCHMARKS.map((b) => m.scores[b]) }));
    });
  return (['tax', 'transition', 'bonus'] as const).map((phase) =>
    phaseDeff(pc.panel, rule, phase, assigned(phase), boot && { ...boot, rng: boot.rng.fork(`${pc.panel}/${rule}/${phase}`) }),
  );
}
