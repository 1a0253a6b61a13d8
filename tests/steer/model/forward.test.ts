import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../steer/model/config.ts';
import { Transformer } from '../../../steer/model/forward.ts';
import { createThreadedBackend } from '../../../steer/kernels/threads.ts';
import { createSerialBackend, serialBackend } from '../../../steer/kernels/backend.ts';
import { MemoryTensorStore, syntheticConfig, syntheticTensors } from '../../../steer/io/synthetic.ts';
import { loadWeights } from '../../../steer/model/architectures.ts';
import { groupedToBlocks } from '../../../steer/model/weights.ts';
import { GPT2, LLAMA, memoryModel, modelFromTensors, NEOX, NEOX_SEQUENTIAL, QWEN2 } from '../tiny-models.ts';

const t = (name: string, rows: number[][] | number[]): { name: string; shape: number[]; data: Float32Array } => {
  const flat = (rows as (number | number[])[]).flat();
  const shape = Array.isArray(rows[0]) ? [rows.length, (rows[0] as number[]).length] : [rows.length];
  return { name, shape, data: Float32Array.from(flat) };
};
const I4 = [
  [1, 0, 0, 0],
  [0, 1, 0, 0],
  [0, 0, 1, 0],
  [0, 0, 0, 1],
];

describe('forward pass against hand calculations', () => {
  // Reference values were computed separately in float64 with the textbook
  // formulas: LayerNorm, rotate-half RoPE on the first 2 of 4 head dims at
  // angle = position (inv_freq[0] = 1), causal softmax(q.k / 2), exact-erf GELU,
  // and the parallel residual x + attn(ln1(x)) + mlp(ln2(x)).
  it('gives a 1-layer d_model=4 GPT-NeoX model the logits worked out by hand', () => {
    const config = {
      model_type: 'gpt_neox',
      hidden_size: 4,
      num_hidden_layers: 1,
      num_attention_heads: 1,
      intermediate_size: 4,
      vocab_size: 3,
      rotary_pct: 0.5,
      rotary_emb_base: 10000,
      layer_norm_eps: 1e-5,
      hidden_act: 'gelu',
      use_parallel_residual: true,
      max_position_embeddings: 16,
    };
    const Wq = I4,
      Wk = [
        [0.5, 0, 0, 0],
        [0, 0.5, 0, 0],
        [0, 0, 1, 0],
        [1, 0, 0, 1],
      ],
      Wv = [
        [1, 0, 0, 0],
        [0, -1, 0, 0],
        [0, 0, 2, 0],
        [0, 0, 0, 1],
      ];
    const p = 'gpt_neox.layers.0.';
    const model = modelFromTensors(config, [
      t('gpt_neox.embed_in.weight', [
        [1, 2, 3, 4],
        [-1, 0.5, 0, 2],
        [0.5, -1, 1, 0],
      ]),
      t(`${p}input_layernorm.weight`, [1, 2, 1, 1]),
      t(`${p}input_layernorm.bias`, [0, 0, 0.5, 0]),
      t(`${p}post_attention_layernorm.weight`, [1, 1, 1, 1]),
      t(`${p}post_attention_layernorm.bias`, [0, 0, 0, 0]),
      t(`${p}attention.query_key_value.weight`, [...Wq, ...Wk, ...Wv]),
      t(`${p}attention.query_key_value.bias`, [0, 0, 0, 0, 0.1, 0, 0, 0, 0, 0, 0, 0.2]),
      t(`${p}attention.dense.weight`, I4),
      t(`${p}attention.dense.bias`, [0.1, -0.2, 0, 0.3]),
      t(`${p}mlp.dense_h_to_4h.weight`, I4),
      t(`${p}mlp.dense_h_to_4h.bias`, [0, 0, 0, 0]),
      t(
        `${p}mlp.dense_4h_to_h.weight`,
        I4.map((r) => r.map((x) => x / 2)),
      ),
      t(`${p}mlp.dense_4h_to_h.bias`, [0, 0, 0.25, 0]),
      t('gpt_neox.final_layer_norm.weight', [1, 1, 1, 2]),
      t('gpt_neox.final_layer_norm.bias', [0, 0, 0, 0.1]),
      t('embed_out.weight', [
        [1, 0, 0, 0],
        [0, 1, 0, 0],
        [0, 0, 1, 1],
      ]),
    ]);
    const logits = model.forward([0, 1], model.newCache(), { logits: 'all' })!;
    const expected = [-1.4653357295626268, -0.34359005570599926, 3.035452784080629, -1.3661662637775323, -0.16850566996942176, 3.083029169455955];
    expected.forEach((e, i) => expect(logits[i]).toBeCloseTo(e, 5));
  });

  // Reference: RMSNorm, two query heads of size 2 sharing one key/value head,
  // full rotate-half RoPE (theta 10000), softmax(q.k / sqrt 2), SwiGLU MLP.
  it('gives a 1-layer d_model=4 Llama model with grouped-query attention the logits worked out by hand', () => {
    const config = {
      model_type: 'llama',
      hidden_size: 4,
      num_hidden_layers: 1,
      num_attention_heads: 2,
      num_key_value_heads: 1,
      intermediate_size: 3,
      vocab_size: 3,
      rms_norm_eps: 1e-6,
      rope_theta: 10000,
      hidden_act: 'silu',
      tie_word_embeddings: false,
    };
    const p = 'model.layers.0.';
    const model = modelFromTensors(config, [
      t('model.embed_tokens.weight', [
        [1, -2, 0.5, 1],
        [0, 1, -1, 2],
        [2, 0, 1, -1],
      ]),
      t(`${p}input_layernorm.weight`, [1, 0.5, 1, 2]),
      t(`${p}post_attention_layernorm.weight`, [1, 1, 2, 1]),
      t(`${p}self_attn.q_proj.weight`, I4),
      t(`${p}self_attn.k_proj.weight`, [
        [0.5, 0, 1, 0],
        [0, 1, 0, -0.5],
      ]),
      t(`${p}self_attn.v_proj.weight`, [
        [1, 1, 0, 0],
        [0, 0, 1, -1],
      ]),
      t(`${p}self_attn.o_proj.weight`, [
        [1, 0, 0, 0.5],
        [0, 1, 0, 0],
        [0, 0, 1, 0],
        [0.5, 0, 0, 1],
      ]),
      t(`${p}mlp.gate_proj.weight`, [
        [1, 0, 0, 0],
        [0, 1, 1, 0],
        [0, 0, 0, 1],
      ]),
      t(`${p}mlp.up_proj.weight`, [
        [0.5, 0, 0, 0],
        [0, 1, 0, 0],
        [1, 0, 0, 1],
      ]),
      t(`${p}mlp.down_proj.weight`, [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
        [1, 1, 1],
      ]),
      t('model.norm.weight', [1, 1, 1, 0.5]),
      t('lm_head.weight', [
        [1, 0, 0, 0],
        [0, 0, 1, 0],
        [0.5, 0.5, 0.5, 0.5],
      ]),
    ]);
    const logits = model.forward([2, 0], model.newCache(), { logits: 'all' })!;
    const expected = [1.1654821732090443, 0.7392624142494106, 1.6633153793825972, 0.7916753182272727, 1.0823348531268653, 1.0697088207657512];
    expected.forEach((e, i) => expect(logits[i]).toBeCloseTo(e, 5));
  });

  // Reference: 4 query heads of size 2 over 2 key/value heads; query head h
  // reads key/value head floor(h / 2), as HF's repeat_kv arranges them.
  it('maps query heads onto key/value heads in contiguous groups as worked out by hand', () => {
    const config = {
      model_type: 'llama',
      hidden_size: 4,
      head_dim: 2,
      num_hidden_layers: 1,
      num_attention_heads: 4,
      num_key_value_heads: 2,
      intermediate_size: 1,
      vocab_size: 4,
      rms_norm_eps: 1e-6,
      rope_theta: 10000,
      hidden_act: 'silu',
    };
    const p = 'model.layers.0.';
    const model = modelFromTensors(config, [
      t('model.embed_tokens.weight', [
        [1, -2, 0.5, 1],
        [0, 1, -1, 2],
        [2, 0, 1, -1],
        [0, 0, 0, 1],
      ]),
      t(`${p}input_layernorm.weight`, [1, 1, 1, 1]),
      t(`${p}post_attention_layernorm.weight`, [1, 1, 1, 1]),
      t(`${p}self_attn.q_proj.weight`, [...I4, [-1, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 1], [1, 0, 0, 0]]),
      t(`${p}self_attn.k_proj.weight`, [
        [1, 0, 0, 0],
        [0, 1, 0, 0],
        [0, 0, 0, 1],
        [0, 0, 1, 0],
      ]),
      t(`${p}self_attn.v_proj.weight`, [
        [1, 0, 0, 0],
        [0, 2, 0, 0],
        [0, 0, -1, 0],
        [0, 0, 0, 3],
      ]),
      t(
        `${p}self_attn.o_proj.weight`,
        I4.map((r) => [...r, ...r]),
      ),
      t(`${p}mlp.gate_proj.weight`, [[0, 0, 0, 0]]),
      t(`${p}mlp.up_proj.weight`, [[0, 0, 0, 0]]),
      t(`${p}mlp.down_proj.weight`, [[0], [0], [0], [0]]),
      t('model.norm.weight', [1, 1, 1, 1]),
      t('lm_head.weight', I4),
    ]);
    const logits = model.forward([1, 2], model.newCache(), { logits: 'all' })!;
    const expected = [
      0.14309890135742184, 1.3200509148185202, -0.03216080260172357, 1.4953106187776657, 1.177615797369912, -0.7370551185490452, 0.6346980150597107,
      -1.2911732399002587,
    ];
    expected.forEach((e, i) => expect(logits[i]).toBeCloseTo(e, 5));
  });

  it('regroups GPT-NeoX per-head [q; k; v] rows into [all q; all k; all v]', () => {
    // 2 heads of size 1, one column: rows q0 k0 v0 q1 k1 v1.
    const out = groupedToBlocks(Float32Array.from([10, 20, 30, 11, 21, 31]), 2, 2, 1, 1, new Float32Array(6));
    expect(Array.from(out)).toEqual([10, 11, 20, 21, 30, 31]);
  });
});

