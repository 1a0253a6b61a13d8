import { BENCHMARKS, type Benchmark, type Config } from '../config.ts';
import { fitLinear, simulate } from './fit.ts';
import { log10N, pythiaOf, samplesOf, trajectoryOf } from './data.ts';
import { familiesOf } from '../panels.ts';
import type { Panel } from '../types.ts';

export interface Prediction {
  family: string;
  startModel: string;
  startB: number;
  targetB: number;
  trainedOn: string;
  trainingRangeB: [number, number];
  /** Null when the integration diverged before the target size. */
  scores: Record<Benchmark, number> | null;
  /** The integrated curve from the start to the target, for plotting. */
  path: { paramsB: number; scores: number[] }[];
  /** The family's own models with all five scores, to set beside the prediction. */
  actual: { model: string; paramsB: number; scores: number[] }[];
  warnings: string[];
}

export class PredictError extends Error {}

const PATH_POINTS = 40;

/**
 * The paper's ODE as the authors coded it (linear least squares on Pythia's
 * finite differences), integrated from a family's smallest fully scored model
 * to the target size.
 */
export function predictScores(panel: Panel, family: string, targetB: number, cfg: Config): Prediction {
  const families = familiesOf(panel);
  const members = families.get(family);
  if (!members) throw new PredictError(`unknown family "${family}"; known families: ${[...families.keys()].join(', ')}`);
  const tr = trajectoryOf(family, members);
  if (tr.models.length === 0)
    throw new PredictError(`family "${family}" has no model with all five benchmark scores (${BENCHMARKS.join(', ')}), so there is no starting point`);
  if (!(targetB > 0)) throw new PredictError(`the target size must be a positive number of billions of parameters, got ${targetB}`);
  const pythia = pythiaOf(panel);
  const sys = fitLinear(samplesOf(pythia, cfg.ode.scoreScale));
  const range: [number, number] = [Math.min(...pythia.paramsB), Math.max(...pythia.paramsB)];
  const t0 = tr.t[0]!;
  const t1 = log10N(targetB);
  const times = Array.from({ length: PATH_POINTS + 1 }, (_, i) => t0 + ((t1 - t0) * i) / PATH_POINTS);
  const sim = { scale: cfg.ode.scoreScale, stepsPerDecade: cfg.ode.rk4StepsPerDecade, divergenceBoundPercent: cfg.ode.divergenceBoundPercent };
  const { predicted, divergedAt } = simulate(sys, tr.states[0]!, t0, times, sim);
  const warnings: string[] = [];
  if (targetB < range[0] || targetB > range[1])
    warnings.push(`${targetB} B lies outside the sizes the ODE was fitted on (Pythia, ${range[0]}–${range[1]} B): this is an extrapolation`);
  if (targetB < tr.paramsB[0]!)
    warnings.push(`${targetB} B is below ${tr.models[0]} (${tr.paramsB[0]} B), the starting model; the ODE is integrated backwards`);
  if (family !== 'Pythia') warnings.push(`the ODE was fitted on Pythia only; see the leave-one-family-out table for how it transfers to other families`);
  if (divergedAt !== null) warnings.push(`the integration left the plausible score range at N ≈ ${(10 ** divergedAt / 1e9).toPrecision(3)} B; no prediction`);
  const last = predicted[predicted.length - 1]!;
  const ok = divergedAt === null && last.every(Number.isFinite);
  const impossible = BENCHMARKS.filter((_, j) => ok && (last[j]! < 0 || last[j]! > 100));
  if (impossible.length > 0)
    warnings.push(`predicted ${impossible.join(', ')} outside 0–100%: the linear ODE has no bound on scores, so treat the prediction as meaningless there`);
  return {
    family,
    startModel: tr.models[0]!,
    startB: tr.paramsB[0]!,
    targetB,
    trainedOn: `Pythia (${pythia.models.length} models, ${panel.name} panel), linear ODE as coded`,
    trainingRangeB: range,
    scores: ok ? (Object.fromEntries(BENCHMARKS.map((b, j) => [b, last[j]!])) as Record<Benchmark, number>) : null,
    path: times.map((t, i) => ({ paramsB: 10 ** t / 1e9, scores: predicted[i]! })).filter((p) => p.scores.every(Number.isFinite)),
    actual: tr.models.map((m, i) => ({ model: m, paramsB: tr.paramsB[i]!, scores: tr.states[i]! })),
    warnings,
  };
}
