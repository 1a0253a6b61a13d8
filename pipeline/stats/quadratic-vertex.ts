import type { Rng } from './rng.ts';

/**
 * The minimum of a least-squares parabola y = c0 + c1 x + c2 x², and a fast
 * case-resampling bootstrap of it. The normal equations of a degree-2 fit only
 * need the power sums Σx^0..Σx^4 and Σy·x^0..Σy·x^2, so each resample adds up
 * precomputed per-point powers and solves the 3×3 system by Cramer's rule.
 */
export interface VertexFit {
  c0: number;
  c1: number;
  c2: number;
  /** -c1 / (2 c2), in the units of x. */
  vertex: number;
}

const det3 = (a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number, i: number) =>
  a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);

/** Relative size below which the normal matrix counts as singular (fewer than three distinct x). */
const SINGULAR = 1e-10;

/** Solves from power sums of x centred at `shift`; null when the system is singular. */
function solve(s: Float64Array, t: Float64Array, shift: number): VertexFit | null {
  const [s0, s1, s2, s3, s4] = s as unknown as [number, number, number, number, number];
  const [t0, t1, t2] = t as unknown as [number, number, number];
  const det = det3(s0, s1, s2, s1, s2, s3, s2, s3, s4);
  if (!(det > SINGULAR * s0 * s2 * s4)) return null;
  const a0 = det3(t0, s1, s2, t1, s2, s3, t2, s3, s4) / det;
  const a1 = det3(s0, t0, s2, s1, t1, s3, s2, t2, s4) / det;
  const a2 = det3(s0, s1, t0, s1, s2, t1, s2, s3, t2) / det;
  // Undo the centring: y = a0 + a1 (x - m) + a2 (x - m)².
  const c2 = a2;
  const c1 = a1 - 2 * a2 * shift;
  const c0 = a0 - a1 * shift + a2 * shift * shift;
  return { c0, c1, c2, vertex: shift - a1 / (2 * a2) };
}

/** Per-point powers of centred x (5 columns) and y times powers (3 columns). */
function powers(x: readonly number[], y: readonly number[], shift: number): { px: Float64Array; py: Float64Array } {
  const n = x.length;
  const px = new Float64Array(5 * n);
  const py = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    const u = x[i]! - shift;
    let p = 1;
    for (let k = 0; k < 5; k++, p *= u) {
      px[5 * i + k] = p;
      if (k < 3) py[3 * i + k] = y[i]! * p;
    }
  }
  return { px, py };
}

const meanOf = (x: readonly number[]) => x.reduce((a, b) => a + b, 0) / x.length;

export function quadraticVertex(x: readonly number[], y: readonly number[]): VertexFit | null {
  const shift = meanOf(x);
  const { px, py } = powers(x, y, shift);
  const s = new Float64Array(5);
  const t = new Float64Array(3);
  for (let i = 0; i < x.length; i++) {
    for (let k = 0; k < 5; k++) s[k]! += px[5 * i + k]!;
    for (let k = 0; k < 3; k++) t[k]! += py[3 * i + k]!;
  }
  return solve(s, t, shift);
}

export interface VertexBootstrap {
  resamples: number;
  /** Vertices of the kept resamples, in draw order. */
  kept: Float64Array;
  /** Resamples dropped because the parabola opens downward (c2 <= 0). */
  concave: number;
  /** Resamples with c2 > 0 whose vertex lies outside the window. */
  outsideWindow: number;
  /** Resamples with fewer than three distinct x. */
  singular: number;
}

/**
 * Resamples points with replacement and keeps a resample only when c2 > 0 and
 * the vertex lies strictly inside `window` (the authors' acceptance rule).
 */
export function vertexBootstrap(x: readonly number[], y: readonly number[], rng: Rng, resamples: number, window: readonly [number, number]): VertexBootstrap {
  const n = x.length;
  const shift = meanOf(x);
  const { px, py } = powers(x, y, shift);
  const kept = new Float64Array(resamples);
  const s = new Float64Array(5);
  const t = new Float64Array(3);
  let nKept = 0;
  let concave = 0;
  let outsideWindow = 0;
  let singular = 0;
  for (let b = 0; b < resamples; b++) {
    s.fill(0);
    t.fill(0);
    for (let k = 0; k < n; k++) {
      const i = rng.int(n);
      const o = 5 * i;
      s[0]! += px[o]!;
      s[1]! += px[o + 1]!;
      s[2]! += px[o + 2]!;
      s[3]! += px[o + 3]!;
      s[4]! += px[o + 4]!;
      const q = 3 * i;
      t[0]! += py[q]!;
      t[1]! += py[q + 1]!;
      t[2]! += py[q + 2]!;
    }
    const fit = solve(s, t, shift);
    if (!fit) singular++;
    else if (!(fit.c2 > 0)) concave++;
    else if (!(fit.vertex > window[0] && fit.vertex < window[1])) outsideWindow++;
    else kept[nKept++] = fit.vertex;
  }
  return { resamples, kept: kept.slice(0, nKept), concave, outsideWindow, singular };
}