describe('KV cache', () => {
  const ids = [5, 17, 3, 99, 42, 7, 250, 1];
  for (const [name, spec] of Object.entries({
    'GPT-NeoX': NEOX,
    'GPT-NeoX (sequential residual)': NEOX_SEQUENTIAL,
    Llama: LLAMA,
    Qwen2: QWEN2,
    'GPT-2': GPT2,
  })) {
    it(`gives ${name} the same next-token logits token by token as a full recompute`, () => {
      const m = memoryModel(spec);
      const full = m.forward(ids, m.newCache(), { logits: 'all' })!;
      const V = m.config.vocabSize;
      const cache = m.newCache(2); // small on purpose: exercises growth
      let maxDiff = 0;
      ids.forEach((id, i) => {
        const step = m.forward([id], cache)!;
        for (let v = 0; v < V; v++) maxDiff = Math.max(maxDiff, Math.abs(step[v]! - full[i * V + v]!));
      });
      expect(cache.length).toBe(ids.length);
      expect(maxDiff).toBeLessThan(1e-4);
      // The test can fail: a later position's logits really do depend on the earlier tokens.
      const alone = m.forward([ids.at(-1)!], m.newCache())!;
      expect(Math.max(...alone.map((x, v) => Math.abs(x - full[(ids.length - 1) * V + v]!)))).toBeGreaterThan(1e-3);
    });
  }
});

