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
  L = 2,
  V = tinyTokenizerVocabSize();
const CONFIG = {
  model_type: 'phi',
  hidden_size: D,
  num_hidden_layers: L,
  num_attention_heads: H,
  intermediate_size: F,
  vocab_size: V,
  hidden_act: 'gelu_new',
  layer_norm_eps: 1e-5,
  partial_rotary_factor: 0.5,
  rope_theta: 10000,
  max_position_embeddings: 64,
};
const PLAN: TensorPlan = [['model.embed_tokens.weight', [V, D]]];
for (let i = 0; i < L; i++) {
  const l = `model.layers.${i}`;
  PLAN.push([`${l}.input_layernorm.weight`, [D]], [`${l}.input_layernorm.bias`, [D]]);
  for (const p of ['q_proj', 'k_proj', 'v_proj', 'dense']) PLAN.push([`${l}.self_attn.${p}.weight`, [D, D]], [`${l}.self_attn.${p}.bias`, [D]]);
  PLAN.push([`${l}.mlp.fc1.weight`, [F, D]], [`${l}.mlp.fc1.bias`, [F]], [`${l}.mlp.fc2.weight`, [D, F]], [`${l}.mlp.fc2.bias`, [D]]);
}
PLAN.push(['model.final_layernorm.weight', [D]], ['model.final_layernorm.bias', [D]], ['lm_head.weight', [V, D]], ['lm_head.bias', [V]]);

const get = (ts: TensorToWrite[], name: string): Float32Array => ts.find((t) => t.name === name)!.data;
const affine = (w: Float32Array, b: Float32Array, x: number[]): number[] => Array.from(b, (bo, o) => x.reduce((a, v, i) => a + w[o * x.length + i]! * v, bo));
const layerNormed = (x: number[], w: Float32Array, b: Float32Array): number[] => {
  const m = x.reduce((a, v) => a + v, 0) / x.length;
  const s = Math.sqrt(x.reduce((a, v) => a + (v - m) ** 2, 0) / x.length + 1e-5);
  return x.map((v, i) => ((v - m) / s) * w[i]! + b[i]!);
};
const geluTanh = (x: number): number => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));

describe('phi', () => {
  it('loads a checkpoint in the Hugging Face layout and its KV cache agrees with a full pass', async () => {
    const lm = await loadModel(writeModelFolder(CONFIG, randomTensors(PLAN, 31)));
    expect(lm.config).toMatchObject({ residual: 'parallel', rotaryDim: 4, act: 'gelu_tanh' });
    expect(lm.model.weights.layers[0]!.ln2).toBeNull();
    expect(cacheVsFullDifference(lm.model, [5, 17, 3, 99, 42, 7])).toBeLessThan(1e-4);
  });

  it('adds attention and MLP computed from the same LayerNorm output, as a hand calculation of block 0 at the first position', async () => {
    // At position 0 attention sees one key, so it returns dense(v_proj(n)): x + dense(v(n)) + fc2(gelu(fc1(n))), n = ln(x).
    const ts = randomTensors(PLAN, 32);
    const lm = await loadModel(writeModelFolder(CONFIG, ts));
    const id = 17;
    const cap = captureHook([0], 'last', D);
    lm.model.forward([id], lm.model.newCache(), { hook: cap.hook, stopAfterLayer: 0 });
    const l = 'model.layers.0';
    const x = Array.from(get(ts, 'model.embed_tokens.weight').subarray(id * D, id * D + D));
    const n = layerNormed(x, get(ts, `${l}.input_layernorm.weight`), get(ts, `${l}.input_layernorm.bias`));
    const attn = affine(
      get(ts, `${l}.self_attn.dense.weight`),
      get(ts, `${l}.self_attn.dense.bias`),
      affine(get(ts, `${l}.self_attn.v_proj.weight`), get(ts, `${l}.self_attn.v_proj.bias`), n),
    );
    const hidden = affine(get(ts, `${l}.mlp.fc1.weight`), get(ts, `${l}.mlp.fc1.bias`), n).map(geluTanh);
    const mlp = affine(get(ts, `${l}.mlp.fc2.weight`), get(ts, `${l}.mlp.fc2.bias`), hidden);
    Array.from(cap.outputs.get(0)!).forEach((v, i) => expect(v).toBeCloseTo(x[i]! + attn[i]! + mlp[i]!, 4));
  });

  it('rotates only the first partial_rotary_factor x head_dim dims of each head', async () => {
    // One block. Zero the query and key rows that get rotated: no position
    // signal is left, the last position attends to the set of earlier tokens
    // whatever their order, and swapping the first two tokens cannot change
    // its logits. Rotating more dims would.
    const ts = randomTensors(
      PLAN.filter(([name]) => !name.startsWith('model.layers.1.')),
      33,
    );
    const swapped = async (tensors: TensorToWrite[]): Promise<number> => {
      const lm = await loadModel(writeModelFolder({ ...CONFIG, num_hidden_layers: 1 }, tensors));
      const a = lm.model.forward([5, 99, 42], lm.model.newCache())!;
      const b = lm.model.forward([99, 5, 42], lm.model.newCache())!;
      return Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
    };
    expect(await swapped(ts)).toBeGreaterThan(1e-3);
    for (const p of ['q_proj', 'k_proj']) {
      const w = get(ts, `model.layers.0.self_attn.${p}.weight`),
        b = get(ts, `model.layers.0.self_attn.${p}.bias`);
      for (let h = 0; h < H; h++)
        for (let dim = 0; dim < 4; dim++) {
          w.fill(0, (h * hd + dim) * D, (h * hd + dim + 1) * D);
          b[h * hd + dim] = 0;
        }
    }
    expect(await swapped(ts)).toBeLessThan(1e-5);
  });

  it('adds the lm_head bias to the logits', async () => {
    const ts = randomTensors(PLAN, 34);
    get(ts, 'lm_head.weight').fill(0);
    const lm = await loadModel(writeModelFolder(CONFIG, ts));
    expect(Array.from(lm.model.forward([3, 4], lm.model.newCache())!)).toEqual(Array.from(get(ts, 'lm_head.bias')));
  });

  it('refuses q/k LayerNorm', () => {
    expect(() => parseConfig({ ...CONFIG, qk_layernorm: true })).toThrow(/qk_layernorm is not supported/);
  });
});
