import { describe, expect, it } from 'vitest';
import type { TensorToWrite } from '../../../steer/io/safetensors-write.ts';
import { tinyTokenizerVocabSize } from '../../../steer/io/synthetic-tokenizer.ts';
import { parseConfig } from '../../../steer/model/config.ts';
import { loadModel } from '../../../steer/model/load.ts';
import { groupedToBlocks } from '../../../steer/model/weights.ts';
import { captureHook } from '../../../steer/steering/hooks.ts';
import { cacheVsFullDifference, randomTensors, writeModelFolder, type TensorPlan } from '../tiny-models.ts';

const H = 4,
  hd = 8,
  D = H * hd,
  L = 2,
  F = 48,
  V = tinyTokenizerVocabSize();
const VARIANTS = {
  'Falcon-7B (multi-query, one shared LayerNorm)': { multi_query: true, parallel_attn: true },
  'Falcon-40B (new decoder architecture, 2 key/value groups, ln_attn and ln_mlp)': { new_decoder_architecture: true, num_kv_heads: 2 },
  'sequential blocks with full multi-head attention and biases': { multi_query: false, parallel_attn: false, bias: true },
} as const;

function falcon(o: Record<string, unknown>): { config: Record<string, unknown>; plan: TensorPlan; KH: number } {
  const KH = o.new_decoder_architecture ? (o.num_kv_heads as number) : o.multi_query ? 1 : H;
  const plan: TensorPlan = [['transformer.word_embeddings.weight', [V, D]]];
  const lin = (n: string, out: number, inn: number): void => {
    plan.push([`${n}.weight`, [out, inn]]);
    if (o.bias) plan.push([`${n}.bias`, [out]]);
  };
  for (let i = 0; i < L; i++) {
    const l = `transformer.h.${i}`;
    const norms = o.new_decoder_architecture ? ['ln_attn', 'ln_mlp'] : o.parallel_attn ? ['input_layernorm'] : ['input_layernorm', 'post_attention_layernorm'];
    for (const n of norms) plan.push([`${l}.${n}.weight`, [D]], [`${l}.${n}.bias`, [D]]);
    lin(`${l}.self_attention.query_key_value`, (H + 2 * KH) * hd, D);
    lin(`${l}.self_attention.dense`, D, D);
    lin(`${l}.mlp.dense_h_to_4h`, F, D);
    lin(`${l}.mlp.dense_4h_to_h`, D, F);
  }
  plan.push(['transformer.ln_f.weight', [D]], ['transformer.ln_f.bias', [D]]);
  const config = {
    model_type: 'falcon',
    hidden_size: D,
    num_hidden_layers: L,
    num_attention_heads: H,
    vocab_size: V,
    ffn_hidden_size: F,
    layer_norm_epsilon: 1e-5,
    alibi: false,
    bias: false,
    rope_theta: 10000,
    ...o,
  };
  return { config, plan, KH };
}

const get = (ts: TensorToWrite[], name: string): Float32Array | null => ts.find((t) => t.name === name)?.data ?? null;
const affine = (ts: TensorToWrite[], name: string, x: number[], rows = get(ts, `${name}.weight`)!.length / x.length, firstRow = 0): number[] => {
  const w = get(ts, `${name}.weight`)!,
    b = get(ts, `${name}.bias`);
  return Array.from({ length: rows }, (_, o) => x.reduce((a, v, i) => a + w[(firstRow + o) * x.length + i]! * v, b ? b[firstRow + o]! : 0));
};
const layerNormed = (ts: TensorToWrite[], name: string, x: number[]): number[] => {
  const m = x.reduce((a, v) => a + v, 0) / x.length;
  const s = Math.sqrt(x.reduce((a, v) => a + (v - m) ** 2, 0) / x.length + 1e-5);
  return x.map((v, i) => ((v - m) / s) * get(ts, `${name}.weight`)![i]! + get(ts, `${name}.bias`)![i]!);
};
const gelu = (x: number): number => {
  // erf by its series: exact enough for |x| < 4 (the values here are far smaller).
  const z = x / Math.SQRT2;
  let term = z,
    sum = z;
  for (let n = 1; n < 60; n++) sum += (term *= (-z * z) / n) / (2 * n + 1);
  return 0.5 * x * (1 + (2 / Math.sqrt(Math.PI)) * sum);
};

describe('falcon', () => {
  for (const [name, o] of Object.entries(VARIANTS)) {
    it(`${name}: loads a checkpoint in the Hugging Face layout, its KV cache agrees with a full pass, and block 0 at position 0 matches a hand calculation`, async () => {
      const { config, plan, KH } = falcon(o);
      const ts = randomTensors(plan, 61);
      const lm = await loadModel(writeModelFolder(config, ts));
      expect(lm.config.nKvHeads).toBe(KH);
      expect(cacheVsFullDifference(lm.model, [5, 17, 3, 99, 42, 7])).toBeLessThan(1e-4);

      // At position 0 each head attends to one key, so it returns its group's
      // value row: attn = dense([v_g(h) for each head h]). Rows of the fused
      // projection come per group g as [H/KH queries; key; value].
      const id = 23;
      const cap = captureHook([0], 'last', D);
      lm.model.forward([id], lm.model.newCache(), { hook: cap.hook, stopAfterLayer: 0 });
      const l = 'transformer.h.0';
      const x = Array.from(get(ts, 'transformer.word_embeddings.weight')!.subarray(id * D, id * D + D));
      const nAttn = layerNormed(ts, get(ts, `${l}.ln_attn.weight`) ? `${l}.ln_attn` : `${l}.input_layernorm`, x);
      const perGroup = H / KH;
      const heads = Array.from({ length: H }, (_, h) => {
        const g = Math.floor(h / perGroup);
        return affine(ts, `${l}.self_attention.query_key_value`, nAttn, hd, (g * (perGroup + 2) + perGroup + 1) * hd);
      });
      const attn = affine(ts, `${l}.self_attention.dense`, heads.flat());
      const sequential = 'parallel_attn' in o && !o.parallel_attn;
      const mid = sequential ? x.map((v, i) => v + attn[i]!) : x;
      const nMlp = get(ts, `${l}.ln_mlp.weight`)
        ? layerNormed(ts, `${l}.ln_mlp`, x)
        : sequential
          ? layerNormed(ts, `${l}.post_attention_layernorm`, mid)
          : nAttn;
      const mlp = affine(ts, `${l}.mlp.dense_4h_to_h`, affine(ts, `${l}.mlp.dense_h_to_4h`, nMlp).map(gelu));
      const expected = sequential ? mid.map((v, i) => v + mlp[i]!) : x.map((v, i) => v + attn[i]! + mlp[i]!);
      Array.from(cap.outputs.get(0)!).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 4));
    });
  }

  it('regroups fused rows stored per key/value group into all queries, all keys, all values', () => {
    // 4 query heads over 2 groups, head size 1: q0 q1 k0 v0 | q2 q3 k1 v1.
    const src = Float32Array.from([10, 11, 20, 30, 12, 13, 21, 31]);
    expect(Array.from(groupedToBlocks(src, 4, 2, 1, 1, new Float32Array(8)))).toEqual([10, 11, 12, 13, 20, 21, 30, 31]);
  });

  it('refuses ALiBi Falcon models', () => {
    expect(() => parseConfig({ ...falcon({}).config, alibi: true })).toThrow(/alibi is not supported/);
  });
});
