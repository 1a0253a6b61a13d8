import { BENCHMARKS } from '../config.ts';
import { familiesOf } from '../panels.ts';
import type { PythiaFigureRow } from '../ingest.ts';
import type { Model, Panel } from '../types.ts';

/** One family's five-benchmark trajectory over t = log10 N (N in parameters), scores in percent. */
export interface Trajectory {
  family: string;
  models: string[];
  paramsB: number[];
  t: number[];
  states: number[][];
}

/** A finite-difference sample: midpoint state and slope per decade of N, both in scaled units. */
export interface Sample {
  family: string;
  from: string;
  to: string;
  state: number[];
  deriv: number[];
}

export const log10N = (paramsB: number) => Math.log10(paramsB * 1e9);

const complete = (m: Model) => BENCHMARKS.every((b) => m.scores[b] !== null);

/** Models with all five scores, in size order (the order familiesOf gives). */
export function trajectoryOf(family: string, models: readonly Model[]): Trajectory {
  const ms = models.filter(complete);
  return {
    family,
    models: ms.map((m) => m.model),
    paramsB: ms.map((m) => m.paramsB),
    t: ms.map((m) => log10N(m.paramsB)),
    states: ms.map((m) => BENCHMARKS.map((b) => m.scores[b]!)),
  };
}

export function panelTrajectories(panel: Panel): Trajectory[] {
  return [...familiesOf(panel).entries()].map(([f, ms]) => trajectoryOf(f, ms)).filter((tr) => tr.models.length > 0);
}

/**
 * The 8 Pythia models of a panel. The published panel files GPT-J-6B and
 * GPT-NeoX-20B under Pythia; the authors' ODE script uses the 8 Pythia sizes
 * only, so misfiled rows are left out here.
 */
export function pythiaOf(panel: Panel): Trajectory {
  const fam = familiesOf(panel).get('Pythia') ?? [];
  return trajectoryOf(
    'Pythia',
    fam.filter((m) => m.quirk !== 'misfiled'),
  );
}

export function pythiaFigureTrajectory(rows: readonly PythiaFigureRow[]): Trajectory {
  const sorted = [...rows].sort((a, b) => a.paramsB - b.paramsB);
  return {
    family: 'Pythia',
    models: sorted.map((r) => r.model),
    paramsB: sorted.map((r) => r.paramsB),
    t: sorted.map((r) => log10N(r.paramsB)),
    states: sorted.map((r) => BENCHMARKS.map((b) => r.scores[b])),
  };
}

/** Sub-trajectory of the models whose size lies in [loB, hiB]. */
export function sizeRange(tr: Trajectory, loB: number, hiB: number): Trajectory {
  const keep = tr.paramsB.map((p) => p >= loB - 1e-12 && p <= hiB + 1e-12);
  const pick = <T>(xs: T[]) => xs.filter((_, i) => keep[i]);
  return { family: tr.family, models: pick(tr.models), paramsB: pick(tr.paramsB), t: pick(tr.t), states: pick(tr.states) };
}

/**
 * Finite differences between consecutive sizes: slope (B[i+1] − B[i]) / Δlog10 N
 * with the midpoint state (B[i] + B[i+1]) / 2 as regressor. Two rows of the
 * same size (duplicates) give no slope and are skipped.
 */
export function samplesOf(tr: Trajectory, scale: number): Sample[] {
  const out: Sample[] = [];
  for (let i = 1; i < tr.t.length; i++) {
    const dt = tr.t[i]! - tr.t[i - 1]!;
    if (!(dt > 0)) continue;
    const a = tr.states[i - 1]!;
    const b = tr.states[i]!;
    out.push({
      family: tr.family,
      from: tr.models[i - 1]!,
      to: tr.models[i]!,
      state: a.map((v, j) => (scale * (v + b[j]!)) / 2),
      deriv: a.map((v, j) => (scale * (b[j]! - v)) / dt),
    });
  }
  return out;
}