describe('matmul backends', () => {
  const spec = { ...NEOX, dModel: 64, dFF: 256, nHeads: 4 };
  const cfg = parseConfig(syntheticConfig(spec));
  const tensors = syntheticTensors(spec);
  const ids = [1, 2, 3, 4, 5];
  const run = (m: Transformer): number[][] => [Array.from(m.forward(ids, m.newCache(), { logits: 'all' })!), Array.from(m.forward([9], m.newCache())!)];

  it('gives bit-identical logits with two threads as with one, on the SIMD and on the plain JavaScript kernels', async () => {
    for (const simd of [true, false]) {
      const one = simd ? createSerialBackend() : serialBackend;
      // Threshold 0: every product is split, including odd row counts (vocab 291).
      const two = await createThreadedBackend(2, { minParallelMacs: 0, simd });
      try {
        const a = new Transformer(cfg, loadWeights(cfg, new MemoryTensorStore(tensors), one.weights), one);
        const b = new Transformer(cfg, loadWeights(cfg, new MemoryTensorStore(tensors), two.weights), two);
        expect(run(b)).toEqual(run(a));
      } finally {
        await two.close();
      }
    }
  });

  it("gives the SIMD kernels' logits within float32 rounding of the double-accumulating JavaScript kernels", () => {
    const simd = createSerialBackend();
    const a = run(new Transformer(cfg, loadWeights(cfg, new MemoryTensorStore(tensors), simd.weights), simd));
    const b = run(new Transformer(cfg, loadWeights(cfg, new MemoryTensorStore(tensors))));
    const diff = Math.max(...a.flat().map((x, i) => Math.abs(x - b.flat()[i]!)));
    expect(diff).toBeLessThan(1e-5);
    expect(diff).toBeGreaterThan(0); // really two different kernels
  });
});
