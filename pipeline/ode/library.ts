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

/** Right-hand side with the zero coefficients dropped once, since integration calls it thousands of times. */
export function rhsOf(sys: PolySystem): (t: number, y: readonly number[]) => number[] {
  const active = sys.coef.map((row) => row.flatMap((c, j) => (c === 0 ? [] : [[j, c] as const])));
  return (_t, y) => {
    const f = evalTerms(sys.terms, y);
    return active.map((row) => {
      let s = 0;
      for (const [j, c] of row) s += c * f[j]!;
      return s;
    });
  };
}
