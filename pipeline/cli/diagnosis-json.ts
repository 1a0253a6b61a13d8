/**
 * The machine-readable form of a diagnosis (`cape diagnose --json`): snake_case
 * keys, one object per interval with its measurement noise, and N_c both as
 * the point reading and as a distribution over score-noise draws.
 */
import type { Diagnosis } from '../diagnose.ts';
import { interventionRecord } from '../ingest.ts';
import { intervalRecord } from '../intervals.ts';

export function diagnosisJson(d: Diagnosis, focus: string | null, panel: string) {
  const n = d.ncDistribution;
  return {
    family: d.family,
    focus,
    judged_against: panel,
    phase: d.phase,
    phase_sign: d.phaseSign,
    models: d.models.map((m) => ({ model: m.model, params_b: m.paramsB, hellaswag: m.hs, truthfulqa_mc2: m.tqa, phase: m.phase })),
    intervals: d.intervals.map(intervalRecord),
    r_hs_tqa: { r: d.hsTqa.r, n: d.hsTqa.n, p: d.hsTqa.p, noise_low: d.rNoise?.[0] ?? null, noise_high: d.rNoise?.[1] ?? null },
    partial_r: d.partialR,
    nc: {
      status: d.nc.status,
      n_c_b: d.nc.ncB,
      at_model_b: d.nc.atModelB,
      reason: d.nc.reason,
      resample_ci_b: d.nc.ci95,
      resamples_with_crossing: d.nc.resamplesWithCrossing,
      resamples: d.nc.resamples,
    },
    n_c_distribution: n ? { p_defined: n.pDefined, median_b: n.medianB, low_b: n.lowB, high_b: n.highB, draws: n.draws } : null,
    width: d.width
      ? {
          raw_r: d.width.rawR,
          normalised_r: d.width.normalisedR,
          nulls: d.width.nulls.map((x) => ({ kind: x.kind, draws: x.draws, median: x.median, low: x.lo, high: x.hi, real_percentile: x.realPercentile })),
        }
      : null,
    placement: {
      r_below: d.placement.rBelow,
      r_of: d.placement.rOf,
      nc_below: d.placement.ncBelow,
      nc_of: d.placement.ncOf,
      closest: d.placement.closest,
      summary: d.placement.summary,
    },
    interventions: d.interventions.map(interventionRecord),
  };
}
