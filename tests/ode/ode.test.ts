import { describe, expect, it } from 'vitest';
import { BENCHMARKS } from '../../pipeline/config.ts';
import { isoclineCalls, isoclineConstant } from '../../pipeline/ode/isocline.ts';
import { familyIntervals } from '../../pipeline/intervals.ts';
import { samplesOf, sizeRange, trajectoryOf } from '../../pipeline/ode/data.ts';
import { fitLinear, trajectoryErrors } from '../../pipeline/ode/fit.ts';
import { fixedPointFit } from '../../pipeline/ode/fixed-point.ts';
import { polyHoldout } from '../../pipeline/ode/holdout.ts';
import { binomial, evalTerms, polynomialTerms, rhsOf, termName } from '../../pipeline/ode/library.ts';
import { phaseFit } from '../../pipeline/ode/phase.ts';
import { jaccard, stableRatio, type SweepPoint } from '../../pipeline/ode/sweep.ts';
import { model } from '../helpers/fixtures.ts';

const NAMES = ['HS', 'TQA', 'ARC', 'WG', 'MMLU'];
const five = (v: number[]) => ({ scores: { hellaswag: v[0]!, truthfulqa_mc2: v[1]!, arc: v[2]!, winogrande: v[3]!, mmlu: v[4]! } });

describe('polynomial library', () => {
  it('has C(k+d, d) terms for several k and d, 56 for five scores at degree 3', () => {
    for (const [k, d] of [
      [1, 1],
      [2, 3],
      [3, 2],
      [5, 1],
      [5, 3],
      [4, 4],
    ] as const)
      expect(polynomialTerms(k, d)).toHaveLength(binomial(k + d, d));
    expect(polynomialTerms(5, 3)).toHaveLength(56);
  });

  it('lists each monomial once, constant first, with readable names', () => {
    const names = polynomialTerms(5, 3).map((t) => termName(t, NAMES));
    expect(new Set(names).size).toBe(names.length);
    expect(names.slice(0, 6)).toEqual(['1', 'HS', 'TQA', 'ARC', 'WG', 'MMLU']);
    expect(names).toContain('HS*TQA^2');
    expect(names).toContain('MMLU^3');
    expect(names).not.toContain('TQA^2*HS');
  });

  it('evaluates each term as the product of its powers', () => {
    const terms = polynomialTerms(2, 3);
    const values = evalTerms(terms, [2, 3]);
    const byName = Object.fromEntries(terms.map((t, i) => [termName(t, ['a', 'b']), values[i]]));
    expect(byName).toMatchObject({ '1': 1, a: 2, b: 3, 'a^2': 4, 'a*b': 6, 'a*b^2': 18, 'b^3': 27 });
  });

  it('evaluates a system’s right-hand side to the bit as the coefficient-weighted sum over evalTerms', () => {
    const terms = polynomialTerms(3, 3);
    // Irrational-looking coefficients, with whole terms and single entries zero.
    const coef = [0, 1, 2].map((r) => terms.map((_, j) => (j % 4 === 1 || (r === 2 && j % 3 === 0) ? 0 : Math.sin(7 * j + r) * 10 ** (r - 1))));
    const f = rhsOf({ terms, coef });
    for (const y of [
      [0.31, 0.47, 0.83],
      [1.7, -0.2, 0.05],
      [12.5, 3.25, -7],
    ]) {
      const v = evalTerms(terms, y);
      const direct = coef.map((row) => row.reduce((s, c, j) => (c === 0 ? s : s + c * v[j]!), 0));
      expect(Array.from(f(0, y))).toEqual(direct);
    }
  });
});

