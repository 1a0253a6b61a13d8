import { describe, expect, it } from 'vitest';
import type { TensorToWrite } from '../../../steer/io/safetensors-write.ts';
import { tinyTokenizerVocabSize } from '../../../steer/io/synthetic-tokenizer.ts';
import { loadModel } from '../../../steer/model/load.ts';
import { captureHook } from '../../../steer/steering/hooks.ts';
import { cacheVsFullDifference, randomTensors, writeModelFolder, type TensorPlan } from '../tiny-models.ts';

const D = 32,
  H = 4,
  F = 64,
  L = 2,
  P = 64,
  V = tinyTokenizerVocabSize();
const p = 'model.decoder.';

/** OPT with pre- or post-LayerNorm blocks and an embedding of width E (project_in/out when E != D). */
function opt(preNorm: boolean, E: number): { config: Record<string, unknown>; plan: TensorPlan } {
  const plan: TensorPlan = [
    [`${p}embed_tokens.weight`, [V, E]],
    [`${p}embed_positions.weight`, [P + 2, D]],
  ];
  if (E !== D) plan.push([`${p}project_in.weight`, [D, E]], [`${p}project_out.weight`, [E, D]]);
  for (let i = 0; i < L; i++) {
    const l = `${p}layers.${i}`;
    for (const q of ['q_proj', 'k_proj', 'v_proj', 'out_proj']) plan.push([`${l}.self_attn.${q}.weight`, [D, D]], [`${l}.self_attn.${q}.bias`, [D]]);
    plan.push([`${l}.self_attn_layer_norm.weight`, [D]], [`${l}.self_attn_layer_norm.bias`, [D]]);
    plan.push([`${l}.fc1.weight`, [F, D]], [`${l}.fc1.bias`, [F]], [`${l}.fc2.weight`, [D, F]], [`${l}.fc2.bias`, [D]]);
    plan.push([`${l}.final_layer_norm.weight`, [D]], [`${l}.final_layer_norm.bias`, [D]]);
  }
  if (preNorm) plan.push([`${p}final_layer_norm.weight`, [D]], [`${p}final_layer_norm.bias`, [D]]);
  const config = {
    model_type: 'opt',
    hidden_size: D,
    word_embed_proj_dim: E,
    num_hidden_layers: L,
    num_attention_heads: H,
    ffn_dim: F,
    vocab_size: V,
    max_position_embeddings: P,
    do_layer_norm_before: preNorm,
    activation_function: 'relu',
    enable_bias: true,
    tie_word_embeddings: true,
  };
  return { config, plan };
}

const get = (ts: TensorToWrite[], name: string): Float32Array => ts.find((t) => t.name === name)!.data;
/** Zeroes every attention and MLP weight and bias: each block then only adds zero (and, post-norm, normalises). */
const silenceBlocks = (ts: TensorToWrite[]): void => ts.filter((t) => /self_attn\.|fc[12]\./.test(t.name)).forEach((t) => t.data.fill(0));
const layerNormed = (x: number[], w: Float32Array, b: Float32Array): number[] => {
  const m = x.reduce((a, v) => a + v, 0) / x.length;
  const s = Math.sqrt(x.reduce((a, v) => a + (v - m) ** 2, 0) / x.length + 1e-5);
  return x.map((v, i) => ((v - m) / s) * w[i]! + b[i]!);
};
const matVec = (w: Float32Array, rows: number, x: number[]): number[] =>
  Array.from({ length: rows }, (_, o) => x.reduce((a, v, i) => a + w[o * x.length + i]! * v, 0));
const row = (w: Float32Array, r: number, n: number): number[] => Array.from(w.subarray(r * n, r * n + n));

describe('opt', () => {
  for (const [name, preNorm, E] of [
    ['pre-LayerNorm', true, D],
    ['post-LayerNorm with project_in/out (OPT-350M style)', false, 16],
  ] as const) {
    it(`loads a ${name} checkpoint in the Hugging Face layout and its KV cache agrees with a full pass`, async () => {
      const { config, plan } = opt(preNorm, E);
      const lm = await loadModel(writeModelFolder(config, randomTensors(plan, 41)));
      expect(lm.config).toMatchObject({ residual: preNorm ? 'sequential' : 'post-norm', embedDim: E, act: 'relu', positionOffset: 2 });
      expect(lm.model.weights.finalNorm === null).toBe(!preNorm);
      expect(cacheVsFullDifference(lm.model, [5, 17, 3, 99, 42, 7])).toBeLessThan(1e-4);
    });
  }

  it('adds learned position p from row p + 2 of the position table', async () => {
    const { config, plan } = opt(true, D);
    const ts = randomTensors(plan, 42);
    silenceBlocks(ts);
    const lm = await loadModel(writeModelFolder(config, ts));
    const cap = captureHook([0], 'all', D);
    lm.model.forward([7, 9], lm.model.newCache(), { hook: cap.hook, stopAfterLayer: 0 });
    const tok = get(ts, `${p}embed_tokens.weight`),
      pos = get(ts, `${p}embed_positions.weight`);
    const expected = [...row(tok, 7, D).map((v, i) => v + pos[2 * D + i]!), ...row(tok, 9, D).map((v, i) => v + pos[3 * D + i]!)];
    Array.from(cap.outputs.get(0)!).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
  });

  it('post-LayerNorm: normalises after each residual add, then unembeds through project_out with no final norm', async () => {
    // Silent blocks: block l maps x to ln2(ln1(x)); x0 = project_in(embedding) + position row 2.
    const { config, plan } = opt(false, 16);
    const ts = randomTensors(plan, 43);
    silenceBlocks(ts);
    const lm = await loadModel(writeModelFolder(config, ts));
    const tok = get(ts, `${p}embed_tokens.weight`),
      pos = get(ts, `${p}embed_positions.weight`);
    let x = matVec(get(ts, `${p}project_in.weight`), D, row(tok, 7, 16)).map((v, i) => v + pos[2 * D + i]!);
    for (let l = 0; l < L; l++) {
      const ln = (n: string): [Float32Array, Float32Array] => [get(ts, `${p}layers.${l}.${n}.weight`), get(ts, `${p}layers.${l}.${n}.bias`)];
      x = layerNormed(layerNormed(x, ...ln('self_attn_layer_norm')), ...ln('final_layer_norm'));
    }
    const out = matVec(get(ts, `${p}project_out.weight`), 16, x);
    const logits = lm.model.forward([7], lm.model.newCache())!;
    Array.from(logits).forEach((v, id) =>
      expect(v).toBeCloseTo(
        row(tok, id, 16).reduce((a, e, i) => a + e * out[i]!, 0),
        4,
      ),
    );
  });

  it('refuses a position beyond max_position_embeddings, naming it', async () => {
    const { config, plan } = opt(true, D);
    const lm = await loadModel(
      writeModelFolder(
        { ...config, max_position_embeddings: 4 },
        randomTensors(
          plan.map(([n, s]) => [n, n.endsWith('embed_positions.weight') ? [6, D] : s]),
          44,
        ),
      ),
    );
    expect(() => lm.model.forward([1, 2, 3, 4, 5], lm.model.newCache())).toThrow(/position 4 beyond the model's 4 positions/);
  });
});
