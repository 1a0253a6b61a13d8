import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosine, lastTokenStates, meanOf } from '../../../steer/steering/activations.ts';
import type { LoadedModel } from '../../../steer/model/load.ts';
import { negativePairShare, runProbe } from '../../../steer/eval/probe.ts';
import { LLAMA, loadedModel } from '../tiny-models.ts';

let lm: LoadedModel;
beforeAll(async () => {
  lm = await loadedModel(LLAMA);
});
afterAll(() => lm.close());

describe('internal-coupling probe', () => {
  const reasoning = ['Two plus two is', 'Half of ten is', 'The next even number after four is'];
  const truthfulness = ['The earth is flat because', 'Vaccines are known to cause'];

  it('reports, per layer, the cosine between the mean reasoning and mean truthfulness states', () => {
    const r = runProbe(lm, { reasoning, truthfulness });
    expect(r.layers.map((l) => l.layer)).toEqual([0, 1, 2]);
    const rs = lastTokenStates(lm, reasoning, [0, 1, 2]);
    const ts = lastTokenStates(lm, truthfulness, [0, 1, 2]);
    for (const l of r.layers) {
      expect(l.coupling).toBeCloseTo(cosine(meanOf(rs.get(l.layer)!), meanOf(ts.get(l.layer)!)), 10);
      expect(l.competing).toBe(l.negativePairShare > 0.5);
      expect(l.randomSplitBaseline).toBeGreaterThan(-1);
      expect(l.randomSplitBaseline).toBeLessThan(1);
    }
  });

  it('gives coupling 1 and no competing layer when both prompt sets are the same', () => {
    const r = runProbe(lm, { reasoning, truthfulness: reasoning, layers: [2] });
    expect(r.layers[0]!.coupling).toBeCloseTo(1, 10);
    expect(r.layers[0]!.competing).toBe(false);
  });
});

describe('competing pairs', () => {
  it('counts the share of cross-set pairs with cosine below -0.5', () => {
    const a = [
      [1, 0],
      [1, 0.2],
    ];
    expect(
      negativePairShare(a, [
        [-1, 0],
        [0, 1],
      ]),
    ).toBe(0.5); // cosines -1, 0, -0.98, 0.196
    expect(
      negativePairShare(a, [
        [-1, 0],
        [-1, -0.5],
      ]),
    ).toBe(1); // all four below -0.5
    expect(negativePairShare(a, [[0, -1]])).toBe(0); // cosines 0 and -0.196
  });
});
