import { mean } from './describe.ts';
import { pearson } from './pearson.ts';
import { shuffled, type Rng } from './rng.ts';

export interface PermutationResult {
  r: number;
  /** Two-sided: share of orderings with |r| at least the observed |r|. */
  pTwoSided: number;
  /** One-sided in the direction of the observed r. */
  pOneSided: number;
  method: 'exact' | 'monte-carlo';
  permutations: number;
  /** Smallest p this n (and these ties) can produce. */
  minAttainableP: number;
  /** Every two-sided p is a multiple of this step (1/n! exact, 1/(B+1) Monte Carlo). */
  pStep: number;
}

/** Relative slack so that orderings that tie the observed statistic (tied data values) count as "at least as extreme". */
const TIE_EPS = 1e-10;

function centred(v: readonly number[]): Float64Array {
  const m = mean(v);
  return Float64Array.from(v, (a) => a - m);
}

function norm(v: Float64Array): number {
  let s = 0;
  for (const a of v) s += a * a;
  return Math.sqrt(s);
}

/**
 * Every ordering of y against x (Heap's algorithm, iterative; the statistic is
 * evaluated inline rather than through a callback, since n = 8 already means
 * 40,320 orderings per family).
 */
export function exactPermutationTest(x: readonly number[], y: readonly number[]): PermutationResult {
  const n = x.length;
  const xc = centred(x);
  const yc = centred(y);
  const scale = norm(xc) * norm(yc);
  const r = pearson(x, y);
  const limit = Math.abs(r) * (1 - TIE_EPS);
  const oneSidedLimit = r * (1 - TIE_EPS);
  let total = 0;
  let extreme = 0;
  let oneSided = 0;
  let maxAbs = 0;
  let atMax = 0;
  const p = Int32Array.from({ length: n }, (_, i) => i);
  const c = new Int32Array(n);
  let i = 1;
  for (;;) {
    let s = 0;
    for (let k = 0; k < n; k++) s += xc[k]! * yc[p[k]!]!;
    const rp = s / scale;
    const a = Math.abs(rp);
    total++;
    if (a >= limit) extreme++;
    if (r < 0 ? rp <= oneSidedLimit : rp >= oneSidedLimit) oneSided++;
    if (a > maxAbs * (1 + TIE_EPS)) {
      maxAbs = a;
      atMax = 1;
    } else if (a >= maxAbs * (1 - TIE_EPS)) atMax++;
    // Next ordering: one swap.
    while (i < n && c[i]! >= i) {
      c[i] = 0;
      i++;
    }
    if (i >= n) break;
    const j = i % 2 === 0 ? 0 : c[i]!;
    const t = p[j]!;
    p[j] = p[i]!;
    p[i] = t;
    c[i]!++;
    i = 1;
  }
  return { r, pTwoSided: extreme / total, pOneSided: oneSided / total, method: 'exact', permutations: total, minAttainableP: atMax / total, pStep: 1 / total };
}

/** Monte Carlo test; p = (hits + 1) / (B + 1) so that p is never zero. */
export function monteCarloPermutationTest(x: readonly number[], y: readonly number[], rng: Rng, permutations: number): PermutationResult {
  const r = pearson(x, y);
  const limit = Math.abs(r) * (1 - TIE_EPS);
  let extreme = 0;
  let oneSided = 0;
  for (let b = 0; b < permutations; b++) {
    const rp = pearson(x, shuffled(rng, y));
    if (Math.abs(rp) >= limit) extreme++;
    if (r < 0 ? rp <= r * (1 - TIE_EPS) : rp >= r * (1 - TIE_EPS)) oneSided++;
  }
  const step = 1 / (permutations + 1);
  return { r, pTwoSided: (extreme + 1) * step, pOneSided: (oneSided + 1) * step, method: 'monte-carlo', permutations, minAttainableP: step, pStep: step };
}

export function permutationTest(x: readonly number[], y: readonly number[], rng: Rng, opts: { exactMaxN: number; permutations: number }): PermutationResult {
  return x.length <= opts.exactMaxN ? exactPermutationTest(x, y) : monteCarloPermutationTest(x, y, rng, opts.permutations);
}
