import { describe, expect, it } from 'vitest';
import type { TensorToWrite } from '../../../steer/io/safetensors-write.ts';
import { tinyTokenizerVocabSize } from '../../../steer/io/synthetic-tokenizer.ts';
import { parseConfig } from '../../../steer/model/config.ts';
import { loadModel } from '../../../steer/model/load.ts';
import { captureHook } from '../../../steer/steering/hooks.ts';
import { cacheVsFullDifference, randomTensors, writeModelFolder, type TensorPlan } from '../tiny-models.ts';

const D = 32,
  H = 4,
  hd = 8,
  F = 64,
  P = 64,
  V = tinyTokenizerVocabSize();

function gptNeo(types: [string[], number][], window: number): { config: Record<string, unknown>; plan: TensorPlan } {
  const L = types.reduce((a, [k, n]) => a + k.length * n, 0);
  const plan: TensorPlan = [
    ['transformer.wte.weight', [V, D]],
    ['transformer.wpe.weight', [P, D]],
  ];
  for (let i = 0; i < L; i++) {
    const l = `transformer.h.${i}`,
      a = `${l}.attn.attention`;
    plan.push(
      [`${l}.ln_1.weight`, [D]],
      [`${l}.ln_1.bias`, [D]],
      [`${a}.q_proj.weight`, [D, D]],
      [`${a}.k_proj.weight`, [D, D]],
      [`${a}.v_proj.weight`, [D, D]],
      [`${a}.out_proj.weight`, [D, D]],
      [`${a}.out_proj.bias`, [D]],
      [`${l}.ln_2.weight`, [D]],
      [`${l}.ln_2.bias`, [D]],
      [`${l}.mlp.c_fc.weight`, [F, D]],
      [`${l}.mlp.c_fc.bias`, [F]],
      [`${l}.mlp.c_proj.weight`, [D, F]],
      [`${l}.mlp.c_proj.bias`, [D]],
    );
  }
  plan.push(['transformer.ln_f.weight', [D]], ['transformer.ln_f.bias', [D]]);
  const config = {
    model_type: 'gpt_neo',
    hidden_size: D,
    num_layers: L,
    num_heads: H,
    intermediate_size: F,
    vocab_size: V,
    max_position_embeddings: P,
    window_size: window,
    attention_types: types,
    activation_function: 'gelu_new',
    layer_norm_epsilon: 1e-5,
  };
  return { config, plan };
}

const get = (ts: TensorToWrite[], name: string): Float32Array => ts.find((t) => t.name === name)!.data;
const layerNormed = (x: number[], w: Float32Array, b: Float32Array): number[] => {
  const m = x.reduce((a, v) => a + v, 0) / x.length;
  const s = Math.sqrt(x.reduce((a, v) => a + (v - m) ** 2, 0) / x.length + 1e-5);
  return x.map((v, i) => ((v - m) / s) * w[i]! + b[i]!);
};
const matVec = (w: Float32Array, x: number[], b?: Float32Array): number[] =>
  Array.from({ length: w.length / x.length }, (_, o) => x.reduce((a, v, i) => a + w[o * x.length + i]! * v, b ? b[o]! : 0));

describe('gpt_neo', () => {
  it('loads a checkpoint in the Hugging Face layout with alternating global and local blocks, and its KV cache agrees with a full pass', async () => {
    const { config, plan } = gptNeo([[['global', 'local'], 2]], 3);
    const lm = await loadModel(writeModelFolder(config, randomTensors(plan, 71)));
    expect(lm.config.window).toEqual([null, 3, null, 3]);
    expect(lm.config.attnScale).toBe(1);
    // 8 tokens: the local blocks' window of 3 really drops keys.
    expect(cacheVsFullDifference(lm.model, [5, 17, 3, 99, 42, 7, 250, 1])).toBeLessThan(1e-4);
  });

  it('does not scale attention logits by 1/sqrt(head_dim), as a hand calculation of block 0 at position 1', async () => {
    const { config, plan } = gptNeo([[['global'], 1]], 256);
    const ts = randomTensors(plan, 72, 0.6);
    get(ts, 'transformer.h.0.mlp.c_proj.weight').fill(0);
    get(ts, 'transformer.h.0.mlp.c_proj.bias').fill(0);
    const lm = await loadModel(writeModelFolder(config, ts));
    const ids = [7, 9];
    const cap = captureHook([0], 'all', D);
    lm.model.forward(ids, lm.model.newCache(), { hook: cap.hook });
    const a = 'transformer.h.0.attn.attention';
    const x = ids.map((id, pos) =>
      Array.from({ length: D }, (_, i) => get(ts, 'transformer.wte.weight')[id * D + i]! + get(ts, 'transformer.wpe.weight')[pos * D + i]!),
    );
    const n = x.map((r) => layerNormed(r, get(ts, 'transformer.h.0.ln_1.weight'), get(ts, 'transformer.h.0.ln_1.bias')));
    const [q, k, v] = ['q_proj', 'k_proj', 'v_proj'].map((p) => n.map((r) => matVec(get(ts, `${a}.${p}.weight`), r))) as [number[][], number[][], number[][]];
    const ctx = Array.from({ length: D }, (_, c) => {
      const h = Math.floor(c / hd);
      const s = [0, 1].map((j) => Array.from({ length: hd }, (_, e) => q[1]![h * hd + e]! * k[j]![h * hd + e]!).reduce((p, r) => p + r, 0));
      const w1 = 1 / (1 + Math.exp(s[0]! - s[1]!));
      return (1 - w1) * v[0]![c]! + w1 * v[1]![c]!;
    });
    const out = matVec(get(ts, `${a}.out_proj.weight`), ctx, get(ts, `${a}.out_proj.bias`));
    Array.from(cap.outputs.get(0)!.subarray(D)).forEach((val, i) => expect(val).toBeCloseTo(x[1]![i]! + out[i]!, 4));
  });

  it('lets a local block see only the last window_size positions', async () => {
    // One local block with a window of 2: the last position attends to itself
    // and the one before, so the first two tokens cannot change its logits.
    const last = async (types: [string[], number][], ids: number[]): Promise<Float32Array> => {
      const { config, plan } = gptNeo(types, 2);
      const lm = await loadModel(writeModelFolder(config, randomTensors(plan, 73)));
      return lm.model.forward(ids, lm.model.newCache())!;
    };
    const diff = (a: Float32Array, b: Float32Array): number => Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));
    expect(diff(await last([[['local'], 1]], [5, 17, 3, 99]), await last([[['local'], 1]], [40, 8, 3, 99]))).toBe(0);
    expect(diff(await last([[['global'], 1]], [5, 17, 3, 99]), await last([[['global'], 1]], [40, 8, 3, 99]))).toBeGreaterThan(1e-3);
  });

  it('names attention_types that do not expand to num_layers blocks', () => {
    const { config } = gptNeo([[['global', 'local'], 2]], 3);
    expect(() => parseConfig({ ...config, num_layers: 5 })).toThrow(/"attention_types" expands to 4 blocks, num_layers is 5/);
  });
});
