export type Rhs = (t: number, y: readonly number[]) => number[];

export interface Solution {
  /** States at the requested times, in the order requested; NaN from the point of divergence on. */
  states: number[][];
  /** First requested time that could not be reached with finite states below the bound, or null. */
  divergedAt: number | null;
}

const axpy = (y: readonly number[], h: number, k: readonly number[]) => y.map((v, i) => v + h * k[i]!);

/** One classical fourth-order Runge–Kutta step. */
export function rk4Step(f: Rhs, t: number, y: readonly number[], h: number): number[] {
  const k1 = f(t, y);
  const k2 = f(t + h / 2, axpy(y, h / 2, k1));
  const k3 = f(t + h / 2, axpy(y, h / 2, k2));
  const k4 = f(t + h, axpy(y, h, k3));
  return y.map((v, i) => v + (h / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!));
}

/**
 * Integrates y' = f(t, y) from (t0, y0) forward to each of `times` (ascending,
 * all ≥ t0) with fixed RK4 steps, at least `stepsPerUnit` per unit of t.
 * Polynomial right-hand sides can blow up in finite time, so integration stops
 * once a state leaves [-bound, bound] or is not finite.
 */
export function integrate(f: Rhs, y0: readonly number[], t0: number, times: readonly number[], stepsPerUnit: number, bound = Infinity): Solution {
  const states: number[][] = [];
  let t = t0;
  let y = y0.slice();
  let divergedAt: number | null = null;
  const nan = () => y0.map(() => NaN);
  for (const target of times) {
    if (target < t - 1e-12) throw new Error(`integrate: times must be ascending and ≥ t0 (got ${target} after ${t})`);
    if (divergedAt !== null) {
      states.push(nan());
      continue;
    }
    const n = Math.ceil((target - t) * stepsPerUnit - 1e-9);
    const h = n > 0 ? (target - t) / n : 0;
    for (let s = 0; s < n; s++) {
      y = rk4Step(f, t + s * h, y, h);
      if (!y.every((v) => Number.isFinite(v) && Math.abs(v) <= bound)) break;
    }
    if (!y.every((v) => Number.isFinite(v) && Math.abs(v) <= bound)) {
      divergedAt = target;
      states.push(nan());
      continue;
    }
    t = target;
    states.push(y.slice());
  }
  return { states, divergedAt };
}
