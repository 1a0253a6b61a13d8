import { describe, expect, it } from 'vitest';
import { BENCHMARKS } from '../../pipeline/config.ts';
import { panelTrajectories, type Sample } from '../../pipeline/ode/data.ts';
import { polynomialTerms, type PolySystem } from '../../pipeline/ode/library.ts';
import { leaveOneFamilyOut } from '../../pipeline/ode/lofo.ts';
import type { Model } from '../../pipeline/types.ts';
import { model } from '../helpers/fixtures.ts';

const sim = { scale: 1, stepsPerDecade: 50, divergenceBoundPercent: 1000 };
const all = (v: number) => ({ scores: { hellaswag: v, truthfulqa_mc2: v, arc: v, winogrande: v, mmlu: v } });

/** A family whose five scores all change by `slope` points per decade of N from `start`, sizes 0.1B, 1B, 10B, ... */
function family(name: string, n: number, start: number, slope: number): Model[] {
  return Array.from({ length: n }, (_, i) => model(`${name}-${i}`, name, 0.1 * 10 ** i, 0, 0, all(start + slope * i)));
}

/** Fits only a constant slope per benchmark: the mean finite difference of whatever it is trained on. */
function meanSlope(train: Sample[]): PolySystem {
  return { terms: polynomialTerms(BENCHMARKS.length, 0), coef: BENCHMARKS.map((_, j) => [train.reduce((s, x) => s + x.deriv[j]!, 0) / train.length]) };
}

const panel = { name: 'as published' as const, models: [...family('A', 4, 30, 2), ...family('B', 5, 40, 2), ...family('C', 2, 50, 2), ...family('Z', 4, 60, -5)] };

describe('leave-one-family-out', () => {
  it('never shows the held-out family to the fitter', () => {
    const seen: string[][] = [];
    const rows = leaveOneFamilyOut(panelTrajectories(panel), 4, 1, (train) => {
      seen.push([...new Set(train.map((s) => s.family))].sort());
      return meanSlope(train);
    }, sim);
    expect(rows.map((r) => r.family)).toEqual(['A', 'B', 'Z']);
    expect(seen).toEqual([
      ['B', 'C', 'Z'],
      ['A', 'C', 'Z'],
      ['A', 'B', 'C'],
    ]);
  });

  it('cannot learn a planted family whose dynamics appear only in itself: its error is that of the other families’ slope', () => {
    const rows = leaveOneFamilyOut(panelTrajectories(panel), 4, 1, meanSlope, sim);
    const z = rows.find((r) => r.family === 'Z')!;
    // Trained on A, B, C only, every slope is +2: from 60 the prediction is 62, 64, 66 against 55, 50, 45.
    const expected = (100 * (7 / 55 + 14 / 50 + 21 / 45)) / 3;
    expect(z.mapeAll).toBeCloseTo(expected, 9);
    z.mapePerBenchmark.forEach((m) => expect(m).toBeCloseTo(expected, 9));
    // Had Z leaked into its own fit, the mean slope would fall below +2 and this error would shrink.
    expect(z.trainFamilies).toBe(3);
    expect(z.trainSamples).toBe(3 + 4 + 1);
  });

  it('holds out only families with enough complete models and starts each from its smallest model', () => {
    const rows = leaveOneFamilyOut(panelTrajectories(panel), 5, 1, meanSlope, sim);
    expect(rows.map((r) => [r.family, r.start, r.nModels])).toEqual([['B', 'B-0', 5]]);
  });
});
