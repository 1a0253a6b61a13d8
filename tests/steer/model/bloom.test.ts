import { describe, expect, it } from 'vitest';
import type { TensorToWrite } from '../../../steer/io/safetensors-write.ts';
import { tinyTokenizerVocabSize } from '../../../steer/io/synthetic-tokenizer.ts';
import { alibiSlopes } from '../../../steer/kernels/ops.ts';
import { parseConfig } from '../../../steer/model/config.ts';
import { loadModel } from '../../../steer/model/load.ts';
import { captureHook } from '../../../steer/steering/hooks.ts';
import { cacheVsFullDifference, randomTensors, writeModelFolder, type TensorPlan } from '../tiny-models.ts';

const H = 4,
  hd = 8,
  D = H * hd,
  L = 2,
  V = tinyTokenizerVocabSize();
const CONFIG = { model_type: 'bloom', hidden_size: D, n_layer: L, n_head: H, vocab_size: V, layer_norm_epsilon: 1e-5 };
const t = 'transformer.';
const PLAN: TensorPlan = [
  [`${t}word_embeddings.weight`, [V, D]],
  [`${t}word_embeddings_layernorm.weight`, [D]],
  [`${t}word_embeddings_layernorm.bias`, [D]],
];
for (let i = 0; i < L; i++) {
  const l = `${t}h.${i}`;
  PLAN.push(
    [`${l}.input_layernorm.weight`, [D]],
    [`${l}.input_layernorm.bias`, [D]],
    [`${l}.self_attention.query_key_value.weight`, [3 * D, D]],
    [`${l}.self_attention.query_key_value.bias`, [3 * D]],
    [`${l}.self_attention.dense.weight`, [D, D]],
    [`${l}.self_attention.dense.bias`, [D]],
    [`${l}.post_attention_layernorm.weight`, [D]],
    [`${l}.post_attention_layernorm.bias`, [D]],
    [`${l}.mlp.dense_h_to_4h.weight`, [4 * D, D]],
    [`${l}.mlp.dense_h_to_4h.bias`, [4 * D]],
    [`${l}.mlp.dense_4h_to_h.weight`, [D, 4 * D]],
    [`${l}.mlp.dense_4h_to_h.bias`, [D]],
  );
}
PLAN.push([`${t}ln_f.weight`, [D]], [`${t}ln_f.bias`, [D]]);

const get = (ts: TensorToWrite[], name: string): Float32Array => ts.find((x) => x.name === name)!.data;
const layerNormed = (x: number[], w: Float32Array, b: Float32Array): number[] => {
  const m = x.reduce((a, v) => a + v, 0) / x.length;
  const s = Math.sqrt(x.reduce((a, v) => a + (v - m) ** 2, 0) / x.length + 1e-5);
  return x.map((v, i) => ((v - m) / s) * w[i]! + b[i]!);
};

describe('bloom', () => {
  it('loads a checkpoint in the Hugging Face layout and its KV cache agrees with a full pass', async () => {
    const lm = await loadModel(writeModelFolder(CONFIG, randomTensors(PLAN, 51)));
    expect(lm.config).toMatchObject({ positions: 'alibi', act: 'gelu_tanh', dFF: 4 * D });
    expect(lm.model.weights.embedNorm).not.toBeNull();
    expect(cacheVsFullDifference(lm.model, [5, 17, 3, 99, 42, 7])).toBeLessThan(1e-4);
  });

  it('gives each head the ALiBi slope 2^(-8h/n), and heads past a power of two every other slope of 2n heads', () => {
    expect(Array.from(alibiSlopes(8))).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((h) => 2 ** -h));
    // 6 heads: 2^-2, 2^-4, 2^-6, 2^-8 from n = 4, then 2^-1 and 2^-3 from n = 8.
    expect(Array.from(alibiSlopes(6))).toEqual([2 ** -2, 2 ** -4, 2 ** -6, 2 ** -8, 2 ** -1, 2 ** -3]);
  });

  it('normalises the embeddings, reads per-head [q; k; v] rows and biases attention by slope x key position, as a hand calculation', async () => {
    // q and k zero: every score is the ALiBi term, so head h at position 1
    // weighs its two values by softmax(slope_h x [0, 1]). The MLP is zeroed.
    const ts = randomTensors(PLAN, 52);
    const l = `${t}h.0`;
    const W = get(ts, `${l}.self_attention.query_key_value.weight`),
      B = get(ts, `${l}.self_attention.query_key_value.bias`);
    for (let h = 0; h < H; h++)
      for (const j of [0, 1]) {
        W.fill(0, (h * 3 + j) * hd * D, (h * 3 + j + 1) * hd * D);
        B.fill(0, (h * 3 + j) * hd, (h * 3 + j + 1) * hd);
      }
    get(ts, `${l}.mlp.dense_4h_to_h.weight`).fill(0);
    get(ts, `${l}.mlp.dense_4h_to_h.bias`).fill(0);
    const lm = await loadModel(writeModelFolder(CONFIG, ts));
    const ids = [7, 9];
    const cap = captureHook([0], 'all', D);
    lm.model.forward(ids, lm.model.newCache(), { hook: cap.hook, stopAfterLayer: 0 });

    const emb = get(ts, `${t}word_embeddings.weight`);
    const x = ids.map((id) =>
      layerNormed(Array.from(emb.subarray(id * D, id * D + D)), get(ts, `${t}word_embeddings_layernorm.weight`), get(ts, `${t}word_embeddings_layernorm.bias`)),
    );
    const n = x.map((r) => layerNormed(r, get(ts, `${l}.input_layernorm.weight`), get(ts, `${l}.input_layernorm.bias`)));
    const value = (pos: number, h: number, e: number): number => {
      const rowIdx = (h * 3 + 2) * hd + e;
      return n[pos]!.reduce((a, v, i) => a + W[rowIdx * D + i]! * v, B[rowIdx]!);
    };
    const slopes = [1, 2, 3, 4].map((h) => 2 ** ((-8 * h) / H));
    const ctx = Array.from({ length: D }, (_, c) => {
      const h = Math.floor(c / hd),
        e = c % hd;
      const p1 = 1 / (1 + Math.exp(-slopes[h]!)); // softmax([0, slope])[1]
      return (1 - p1) * value(0, h, e) + p1 * value(1, h, e);
    });
    const dense = get(ts, `${l}.self_attention.dense.weight`),
      denseB = get(ts, `${l}.self_attention.dense.bias`);
    const expected = x[1]!.map((v, o) => v + ctx.reduce((a, c, i) => a + dense[o * D + i]! * c, denseB[o]!));
    Array.from(cap.outputs.get(0)!.subarray(D)).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 4));
  });

  it('refuses apply_residual_connection_post_layernorm', () => {
    expect(() => parseConfig({ ...CONFIG, apply_residual_connection_post_layernorm: true })).toThrow(
      /apply_residual_connection_post_layernorm is not supported/,
    );
  });
});
