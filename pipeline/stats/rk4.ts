/**
 * y' = f(t, y) may return a buffer it reuses on the next call (the ODE's
 * right-hand side does, to allocate nothing per evaluation): the integrator
 * copies each slope out before it calls f again.
 */
export type Rhs = (t: number, y: ArrayLike<number>) => ArrayLike<number>;

export interface Solution {
  /** States at the requested times, in the order requested; NaN from the point of divergence on. */
  states: number[][];
  /** First requested time that could not be reached with finite states below the bound, or null. */
  divergedAt: number | null;
}

/** Buffers of one RK4 step, so integration allocates nothing per step. */
class Stepper {
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly tmp: Float64Array;

  constructor(
    private readonly f: Rhs,
    n: number,
  ) {
    this.k1 = new Float64Array(n);
    this.k2 = new Float64Array(n);
    this.k3 = new Float64Array(n);
    this.k4 = new Float64Array(n);
    this.tmp = new Float64Array(n);
  }

  private slope(t: number, y: ArrayLike<number>, into: Float64Array): void {
    const k = this.f(t, y);
    for (let i = 0; i < into.length; i++) into[i] = k[i]!;
  }

  private shift(y: ArrayLike<number>, h: number, k: Float64Array): Float64Array {
    for (let i = 0; i < k.length; i++) this.tmp[i] = y[i]! + h * k[i]!;
    return this.tmp;
  }

  /** One classical fourth-order step from y to `out` (which may be y itself). */
  step(t: number, y: ArrayLike<number>, h: number, out: { [i: number]: number }): void {
    const { k1, k2, k3, k4 } = this;
    const half = h / 2;
    this.slope(t, y, k1);
    this.slope(t + half, this.shift(y, half, k1), k2);
    this.slope(t + half, this.shift(y, half, k2), k3);
    this.slope(t + h, this.shift(y, h, k3), k4);
    const sixth = h / 6;
    for (let i = 0; i < k1.length; i++) out[i] = y[i]! + sixth * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!);
  }
}

/** One classical fourth-order Runge–Kutta step. */
export function rk4Step(f: Rhs, t: number, y: readonly number[], h: number): number[] {
  const out = new Array<number>(y.length);
  new Stepper(f, y.length).step(t, y, h, out);
  return out;
}

function inside(y: ArrayLike<number>, bound: number): boolean {
  for (let i = 0; i < y.length; i++) if (!(Number.isFinite(y[i]) && Math.abs(y[i]!) <= bound)) return false;
  return true;
}

/**
 * Integrates y' = f(t, y) from (t0, y0) forward to each of `times` (ascending,
 * all ≥ t0) with fixed RK4 steps, at least `stepsPerUnit` per unit of t.
 * Polynomial right-hand sides can blow up in finite time, so integration stops
 * once a state leaves [-bound, bound] or is not finite.
 */
export function integrate(f: Rhs, y0: readonly number[], t0: number, times: readonly number[], stepsPerUnit: number, bound = Infinity): Solution {
  const states: number[][] = [];
  const stepper = new Stepper(f, y0.length);
  let t = t0;
  const y = Float64Array.from(y0);
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
      stepper.step(t + s * h, y, h, y);
      if (!inside(y, bound)) break;
    }
    if (!inside(y, bound)) {
      divergedAt = target;
      states.push(nan());
      continue;
    }
    t = target;
    states.push(Array.from(y));
  }
  return { states, divergedAt };
}
