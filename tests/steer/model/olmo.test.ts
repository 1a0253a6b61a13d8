import { describe, expect, it } from 'vitest';
import type { TensorToWrite } from '../../../steer/io/safetensors-write.ts';
import { tinyTokenizerVocabSize } from '../../../steer/io/synthetic-tokenizer.ts';
import { loadModel } from '../../../steer/model/load.ts';
import { captureHook } from '../../../steer/steering/hooks.ts';
import { cacheVsFullDifference, randomTensors, writeModelFolder, type TensorPlan } from '../tiny-models.ts';

const D = 32,
  H = 4,
  KH = 2,
  hd = 8,
  F = 48,
  L = 2,
  V = tinyTokenizerVocabSize();
const CONFIG = {
  model_type: 'olmo',
  hidden_size: D,
  num_hidden_layers: L,
  num_attention_heads: H,
  num_key_value_heads: KH,
  intermediate_size: F,
  vocab_size: V,
  hidden_act: 'silu',
  rope_theta: 10000,
  max_position_embeddings: 64,
  clip_qkv: null,
  tie_word_embeddings: false,
};
// No norm tensors at all: OLMo's LayerNorm has no parameters.
const PLAN: TensorPlan = [['model.embed_tokens.weight', [V, D]]];
for (let i = 0; i < L; i++) {
  const l = `model.layers.${i}`;
  PLAN.push(
    [`${l}.self_attn.q_proj.weight`, [H * hd, D]],
    [`${l}.self_attn.k_proj.weight`, [KH * hd, D]],
    [`${l}.self_attn.v_proj.weight`, [KH * hd, D]],
    [`${l}.self_attn.o_proj.weight`, [D, H * hd]],
    [`${l}.mlp.gate_proj.weight`, [F, D]],
    [`${l}.mlp.up_proj.weight`, [F, D]],
    [`${l}.mlp.down_proj.weight`, [D, F]],
  );
}
PLAN.push(['lm_head.weight', [V, D]]);

const get = (ts: TensorToWrite[], name: string): Float32Array => ts.find((t) => t.name === name)!.data;
const normed = (x: number[]): number[] => {
  const m = x.reduce((a, v) => a + v, 0) / x.length;
  const s = Math.sqrt(x.reduce((a, v) => a + (v - m) ** 2, 0) / x.length + 1e-5);
  return x.map((v) => (v - m) / s);
};
const matVec = (w: Float32Array, x: number[]): number[] =>
  Array.from({ length: w.length / x.length }, (_, o) => x.reduce((a, v, i) => a + w[o * x.length + i]! * v, 0));
const silu = (x: number): number => x / (1 + Math.exp(-x));

/** Block 0's output at position 0: there attention returns o_proj of each head's (group's) value. */
async function blockZero(clip: number | null, silence: 'attention' | 'mlp'): Promise<{ got: Float32Array; expected: number[] }> {
  const ts = randomTensors(PLAN, 81);
  get(ts, silence === 'attention' ? 'model.layers.0.self_attn.o_proj.weight' : 'model.layers.0.mlp.down_proj.weight').fill(0);
  const lm = await loadModel(writeModelFolder({ ...CONFIG, clip_qkv: clip }, ts));
  const id = 11;
  const cap = captureHook([0], 'last', D);
  lm.model.forward([id], lm.model.newCache(), { hook: cap.hook, stopAfterLayer: 0 });
  const l = 'model.layers.0';
  const x = Array.from(get(ts, 'model.embed_tokens.weight').subarray(id * D, id * D + D));
  const n = normed(x);
  let add: number[];
  if (silence === 'attention') {
    const gate = matVec(get(ts, `${l}.mlp.gate_proj.weight`), n),
      up = matVec(get(ts, `${l}.mlp.up_proj.weight`), n);
    add = matVec(
      get(ts, `${l}.mlp.down_proj.weight`),
      gate.map((g, f) => silu(g) * up[f]!),
    );
  } else {
    const v = matVec(get(ts, `${l}.self_attn.v_proj.weight`), n).map((val) => (clip === null ? val : Math.min(clip, Math.max(-clip, val))));
    const heads = Array.from({ length: H * hd }, (_, c) => v[Math.floor(c / hd / (H / KH)) * hd + (c % hd)]!);
    add = matVec(get(ts, `${l}.self_attn.o_proj.weight`), heads);
  }
  return { got: cap.outputs.get(0)!, expected: x.map((val, i) => val + add[i]!) };
}

describe('olmo', () => {
  it('loads a checkpoint with no norm tensors and its KV cache agrees with a full pass', async () => {
    const lm = await loadModel(writeModelFolder(CONFIG, randomTensors(PLAN, 80)));
    expect(lm.config).toMatchObject({ norm: 'layernorm', normEps: 1e-5, clipQkv: null, gatedMlp: true });
    expect(cacheVsFullDifference(lm.model, [5, 17, 3, 99, 42, 7])).toBeLessThan(1e-4);
  });

  it('normalises with a LayerNorm that has no weight and no bias, as a hand calculation of block 0', async () => {
    const { got, expected } = await blockZero(null, 'attention');
    Array.from(got).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 4));
  });

  it('clamps q, k and v to [-clip_qkv, clip_qkv], as a hand calculation of block 0', async () => {
    const { got, expected } = await blockZero(0.1, 'mlp');
    Array.from(got).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 4));
    // The clip matters: without it the same checkpoint gives another output.
    const unclipped = await blockZero(null, 'mlp');
    expect(Math.max(...Array.from(unclipped.got, (v, i) => Math.abs(v - got[i]!)))).toBeGreaterThan(1e-2);
  });
});
