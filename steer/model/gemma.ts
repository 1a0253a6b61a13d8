// Gemma (v1): Llama's tensor names and grouped-query attention, but token
// embeddings scaled by sqrt(d_model), RMSNorm scaling by (1 + w), a GeGLU
// MLP with tanh GELU, head_dim given by the config (not d_model / heads),
// and the unembedding tied to the embedding.
import { standardConfig, type Architecture } from './architecture.ts';
import { loadLlamaLayout } from './llama.ts';
import { WeightReader } from './weights.ts';

export const gemma: Architecture = {
  modelTypes: ['gemma'],
  parse(c) {
    const d = c.num('hidden_size');
    const nHeads = c.num('num_attention_heads');
    const headDim = c.num('head_dim', 256);
    c.rejectRopeScaling();
    if (c.bool('use_bidirectional_attention', false)) c.fail('use_bidirectional_attention is not supported');
    // Older transformers read hidden_activation, newer hidden_act; both treat
    // the legacy value "gelu" of the official configs as the tanh approximation.
    const act = c.str('hidden_activation', c.str('hidden_act', 'gelu_pytorch_tanh'));
    const bias = c.bool('attention_bias', false);
    return {
      ...standardConfig(c, {
        nLayers: c.num('num_hidden_layers'),
        dModel: d,
        nHeads,
        nKvHeads: c.num('num_key_value_heads', nHeads),
        headDim,
        dFF: c.num('intermediate_size'),
        vocabSize: c.num('vocab_size'),
        maxPositions: c.num('max_position_embeddings', 8192),
        // HF multiplies by a float32 tensor holding sqrt(hidden_size).
        embedScale: Math.fround(Math.sqrt(d)),
      }),
      norm: 'rmsnorm',
      normEps: c.num('rms_norm_eps', 1e-6),
      act: act === 'gelu' ? 'gelu_tanh' : c.activation(act),
      gatedMlp: true,
      residual: 'sequential',
      positions: 'rotary',
      rotaryDim: headDim,
      ropeTheta: c.num('rope_theta', c.ropeParam('rope_theta', 10000)),
      qkvBias: bias,
      outBias: bias,
      mlpBias: false,
      tieEmbeddings: c.bool('tie_word_embeddings', true),
    };
  },
  load(cfg, store, alloc) {
    // Gemma's RMSNorm multiplies by (1 + w), computed in float32: folded into the weight once.
    return loadLlamaLayout(cfg, new WeightReader(store, alloc), (r, name) => {
      const n = r.norm(name, cfg.dModel, false);
      for (let i = 0; i < n.w.length; i++) n.w[i] = 1 + n.w[i]!;
      return n;
    });
  },
};
