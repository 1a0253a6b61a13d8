import type { Config } from './config.ts';
import { couplingNoise, familyCoupling, type Correlation } from './coupling.ts';
import { familyNc, type FamilyNc } from './critical-scale/stage.ts';
import type { Intervention } from './ingest.ts';
import type { Interval } from './intervals.ts';
import type { NcDistribution } from './noise/family-draws.ts';
import type { NoiseModel } from './noise/noise-model.ts';
import type { Phase } from './phase.ts';
import type { Rng } from './stats/rng.ts';
import type { Model } from './types.ts';
import { widthRow, type WidthRow } from './width.ts';

/** A paper family's numbers, the yardstick a diagnosed family is placed against. */
export interface ReferenceFamily {
  family: string;
  r: number | null;
  ncB: number | null;
  ncStatus: string;
}

export interface Placement {
  /** How many reference families have a lower r(HS, TQA), out of how many with an r. */
  rBelow: number;
  rOf: number;
  /** Among reference families that cross, how many cross at a smaller N. */
  ncBelow: number;
  ncOf: number;
  /** The reference family with the closest r. */
  closest: string | null;
  summary: string;
}

export interface Diagnosis {
  family: string;
  models: { model: string; paramsB: number; hs: number | null; tqa: number | null; phase: Phase | null }[];
  intervals: Interval[];
  /** Phase of the interval ending at the largest model: where scaling this family now sits. */
  phase: Phase | null;
  /** The same interval's g12 sign under score noise: a phase whose sign noise decides is "within noise". */
  phaseSign: Interval['sign'];
  hsTqa: Correlation;
  /** Central interval of r(HS, TQA) under score noise. */
  rNoise: [number, number] | null;
  /** N_c as a distribution over score-noise draws. */
  ncDistribution: NcDistribution | null;
  partialR: number | null;
  nc: FamilyNc;
  /** Null when fewer than three models carry d_model. */
  width: WidthRow | null;
  placement: Placement;
  interventions: Intervention[];
}

export function placeFamily(r: number | null, ncB: number | null, reference: readonly ReferenceFamily[]): Placement {
  const withR = reference.filter((f) => f.r !== null && Number.isFinite(f.r));
  const crossing = reference.filter((f) => f.ncB !== null);
  const rBelow = r === null ? 0 : withR.filter((f) => f.r! < r).length;
  const ncBelow = ncB === null ? 0 : crossing.filter((f) => f.ncB! < ncB).length;
  const closest = r === null ? null : ([...withR].sort((a, b) => Math.abs(a.r! - r) - Math.abs(b.r! - r))[0]?.family ?? null);
  const parts = [
    r === null
      ? 'no r(HS, TQA) (fewer than 3 scored models)'
      : `r(HS, TQA) = ${r.toFixed(3)} is above ${rBelow} of ${withR.length} paper families (closest: ${closest})`,
    ncB === null
      ? `no N_c; ${crossing.length} of ${reference.length} paper families have one`
      : `N_c = ${ncB.toPrecision(3)}B is later than ${ncBelow} of the ${crossing.length} paper families with a crossing`,
  ];
  return { rBelow, rOf: withR.length, ncBelow, ncOf: crossing.length, closest, summary: parts.join('; ') };
}

/**
 * Diagnoses one family from its models' own scores (never from size alone):
 * local coupling per interval, phases, N_c with a bootstrap CI, width
 * normalisation when widths are given, and the interventions for its phase.
 */
export function diagnoseFamily(
  models: readonly Model[],
  reference: readonly ReferenceFamily[],
  interventions: readonly Intervention[],
  cfg: Config,
  noise: NoiseModel,
  rng: Rng,
): Diagnosis {
  const sorted = [...models].sort((a, b) => a.paramsB - b.paramsB);
  const family = sorted[0]?.family ?? '';
  const fc = familyCoupling(family, sorted, cfg, rng.fork('coupling'), couplingNoise(noise, cfg, rng.fork('noise')));
  const nc = familyNc('as published', fc, cfg, rng.fork('nc'));
  const width = sorted.filter((m) => m.dModel !== null).length >= 3 ? widthRow('as published', family, 'all', sorted, cfg, rng.fork('width')) : null;
  const last = [...fc.intervals].reverse().find((iv) => iv.phase !== null);
  const phase = last?.phase ?? null;
  const hsTqa = fc.correlations[0]!;
  return {
    family,
    models: sorted.map((m) => ({
      model: m.model,
      paramsB: m.paramsB,
      hs: m.scores.hellaswag,
      tqa: m.scores.truthfulqa_mc2,
      phase: fc.phases.get(m.model) ?? null,
    })),
    intervals: fc.intervals,
    phase,
    phaseSign: last?.sign ?? null,
    hsTqa,
    rNoise: fc.noise?.r ?? null,
    ncDistribution: fc.noise?.nc ?? null,
    partialR: fc.partial?.r ?? null,
    nc,
    width: width && width.normalisedR !== null ? width : null,
    placement: placeFamily(Number.isFinite(hsTqa.r) ? hsTqa.r : null, nc.ncB, reference),
    interventions: interventions.filter((i) => i.phase === phase),
  };
}
