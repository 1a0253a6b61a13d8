// Phi (phi-1, phi-1.5, phi-2 in the transformers layout): attention and MLP
// in parallel on ONE LayerNorm's output (x + attn(ln(x)) + mlp(ln(x))),
// partial rotary embedding, biases on every projection, a GELU MLP and an
// lm_head with a bias.
import { standardConfig, type Architecture } from './architecture.ts';
import { PLAIN, WeightReader, type LayerWeights } from './weights.ts';

export const phi: Architecture = {
  modelTypes: ['phi'],
  parse(c) {
    const d = c.num('hidden_size');
    const nHeads = c.num('num_attention_heads');
    const headDim = c.num('head_dim', c.quotient(d, 'hidden_size', nHeads, 'num_attention_heads'));
    c.rejectRopeScaling();
    if (c.bool('qk_layernorm', false)) c.fail('qk_layernorm is not supported');
    const factor = c.num('partial_rotary_factor', c.ropeParam('partial_rotary_factor', 0.5));
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
      }),
      norm: 'layernorm',
      normEps: c.num('layer_norm_eps', 1e-5),
      act: c.activation(c.str('hidden_act', 'gelu_new')),
      gatedMlp: false,
      residual: 'parallel',
      // HF truncates: rotary_ndims = int(head_dim * partial_rotary_factor).
      positions: 'rotary',
      rotaryDim: Math.floor(headDim * factor),
      ropeTheta: c.num('rope_theta', c.ropeParam('rope_theta', 10000)),
      qkvBias: true,
      outBias: true,
      mlpBias: true,
      tieEmbeddings: c.bool('tie_word_embeddings', false),
    };
  },
  load(cfg, store, alloc) {
    const { dModel: D, dFF: F, vocabSize: V, headDim: hd } = cfg;
    const q = cfg.nHeads * hd,
      kv = cfg.nKvHeads * hd;
    const r = new WeightReader(store, alloc);
    const layers = Array.from({ length: cfg.nLayers }, (_, i): LayerWeights => {
      const l = `model.layers.${i}`;
      const a = `${l}.self_attn`;
      return {
        ln1: r.norm(`${l}.input_layernorm`, D, true),
        ln2: null,
        qkv: r.stack([`${a}.q_proj`, `${a}.k_proj`, `${a}.v_proj`], [q, kv, kv], D, true),
        o: r.linear(`${a}.dense`, D, q, true),
        up: r.linear(`${l}.mlp.fc1`, F, D, true),
        down: r.linear(`${l}.mlp.fc2`, D, F, true),
      };
    });
    const embed = r.embedding('model.embed_tokens.weight', V, D);
    // The lm_head bias exists even when its weight is tied to the embedding.
    const unembed = cfg.tieEmbeddings ? { ...embed, b: r.tensor('lm_head.bias', [V]) } : r.linear('lm_head', V, D, true);
    return { ...PLAIN, embed, layers, finalNorm: r.norm('model.final_layernorm', D, true), unembed };
  },
};
