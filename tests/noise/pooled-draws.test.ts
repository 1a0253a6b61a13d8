import { describe, expect, it } from 'vitest';
import { crossingNoise, quadraticNoise, type NoisyFamily } from '../../pipeline/noise/pooled-draws.ts';
import { quantile } from '../../pipeline/stats/describe.ts';
import { fillStandardNormal } from '../../pipeline/stats/normal.ts';
import { quadraticVertex } from '../../pipeline/stats/quadratic-vertex.ts';
import { createRng } from '../../pipeline/stats/rng.ts';
import { lineZero } from '../../pipeline/stats/running-coupling.ts';
import { appendCouplings } from '../../pipeline/stats/local-coupling.ts';

/** TQA = (x - 9.5)² + 30 on log10 N from 8 to 11: a U with its minimum at log10 N = 9.5 (3.16B). */
const logN = [8, 8.5, 9, 9.5, 10, 10.5, 11];
const tqa = logN.map((x) => (x - 9.5) ** 2 + 30);

function family(se: number): NoisyFamily {
  return { logN, hs: logN.map((x) => 10 * x - 50), tqa: logN.map((x) => (x - 9.5) ** 2 + 30), seHs: logN.map(() => se), seTqa: logN.map(() => se) };
}

describe('pooled N_c under score noise', () => {
  it('returns the full-sample quadratic minimum in every draw when the errors are zero', () => {
    const f = family(0);
    const want = 10 ** quadraticVertex(logN, tqa)!.vertex / 1e9;
    const n = quadraticNoise([f], [7, 12], 200, 0.95, createRng('q'));
    expect(n.kept).toBe(200);
    expect(n.medianB!).toBeCloseTo(want, 9);
    expect(n.lowB!).toBeCloseTo(want, 9);
    expect(n.highB!).toBeCloseTo(want, 9);
  });

  it('returns the full-sample line zero in every draw when the errors are zero', () => {
    const f = family(0);
    const xs: number[] = [];
    const gs: number[] = [];
    appendCouplings(
      f,
      logN.map((_, i) => i),
      0.5,
      xs,
      gs,
    );
    const line = lineZero(xs, gs);
    if (!('zero' in line)) throw new Error('fixture has no zero');
    const n = crossingNoise([f], 0.5, 100, 0.95, createRng('c'));
    expect(n.kept).toBe(100);
    expect(n.medianB!).toBeCloseTo(10 ** line.zero / 1e9, 9);
  });

  it('gives exactly what refitting every draw gives (the coefficients are linear in the scores)', () => {
    const f = family(0.8);
    const draws = 50;
    const got = quadraticNoise([f], [7, 12], draws, 0.95, createRng('lin'));
    const rng = createRng('lin');
    const z = new Float64Array(logN.length);
    const kept: number[] = [];
    for (let d = 0; d < draws; d++) {
      fillStandardNormal(rng, z);
      const fit = quadraticVertex(
        logN,
        tqa.map((y, i) => y + 0.8 * z[i]!),
      )!;
      if (fit.c2 > 0 && fit.vertex > 7 && fit.vertex < 12) kept.push(10 ** fit.vertex / 1e9);
    }
    kept.sort((a, b) => a - b);
    expect(got.kept).toBe(kept.length);
    expect(got.medianB!).toBeCloseTo(quantile(kept, 0.5), 9);
    expect(got.highB!).toBeCloseTo(quantile(kept, 0.975), 9);
  });

  it('widens with the errors and keeps the minimum inside the range', () => {
    const tight = quadraticNoise([family(0.2)], [7, 12], 1000, 0.95, createRng('w'));
    const loose = quadraticNoise([family(1.5)], [7, 12], 1000, 0.95, createRng('w'));
    expect(loose.highB! - loose.lowB!).toBeGreaterThan(tight.highB! - tight.lowB!);
    expect(tight.lowB!).toBeLessThan(10 ** 0.5);
    expect(tight.highB!).toBeGreaterThan(10 ** 0.5);
  });
});
