import type { Rhs } from '../stats/rk4.ts';

/** A monomial of the state variables: exponent of each variable (all zero = the constant). */
export type Term = number[];

/** Every monomial of total degree ≤ d in k variables, ordered by degree, then lexicographically (PySINDy's order). C(k+d, d) terms. */
export function polynomialTerms(k: number, degree: number): Term[] {
  const out: Term[] = [];
  const build = (start: number, left: number, acc: number[]) => {
    if (left === 0) {
      const e = new Array<number>(k).fill(0);
      for (const i of acc) e[i]!++;
      out.push(e);
      return;
    }
    for (let i = start; i < k; i++) build(i, left - 1, [...acc, i]);
  };
  for (let d = 0; d <= degree; d++) build(0, d, []);
  return out;
}

export function binomial(n: number, r: number): number {
  let out = 1;
  for (let i = 1; i <= r; i++) out = (out * (n - r + i)) / i;
  return Math.round(out);
}

/** Readable name, e.g. "HS*TQA^2"; the constant is "1". */
export function termName(term: Term, names: readonly string[]): string {
  const parts = term.flatMap((e, i) => (e === 0 ? [] : [e === 1 ? names[i]! : `${names[i]}^${e}`]));
  return parts.length === 0 ? '1' : parts.join('*');
}

export function termDegree(term: Term): number {
  return term.reduce((s, e) => s + e, 0);
}

export function evalTerms(terms: readonly Term[], x: readonly number[]): number[] {
  const out = new Array<number>(terms.length);
  for (let t = 0; t < terms.length; t++) {
    const e = terms[t]!;
    let v = 1;
    for (let i = 0; i < e.length; i++) for (let p = 0; p < e[i]!; p++) v *= x[i]!;
    out[t] = v;
  }
  return out;
}

/** dB/dt = coef · terms(B): one row of coefficients per state variable. */
export interface PolySystem {
  terms: Term[];
  coef: number[][];
}

/**
 * Right-hand side with the zero coefficients dropped once, since integration
 * calls it thousands of times: only the monomials some equation uses are
 * evaluated, with the same products and sums in the same order as evalTerms
 * and a plain loop over the coefficients, so the values are identical. It
 * allocates nothing: the slopes it returns are overwritten by the next call
 * (see stats/rk4.ts).
 */
export function rhsOf(sys: PolySystem): Rhs {
  const used = sys.terms.flatMap((_, j) => (sys.coef.some((row) => row[j] !== 0) ? [j] : []));
  const slotOf = new Map(used.map((j, k) => [j, k]));
  // Each used monomial as the list of variables it multiplies, in evalTerms' order.
  const factors = used.map((j) => Int32Array.from(sys.terms[j]!.flatMap((e, i) => new Array<number>(e).fill(i))));
  const rows = sys.coef.map((row) => {
    const active = row.flatMap((c, j) => (c === 0 ? [] : [j]));
    return { slots: Int32Array.from(active, (j) => slotOf.get(j)!), coef: Float64Array.from(active, (j) => row[j]!) };
  });
  const f = new Float64Array(used.length);
  const out = new Float64Array(rows.length);
  return (_t, y) => {
    for (let k = 0; k < factors.length; k++) {
      const vars = factors[k]!;
      let v = 1;
      for (let i = 0; i < vars.length; i++) v *= y[vars[i]!]!;
      f[k] = v;
    }
    for (let r = 0; r < rows.length; r++) {
      const { slots, coef } = rows[r]!;
      let s = 0;
      for (let k = 0; k < slots.length; k++) s += coef[k]! * f[slots[k]!]!;
      out[r] = s;
    }
    return out;
  };
}
