import { describe, expect, it } from 'vitest';
import { inspectPrompt, largest } from '../../../steer/eval/inspect.ts';
import { VECTOR_FORMAT, type VectorFile } from '../../../steer/io/vector-file.ts';
import { generateIds } from '../../../steer/steering/generate.ts';
import { captureHook } from '../../../steer/steering/hooks.ts';
import { loadedModel, NEOX } from '../tiny-models.ts';

const lm = await loadedModel({ ...NEOX, vocabSize: 300 }); // 9 ids past the tokenizer's 291
const D = lm.config.dModel;

function vectorFile(layer: number): VectorFile {
  const v = Array.from({ length: D }, (_, i) => Math.cos(i));
  const n = Math.hypot(...v);
  return {
    format: VECTOR_FORMAT,
    model: { configSha256: lm.configSha256, modelType: 'gpt_neox', nLayers: lm.config.nLayers, source: 'test' },
    layer,
    hookSite: 'block_output',
    operation: 'add',
    dModel: D,
    method: 'mean-diff',
    statementSet: { name: 't', sha256: '', nPairs: 2 },
    signConvention: 'true minus false',
    residualRms: 1,
    norm: 1,
    vector: v.map((x) => x / n),
  };
}

describe('largest', () => {
  it('returns the ids of the k largest values, largest first, ties to the lower id', () => {
    const a = Float32Array.from([3, 9, 1, 9, 7, 3]);
    expect(largest(a, 3)).toEqual([1, 3, 4]);
    expect(largest(a, 1)).toEqual([1]);
    expect(largest(a, 10)).toEqual([1, 3, 4, 0, 5, 2]);
    expect(largest(a, 0)).toEqual([]);
  });
});

describe('inspect', () => {
  const ids = [0, 85, 105, 102, 285, 296];
  const report = inspectPrompt(lm, { text: null, ids }, { topK: 5, allLogits: true, layers: [1, 3], maxNewTokens: 4 });
  const [run] = report.runs;

  it('keeps special and unknown tokens visible in the pieces and the decoded text', () => {
    expect(report.input.pieces).toEqual(['<|endoftext|>', 'T', 'h', 'e', 'Ġsun', '<unknown id 296>']);
    expect(report.input.decoded.startsWith('<|endoftext|>The sun')).toBe(true);
  });

  it("reports the forward pass's last-position logits, the top ones sorted with log-probabilities that normalise", () => {
    const logits = lm.model.forward(ids, lm.model.newCache())!;
    expect(run!.lastLogits.all).toEqual(Array.from(logits));
    const top = run!.lastLogits.top;
    expect(top.map((t) => t.logit)).toEqual([...Array.from(logits)].sort((a, b) => b - a).slice(0, 5));
    const logZ = Math.log(Array.from(logits).reduce((a, x) => a + Math.exp(x), 0));
    top.forEach((t) => expect(t.logProb).toBeCloseTo(t.logit - logZ, 10));
  });

  it('reports the block outputs at every prompt position for the chosen layers', () => {
    const cap = captureHook([1, 3], 'all', D);
    lm.model.forward(ids, lm.model.newCache(), { hook: cap.hook });
    for (const l of [1, 3]) expect(run!.residual[l]!.flat()).toEqual(Array.from(cap.outputs.get(l)!));
  });

  it("continues greedily like generate, with each step's top-1 minus top-2 margin", () => {
    expect(run!.continuation.ids).toEqual(generateIds(lm.model, ids, { maxNewTokens: 4 }));
    const seq = [...ids];
    for (const step of run!.continuation.steps) {
      const logits = Array.from(lm.model.forward(seq, lm.model.newCache())!).sort((a, b) => b - a);
      expect(step.margin).toBeCloseTo(logits[0]! - logits[1]!, 5);
      expect(step.margin).toBeGreaterThanOrEqual(0);
      seq.push(step.id);
    }
  });

  it("runs a second time steered: the steered layer's last position moves by exactly alpha times the vector", () => {
    const vf = vectorFile(1);
    const r = inspectPrompt(
      lm,
      { text: null, ids },
      {
        topK: 3,
        allLogits: false,
        layers: [0, 1],
        maxNewTokens: 2,
        steer: { vector: vf, strength: { kind: 'fixed', value: 2, relative: false }, positions: 'last', source: 'v.json' },
      },
    );
    expect(r.runs).toHaveLength(2);
    const [plain, steered] = r.runs;
    expect(steered!.steering).toMatchObject({ layer: 1, alpha: 2, label: 'fixed', positions: 'last' });
    expect(steered!.residual[0]).toEqual(plain!.residual[0]);
    const last = ids.length - 1;
    steered!.residual[1]![last]!.forEach((x, i) => expect(x).toBeCloseTo(plain!.residual[1]![last]![i]! + 2 * vf.vector[i]!, 5));
    expect(steered!.residual[1]![0]).toEqual(plain!.residual[1]![0]);
    expect(plain!.lastLogits.all).toBeUndefined();
  });

  it('names an id outside the vocabulary and a layer outside the model', () => {
    const o = { topK: 1, allLogits: false, layers: [], maxNewTokens: 0 };
    expect(() => inspectPrompt(lm, { text: null, ids: [1, 300] }, o)).toThrow(/token id 300 outside the model's vocabulary 0\.\.299/);
    expect(() => inspectPrompt(lm, { text: null, ids: [1] }, { ...o, layers: [4] })).toThrow(/layer 4 outside 0\.\.3/);
  });
});
