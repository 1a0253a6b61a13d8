import { describe, expect, it } from 'vitest';
import { generateIds } from '../../../steer/steering/generate.ts';
import { argmax, seededSampler } from '../../../steer/steering/sampling.ts';
import { memoryModel, NEOX } from '../tiny-models.ts';

const prompt = [30, 31, 32, 33];

describe('decoding', () => {
  const m = memoryModel(NEOX);

  it('gives identical sampled output for the same seed and different output for another seed', () => {
    const gen = (seed: number): number[] =>
      generateIds(m, prompt, { maxNewTokens: 24, stopIds: [], sampler: seededSampler({ seed, temperature: 1.5, topP: 0.95 }) });
    expect(gen(7)).toEqual(gen(7));
    expect(gen(7)).not.toEqual(gen(8));
  });

  it('decodes greedily by default, each token the argmax of a full recompute', () => {
    const out = generateIds(m, prompt, { maxNewTokens: 6, stopIds: [] });
    const seq = [...prompt];
    for (const tok of out) {
      const logits = m.forward(seq, m.newCache())!;
      expect(tok).toBe(argmax(logits));
      seq.push(tok);
    }
  });

  it('stops at an end-of-sequence token', () => {
    const first = generateIds(m, prompt, { maxNewTokens: 1, stopIds: [] })[0]!;
    expect(generateIds(m, prompt, { maxNewTokens: 10, stopIds: [first] })).toEqual([first]);
  });
});

describe('nucleus sampling', () => {
  it('draws only from the smallest top set whose probability reaches top_p', () => {
    // Probabilities 0.5, 0.3, 0.15, 0.05: top_p 0.7 keeps tokens 0 and 1 only.
    const logits = Float32Array.from([0.5, 0.3, 0.15, 0.05].map(Math.log));
    const pick = seededSampler({ seed: 1, temperature: 1, topP: 0.7 });
    const seen = new Map<number, number>();
    for (let i = 0; i < 2000; i++) {
      const k = pick(logits);
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    expect([...seen.keys()].sort()).toEqual([0, 1]);
    // Renormalised 0.5 : 0.3 -> 62.5% token 0.
    expect(seen.get(0)! / 2000).toBeGreaterThan(0.57);
    expect(seen.get(0)! / 2000).toBeLessThan(0.68);
  });
});
