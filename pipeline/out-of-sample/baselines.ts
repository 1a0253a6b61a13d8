/**
 * P4's pre-registered baseline: each benchmark extrapolated on a straight
 * line in log10 N with the Pythia slope, from the held-out family's smallest
 * model (the same information the ODE starts from), scored like the ODE.
 */
import { mapeOf, type OdeHoldout } from '../ode/holdout.ts';
import type { Trajectory } from '../ode/data.ts';

function slope(t: readonly number[], y: readonly number[]): number {
  const mt = t.reduce((a, b) => a + b, 0) / t.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  let sty = 0;
  let stt = 0;
  for (let i = 0; i < t.length; i++) {
    sty += (t[i]! - mt) * (y[i]! - my);
    stt += (t[i]! - mt) ** 2;
  }
  return sty / stt;
}

export function straightLines(reference: Trajectory, target: Trajectory): OdeHoldout {
  const k = reference.states[0]!.length;
  const slopes = Array.from({ length: k }, (_, j) =>
    slope(
      reference.t,
      reference.states.map((s) => s[j]!),
    ),
  );
  const t0 = target.t[0]!;
  const start = target.states[0]!;
  const predicted = target.t.slice(1).map((t) => slopes.map((b, j) => start[j]! + b * (t - t0)));
  const actual = target.states.slice(1);
  return {
    predicted,
    actual,
    models: target.models.slice(1),
    mapeAll: mapeOf(predicted.flat(), actual.flat()),
    mapePerBenchmark: slopes.map((_, j) =>
      mapeOf(
        predicted.map((r) => r[j]!),
        actual.map((r) => r[j]!),
      ),
    ),
    divergedAt: null,
  };
}
