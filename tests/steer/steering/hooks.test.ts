import { describe, expect, it } from 'vitest';
import { captureHook, composeHooks, steeringHook, type Steering } from '../../../steer/steering/hooks.ts';
import { generateIds } from '../../../steer/steering/generate.ts';
import { LLAMA, memoryModel, NEOX } from '../tiny-models.ts';

const ids = [12, 40, 7, 88, 3];

function unitVector(D: number): Float32Array {
  const v = Float32Array.from({ length: D }, (_, i) => Math.sin(i + 1));
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

for (const [name, spec] of Object.entries({ 'GPT-NeoX': NEOX, Llama: LLAMA })) {
  describe(`steering the block output (${name})`, () => {
    const m = memoryModel(spec);
    const D = m.config.dModel;
    const L = 1;
    const v = unitVector(D);
    const run = (s: Steering | null): Map<number, Float32Array> => {
      const cap = captureHook('all', 'all', D);
      m.forward(ids, m.newCache(), { hook: composeHooks(s ? steeringHook(s) : undefined, cap.hook), logits: 'none' });
      return cap.outputs;
    };

    it('shifts every position of layer L by exactly alpha times v and leaves earlier layers unchanged', () => {
      const alpha = 2.5;
      const base = run(null),
        steered = run({ layer: L, vector: v, alpha, positions: 'all' });
      for (let l = 0; l < L; l++) expect(Array.from(steered.get(l)!)).toEqual(Array.from(base.get(l)!));
      const b = base.get(L)!,
        s = steered.get(L)!;
      // One float32 addition: exact up to rounding of the stored sum.
      for (let i = 0; i < b.length; i++) expect(s[i]! - b[i]!).toBeCloseTo(alpha * v[i % D]!, 5);
      const later = base.get(L + 1)!,
        laterSteered = steered.get(L + 1)!;
      expect(Math.max(...later.map((x, i) => Math.abs(x - laterSteered[i]!)))).toBeGreaterThan(1e-3);
    });

    it("with the authors' last-position hook, shifts only the last position of layer L", () => {
      const alpha = -1.5;
      const base = run(null),
        steered = run({ layer: L, vector: v, alpha, positions: 'last' });
      const b = base.get(L)!,
        s = steered.get(L)!;
      const T = ids.length;
      expect(Array.from(s.subarray(0, (T - 1) * D))).toEqual(Array.from(b.subarray(0, (T - 1) * D)));
      for (let i = 0; i < D; i++) expect(s[(T - 1) * D + i]! - b[(T - 1) * D + i]!).toBeCloseTo(alpha * v[i]!, 5);
    });
  });
}

describe('steered generation', () => {
  it('applies the last-position steering to each generated token, like a hook on every forward pass', () => {
    const m = memoryModel(NEOX);
    const s: Steering = { layer: 1, vector: unitVector(m.config.dModel), alpha: 4, positions: 'last' };
    const got = generateIds(m, ids, { maxNewTokens: 5, steering: s, stopIds: [] });
    // The same thing spelled out: one pass per token, each hooked.
    const cache = m.newCache();
    const hook = steeringHook(s);
    let logits = m.forward(ids, cache, { hook })!;
    const want: number[] = [];
    for (let k = 0; k < 5; k++) {
      const next = logits.indexOf(Math.max(...logits));
      want.push(next);
      logits = m.forward([next], cache, { hook })!;
    }
    expect(got).toEqual(want);
    expect(got).not.toEqual(generateIds(m, ids, { maxNewTokens: 5, stopIds: [] }));
  });
});