describe('finite differences', () => {
  it('take the slope per decade of N with the midpoint state, scaled, and skip rows of equal size', () => {
    const tr = trajectoryOf('F', [
      model('a', 'F', 0.1, 0, 0, five([20, 40, 30, 50, 25])),
      model('b', 'F', 1, 0, 0, five([30, 38, 32, 54, 25])),
      model('b2', 'F', 1, 0, 0, five([31, 38, 32, 54, 25])),
      model('c', 'F', 10, 0, 0, five([41, 36, 34, 56, 27])),
    ]);
    const s = samplesOf(tr, 0.01);
    expect(s).toHaveLength(2);
    expect(s[0]!.deriv[0]).toBeCloseTo(0.1, 12);
    expect(s[0]!.state[1]).toBeCloseTo(0.39, 12);
    expect(s[1]!.from).toBe('b2');
  });

  it('leave out models missing any of the five scores', () => {
    const tr = trajectoryOf('F', [model('a', 'F', 1, 30, 40), model('b', 'F', 2, 35, null), model('c', 'F', 4, 40, 38)]);
    expect(tr.models).toEqual(['a', 'c']);
  });
});

describe('linear ODE as coded', () => {
  it('recovers dB/dt = C·B + c0 exactly from consistent samples', () => {
    const C = BENCHMARKS.map((_, i) => BENCHMARKS.map((_, j) => (i === j ? -0.5 : 0.1 * (j - i))));
    const c0 = [0.3, -0.1, 0.2, 0, 0.05];
    let seed = 7;
    const draw = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const states = Array.from({ length: 9 }, () => BENCHMARKS.map(() => draw()));
    const samples = states.map((s) => ({
      family: 'F',
      from: '',
      to: '',
      state: s,
      deriv: C.map((row, i) => c0[i]! + row.reduce((a, c, j) => a + c * s[j]!, 0)),
    }));
    const sys = fitLinear(samples);
    sys.coef.forEach((row, i) => {
      expect(row[0]).toBeCloseTo(c0[i]!, 10);
      row.slice(1).forEach((c, j) => expect(c).toBeCloseTo(C[i]![j]!, 10));
    });
  });
});

describe('trajectory error metrics', () => {
  it('computes the authors’ metric over every point and MAPE over the points after the start, by hand', () => {
    const actual = [
      [50, 40, 30, 20, 10],
      [60, 40, 30, 20, 10],
      [80, 40, 30, 20, 10],
    ];
    const predicted = [
      [50, 40, 30, 20, 10],
      [66, 40, 30, 20, 10],
      [72, 40, 30, 20, 10],
    ];
    const [hs] = trajectoryErrors(predicted, actual);
    expect(hs!.authors).toBeCloseTo((100 * (0 + 6 + 8)) / 3 / ((50 + 60 + 80) / 3), 12);
    expect(hs!.mape).toBeCloseTo((100 * (6 / 60 + 8 / 80)) / 2, 12);
    expect(hs!.mapeWithStart).toBeCloseTo((100 * (6 / 60 + 8 / 80)) / 3, 12);
  });
});

describe('polynomial hold-out', () => {
  it('predicts exactly when the data are a polynomial of the fitted degree, and misses with a lower degree', () => {
    const q = (t: number) => 100 - 3 * (t - 9) ** 2;
    const pts = [0.07, 0.2, 1, 3, 12, 30].map((b, i) => ({ family: 'P', model: `m${i}`, paramsB: b, value: q(Math.log10(b * 1e9)) }));
    const targets = [7, 70].map((b, i) => ({ family: 'T', model: `t${i}`, paramsB: b, value: q(Math.log10(b * 1e9)) }));
    expect(polyHoldout(pts, targets, 2).mape).toBeLessThan(1e-9);
    expect(polyHoldout(pts, targets, 1).mape).toBeGreaterThan(1);
  });
});

