// GPT-NeoX (Pythia): LayerNorm, GELU, partial rotary embedding, the parallel
// residual x + attn(ln1(x)) + mlp(ln2(x)) by default, and a fused QKV
// projection stored per head.
import { standardConfig, type Architecture } from './architecture.ts';
import { PLAIN, WeightReader, type LayerWeights } from './weights.ts';

export const gptNeox: Architecture = {
  modelTypes: ['gpt_neox'],
  parse(c) {
    const d = c.num('hidden_size');
    const nHeads = c.num('num_attention_heads');
    const headDim = c.quotient(d, 'hidden_size', nHeads, 'num_attention_heads');
    c.rejectRopeScaling();
    const pct = c.num(['rotary_pct', 'partial_rotary_factor'], c.ropeParam('partial_rotary_factor', 0.25));
    const bias = c.bool('attention_bias', true);
    return {
      ...standardConfig(c, {
        nLayers: c.num('num_hidden_layers'),
        dModel: d,
        nHeads,
        dFF: c.num('intermediate_size', 4 * d),
        vocabSize: c.num('vocab_size'),
        maxPositions: c.num('max_position_embeddings', 2048),
      }),
      norm: 'layernorm',
      normEps: c.num('layer_norm_eps', 1e-5),
      act: c.activation(c.str('hidden_act', 'gelu')),
      gatedMlp: false,
      residual: c.bool('use_parallel_residual', true) ? 'parallel' : 'sequential',
      // HF truncates: rotary_ndims = int(head_size * rotary_pct).
      positions: 'rotary',
      rotaryDim: Math.floor(headDim * pct),
      ropeTheta: c.num(['rotary_emb_base', 'rope_theta'], c.ropeParam('rope_theta', 10000)),
      qkvBias: bias,
      outBias: bias,
      mlpBias: true,
      tieEmbeddings: c.bool('tie_word_embeddings', false),
    };
  },
  load(cfg, store, alloc) {
    const { dModel: D, dFF: F, vocabSize: V, headDim: hd, nHeads: H } = cfg;
    const r = new WeightReader(store, alloc);
    const p = r.prefix('embed_in.weight', ['gpt_neox.', '']);
    const layers = Array.from({ length: cfg.nLayers }, (_, i): LayerWeights => {
      const l = `${p}layers.${i}`;
      return {
        ln1: r.norm(`${l}.input_layernorm`, D, true),
        ln2: r.norm(`${l}.post_attention_layernorm`, D, true),
        qkv: r.groupedQkv(`${l}.attention.query_key_value`, H, H, hd, D, cfg.qkvBias),
        o: r.linear(`${l}.attention.dense`, D, D, cfg.outBias),
        up: r.linear(`${l}.mlp.dense_h_to_4h`, F, D, cfg.mlpBias),
        down: r.linear(`${l}.mlp.dense_4h_to_h`, D, F, cfg.mlpBias),
      };
    });
    const embed = r.embedding(`${p}embed_in.weight`, V, D);
    const unembed = cfg.tieEmbeddings ? embed : r.linear('embed_out', V, D, false);
    return { ...PLAIN, embed, layers, finalNorm: r.norm(`${p}final_layer_norm`, D, true), unembed };
  },
};
