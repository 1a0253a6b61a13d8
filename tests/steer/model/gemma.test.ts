import { describe, expect, it } from 'vitest';
import { tinyTokenizerVocabSize } from '../../../steer/io/synthetic-tokenizer.ts';
import { parseConfig } from '../../../steer/model/config.ts';
import { loadModel } from '../../../steer/model/load.ts';
import { captureHook } from '../../../steer/steering/hooks.ts';
import { cacheVsFullDifference, randomTensors, writeModelFolder, type TensorPlan } from '../tiny-models.ts';

// head_dim 16 while d_model / heads = 8: Gemma takes head_dim from the config.
const D = 32,
  H = 4,
  KH = 2,
  hd = 16,
  F = 48,
  L = 2,
  V = tinyTokenizerVocabSize();
const CONFIG = {
  model_type: 'gemma',
  hidden_size: D,
  num_hidden_layers: L,
  num_attention_heads: H,
  num_key_value_heads: KH,
  head_dim: hd,
  intermediate_size: F,
  vocab_size: V,
  hidden_act: 'gelu_pytorch_tanh',
  rms_norm_eps: 1e-6,
  rope_theta: 10000,
  max_position_embeddings: 64,
};
const PLAN: TensorPlan = [['model.embed_tokens.weight', [V, D]]];
for (let i = 0; i < L; i++) {
  const l = `model.layers.${i}`;
  PLAN.push(
    [`${l}.input_layernorm.weight`, [D]],
    [`${l}.post_attention_layernorm.weight`, [D]],
    [`${l}.self_attn.q_proj.weight`, [H * hd, D]],
    [`${l}.self_attn.k_proj.weight`, [KH * hd, D]],
    [`${l}.self_attn.v_proj.weight`, [KH * hd, D]],
    [`${l}.self_attn.o_proj.weight`, [D, H * hd]],
    [`${l}.mlp.gate_proj.weight`, [F, D]],
    [`${l}.mlp.up_proj.weight`, [F, D]],
    [`${l}.mlp.down_proj.weight`, [D, F]],
  );
}
PLAN.push(['model.norm.weight', [D]]);

const rmsNormed = (x: number[], w: ArrayLike<number>): number[] => {
  const r = Math.sqrt(x.reduce((a, v) => a + v * v, 0) / x.length + 1e-6);
  return x.map((v, i) => (v / r) * (1 + w[i]!));
};
const geluTanh = (x: number): number => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
const matVec = (w: Float32Array, rows: number, x: number[]): number[] =>
  Array.from({ length: rows }, (_, o) => x.reduce((a, v, i) => a + w[o * x.length + i]! * v, 0));

describe('gemma', () => {
  it('loads a checkpoint in the Hugging Face layout (no lm_head: the unembedding is the embedding) and its KV cache agrees with a full pass', async () => {
    const lm = await loadModel(writeModelFolder(CONFIG, randomTensors(PLAN, 21)));
    expect(lm.config).toMatchObject({ headDim: 16, nKvHeads: 2, act: 'gelu_tanh', gatedMlp: true, norm: 'rmsnorm' });
    expect(lm.model.weights.unembed).toBe(lm.model.weights.embed);
    expect(cacheVsFullDifference(lm.model, [5, 17, 3, 99, 42, 7])).toBeLessThan(1e-4);
  });

  it('scales the embedding by sqrt(d_model), normalises with (1 + w) and runs a tanh-GELU GeGLU, as a hand calculation of block 0', async () => {
    // With o_proj zero the attention adds nothing, so block 0's output is
    // e + down(gelu_tanh(gate(n)) * up(n)), n = rmsnorm(e) * (1 + w), e = embedding * sqrt(32).
    const tensors = randomTensors(PLAN, 22);
    tensors.find((t) => t.name === 'model.layers.0.self_attn.o_proj.weight')!.data.fill(0);
    const get = (name: string): Float32Array => tensors.find((t) => t.name === name)!.data;
    const lm = await loadModel(writeModelFolder(CONFIG, tensors));
    const id = 42;
    const cap = captureHook([0], 'last', D);
    lm.model.forward([id], lm.model.newCache(), { hook: cap.hook, stopAfterLayer: 0 });
    const e = Array.from(get('model.embed_tokens.weight').subarray(id * D, id * D + D), (v) => v * Math.sqrt(D));
    const n = rmsNormed(e, get('model.layers.0.post_attention_layernorm.weight'));
    const gate = matVec(get('model.layers.0.mlp.gate_proj.weight'), F, n);
    const up = matVec(get('model.layers.0.mlp.up_proj.weight'), F, n);
    const down = matVec(
      get('model.layers.0.mlp.down_proj.weight'),
      D,
      gate.map((g, f) => geluTanh(g) * up[f]!),
    );
    const expected = e.map((v, i) => v + down[i]!);
    Array.from(cap.outputs.get(0)!).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 4));
  });

  it('reads the legacy hidden_act "gelu" of the official configs as the tanh approximation, as transformers does', () => {
    expect(parseConfig({ ...CONFIG, hidden_act: 'gelu' }).act).toBe('gelu_tanh');
    expect(parseConfig({ ...CONFIG, hidden_act: 'gelu', hidden_activation: 'gelu_pytorch_tanh' }).act).toBe('gelu_tanh');
  });

  it('refuses bidirectional attention', () => {
    expect(() => parseConfig({ ...CONFIG, use_bidirectional_attention: true })).toThrow(/use_bidirectional_attention is not supported/);
  });
});