describe('per-phase coefficient', () => {
  it('is the least-squares slope of dTQA/dlog10N on midpoint HS within the size set, with mean g12', () => {
    const hs = [20, 30, 45, 50, 60];
    const tqa = [50, 47, 45, 44, 42];
    const sizes = [0.01, 0.1, 1, 10, 100];
    const tr = trajectoryOf(
      'F',
      sizes.map((b, i) => model(`m${i}`, 'F', b, 0, 0, five([hs[i]!, tqa[i]!, 30, 50, 25]))),
    );
    const f = phaseFit(tr, 0.1, 100, 0.01, { libraryDegree: 1, threshold: 0.1, ridgeAlpha: 1e-6, maxIterations: 20 });
    // Intervals 0.1→1, 1→10, 10→100: slopes −2, −1, −2 per decade at midpoint HS 37.5, 47.5, 55.
    const x = [37.5, 47.5, 55];
    const y = [-2, -1, -2];
    const mx = (37.5 + 47.5 + 55) / 3;
    const my = -5 / 3;
    const b = x.reduce((s, v, i) => s + (v - mx) * (y[i]! - my), 0) / x.reduce((s, v) => s + (v - mx) ** 2, 0);
    expect(f.intervals).toBe(3);
    expect(f.b).toBeCloseTo(b, 10);
    expect(f.meanG12).toBeCloseTo((-2 / 15 + -1 / 5 + -2 / 10) / 3, 12);
    expect(sizeRange(tr, 0.1, 100).models).toEqual(['m1', 'm2', 'm3', 'm4']);
  });
});

describe('threshold sweep bookkeeping', () => {
  it('Jaccard counts shared terms over all terms, and two empty sets as identical', () => {
    expect(jaccard(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd']))).toBe(0.5);
    expect(jaccard(new Set(), new Set())).toBe(1);
  });

  it('the stable λ range spans consecutive thresholds with identical structure around λ', () => {
    const pt = (threshold: number, jaccardPrev: number | null) => ({ threshold, jaccardPrev }) as SweepPoint;
    const pts = [pt(0.01, null), pt(0.03, 0.8), pt(0.1, 1), pt(0.3, 1), pt(1, 0.5)];
    expect(stableRatio(pts, 0.1)).toBeCloseTo(10, 12);
    expect(stableRatio(pts, 1)).toBe(1);
  });
});

describe('OPT fixed-point fit', () => {
  it('regresses finite-difference slopes on midpoint values and puts γ* at −b/a', () => {
    // γ = 0, 0.5, 0.75, 0.875 one decade apart: slopes 0.5, 0.25, 0.125 at midpoints 0.25, 0.625, 0.8125,
    // which lie on dγ/dt = (2/3)(1 − γ): a = −2/3, γ* = 1, attracting.
    const fam = [0.001, 0.01, 0.1, 1, 10].map((b, i) => model(`m${i}`, 'O', b, 10 * i, 0));
    const iv = familyIntervals(fam, 0.5, 0.1).map((x, k) => ({ ...x, g12: 1 - 2 ** -k, midB: 10 ** k }));
    const fp = fixedPointFit(iv, 100)!;
    expect(fp.a).toBeCloseTo(-2 / 3, 12);
    expect(fp.fixedPoint).toBeCloseTo(1, 12);
    expect(fp.attracting).toBe(true);
  });
});

describe('isocline classifier', () => {
  it('calibrates a/b through the calibration family’s mean point and scores both side conventions', () => {
    const cal = [model('o1', 'OLMo', 1, 60, 36), model('o7', 'OLMo', 7, 80, 36)];
    const ab = isoclineConstant(cal);
    expect(ab).toBeCloseTo(0.36 ** 2 / 0.7, 12);
    const fam = [model('a', 'F', 0.1, 30, 45), model('b', 'F', 1, 40, 42), model('c', 'F', 10, 70, 20), model('d', 'F', 100, 80, 25)];
    const calls = isoclineCalls(fam, familyIntervals(fam, 0.5, 0.1), ab);
    // a→b: midpoint (0.35, 0.435), above, g12 < 0: right as described (above = tax), wrong as coded.
    expect(calls[0]!.above).toBe(true);
    expect(calls[0]!.correctDescribed).toBe(true);
    expect(calls[0]!.correctCoded).toBe(false);
    // c→d: midpoint (0.75, 0.225), below (TQA_c ≈ 0.37), g12 > 0: bonus, right under the described reading.
    expect(calls[2]!.above).toBe(false);
    expect(calls[2]!.correctDescribed).toBe(true);
    expect(calls.every((c) => c.correctDescribed !== c.correctCoded)).toBe(true);
  });
});
