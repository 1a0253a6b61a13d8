import { describe, expect, it } from 'vitest';
import type { BenchmarkSpec } from '../../pipeline/noise/benchmarks.ts';
import { diffSe, scoreSe } from '../../pipeline/noise/score-se.ts';

const accuracy: BenchmarkSpec = { benchmark: 'hellaswag', metric: 'acc_norm', shots: 10, nItems: 100, itemSd: null, source: 'test' };
const meanOfProbabilities: BenchmarkSpec = { benchmark: 'truthfulqa_mc2', metric: 'mc2', shots: 0, nItems: 400, itemSd: 0.4, source: 'test' };

describe('standard error of one score', () => {
  it('uses the stderr the input gives, whatever the score', () => {
    expect(scoreSe(accuracy, 50, 1.25)).toBe(1.25);
    expect(scoreSe(meanOfProbabilities, 10, 0)).toBe(0);
  });

  it('is the binomial sqrt(p(1-p)/n) in points for a 0/1 accuracy: 50% on 100 items is 5 points', () => {
    expect(scoreSe(accuracy, 50, null)).toBeCloseTo(5, 12);
    expect(scoreSe(accuracy, 90, null)).toBeCloseTo(100 * Math.sqrt(0.09 / 100), 12);
  });

  it('is zero at 0% and 100%, where a binomial has no spread', () => {
    expect(scoreSe(accuracy, 0, null)).toBe(0);
    expect(scoreSe(accuracy, 100, null)).toBe(0);
  });

  it('is the per-item SD over sqrt(n) for a mean of probabilities, independent of the score: 0.4/sqrt(400) is 2 points', () => {
    expect(scoreSe(meanOfProbabilities, 30, null)).toBeCloseTo(2, 12);
    expect(scoreSe(meanOfProbabilities, 60, null)).toBeCloseTo(2, 12);
  });

  it('adds the variances of two independent scores: SEs 3 and 4 give 5', () => {
    expect(diffSe(3, 4)).toBeCloseTo(5, 12);
  });
});
