// OLMo (v1, the transformers "olmo" layout): Llama's tensor names, SwiGLU,
// rotary embedding and grouped-query attention, but LayerNorm with no weight
// and no bias (eps fixed at 1e-5, so the checkpoint stores no norm tensors),
// and optional clipping of q, k and v to [-clip_qkv, clip_qkv].
import { standardConfig, type Architecture } from './architecture.ts';
import { loadLlamaLayout } from './llama.ts';
import { WeightReader } from './weights.ts';

export const olmo: Architecture = {
  modelTypes: ['olmo'],
  parse(c) {
    const d = c.num('hidden_size');
    const nHeads = c.num('num_attention_heads');
    c.rejectRopeScaling();
    const clip = c.raw.clip_qkv;
    if (clip !== undefined && clip !== null && typeof clip !== 'number') c.fail(`"clip_qkv" must be a number or null, found ${JSON.stringify(clip)}`);
    const bias = c.bool('attention_bias', false);
    const headDim = c.quotient(d, 'hidden_size', nHeads, 'num_attention_heads');
    return {
      ...standardConfig(c, {
        nLayers: c.num('num_hidden_layers'),
        dModel: d,
        nHeads,
        nKvHeads: c.num('num_key_value_heads', nHeads),
        headDim,
        dFF: c.num('intermediate_size'),
        vocabSize: c.num('vocab_size'),
        maxPositions: c.num('max_position_embeddings', 2048),
        clipQkv: typeof clip === 'number' ? clip : null,
      }),
      norm: 'layernorm',
      normEps: 1e-5,
      act: c.activation(c.str('hidden_act', 'silu')),
      gatedMlp: true,
      residual: 'sequential',
      positions: 'rotary',
      rotaryDim: headDim,
      ropeTheta: c.num('rope_theta', c.ropeParam('rope_theta', 10000)),
      qkvBias: bias,
      outBias: bias,
      mlpBias: false,
      tieEmbeddings: c.bool('tie_word_embeddings', false),
    };
  },
  load(cfg, store, alloc) {
    const ones = new Float32Array(cfg.dModel).fill(1);
    return loadLlamaLayout(cfg, new WeightReader(store, alloc), () => ({ w: ones, b: null }));
  },
};
