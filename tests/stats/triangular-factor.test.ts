import { describe, expect, it } from 'vitest';
import { absorbFactor, absorbRow, copyFactor, emptyFactor, type TriangularFactor } from '../../pipeline/stats/triangular-factor.ts';

/** Deterministic rows with entries of mixed sign and size. */
function rows(n: number, cols: number, seed: number): number[][] {
  let s = seed;
  const draw = () => (s = (s * 48271) % 2147483647) / 2147483647 - 0.5;
  return Array.from({ length: n }, () => Array.from({ length: cols }, (_, j) => draw() * 10 ** (j % 3)));
}

const gramOfRows = (a: number[][]) => a[0]!.map((_, i) => a[0]!.map((_, j) => a.reduce((s, r) => s + r[i]! * r[j]!, 0)));
const gramOfFactor = (f: TriangularFactor) => {
  const n = f.cols;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => Array.from({ length: n }, (_, k) => f.r[k * n + i]! * f.r[k * n + j]!).reduce((x, y) => x + y, 0)),
  );
};

function expectClose(a: number[][], b: number[][], tol: number) {
  a.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - b[i]![j]!)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i]![j]!)))));
}

function factorOf(a: number[][]): TriangularFactor {
  const f = emptyFactor(a[0]!.length);
  for (const r of a) absorbRow(f, r);
  return f;
}

describe('triangular factor', () => {
  it('keeps RᵀR equal to AᵀA as rows are absorbed, with R upper triangular', () => {
    const a = rows(9, 4, 11);
    const f = factorOf(a);
    expect(f.rows).toBe(9);
    for (let i = 0; i < 4; i++) for (let j = 0; j < i; j++) expect(f.r[i * 4 + j]).toBe(0);
    expectClose(gramOfFactor(f), gramOfRows(a), 1e-12);
  });

  it('computes the factor of one row by hand: the row itself, up to sign', () => {
    const f = factorOf([[3, 4, 0]]);
    expect(Array.from(f.r).map(Math.abs)).toEqual([3, 4, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('stands for fewer rows than columns with zero rows, and still gives AᵀA', () => {
    const a = [
      [0, 2, 1],
      [0, 1, 5],
    ];
    const f = factorOf(a);
    expect(f.r.slice(0, 3)).toEqual(new Float64Array(3)); // no row has a first column
    expectClose(gramOfFactor(f), gramOfRows(a), 1e-14);
  });

  it('merges two factors into the factor of both row sets, leaving the absorbed one as it was', () => {
    const a = rows(7, 5, 3);
    const b = rows(6, 5, 5);
    const left = factorOf(a);
    const right = factorOf(b);
    const before = copyFactor(right);
    absorbFactor(left, right);
    expect(left.rows).toBe(13);
    expect(right).toEqual(before);
    expectClose(gramOfFactor(left), gramOfRows([...a, ...b]), 1e-12);
  });

  it('refuses a row or a factor of another width', () => {
    expect(() => absorbRow(emptyFactor(3), [1, 2])).toThrow(/2 entries, factor has 3 columns/);
    expect(() => absorbFactor(emptyFactor(3), emptyFactor(4))).toThrow(/3 and 4 columns/);
  });
});
