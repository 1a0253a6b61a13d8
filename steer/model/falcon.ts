// Falcon: rotary embedding, attention and MLP in parallel (one shared
// LayerNorm in Falcon-7B; ln_attn and ln_mlp in the "new decoder
// architecture" of Falcon-40B/180B), multi-query or grouped key/value heads
// in one fused QKV projection stored per key/value group, GELU MLP.
import { standardConfig, type Architecture, type ModelConfig } from './architecture.ts';
import type { ConfigReader } from './config-reader.ts';
import { PLAIN, WeightReader, type LayerWeights } from './weights.ts';

/** Which LayerNorms a block has: one shared, one per branch, or pre-attention and pre-MLP in sequence. */
type Norms = 'shared' | 'per-branch' | 'sequential';

function norms(c: ConfigReader): Norms {
  if (c.bool('new_decoder_architecture', false)) return c.num('num_ln_in_parallel_attn', 2) === 1 ? 'shared' : 'per-branch';
  return c.bool('parallel_attn', true) ? 'shared' : 'sequential';
}

export const falcon: Architecture = {
  modelTypes: ['falcon'],
  parse(c) {
    const d = c.num(['hidden_size', 'n_embed']);
    const nHeads = c.num(['num_attention_heads', 'n_head']);
    if (c.bool('alibi', false)) c.fail('alibi is not supported (only rotary Falcon models)');
    c.rejectRopeScaling();
    const newArch = c.bool('new_decoder_architecture', false);
    const nKvHeads = newArch ? c.num(['num_kv_heads', 'n_head_kv'], nHeads) : c.bool('multi_query', true) ? 1 : nHeads;
    const bias = c.bool('bias', false);
    const headDim = c.quotient(d, 'hidden_size', nHeads, 'num_attention_heads');
    return {
      ...standardConfig(c, {
        nLayers: c.num(['num_hidden_layers', 'n_layer']),
        dModel: d,
        nHeads,
        nKvHeads,
        headDim,
        dFF: c.num('ffn_hidden_size', 4 * d),
        vocabSize: c.num('vocab_size'),
        maxPositions: c.num('max_position_embeddings', 2048),
      }),
      norm: 'layernorm',
      normEps: c.num('layer_norm_epsilon', 1e-5),
      act: c.activation(c.str('activation', 'gelu')),
      gatedMlp: false,
      residual: norms(c) === 'sequential' ? 'sequential' : 'parallel',
      positions: 'rotary',
      rotaryDim: headDim,
      ropeTheta: c.num('rope_theta', c.ropeParam('rope_theta', 10000)),
      qkvBias: bias,
      outBias: bias,
      mlpBias: bias,
      tieEmbeddings: c.bool('tie_word_embeddings', true),
    };
  },
  load(cfg: ModelConfig, store, alloc) {
    const { dModel: D, dFF: F, vocabSize: V, nHeads: H, nKvHeads: KH, headDim: hd } = cfg;
    const r = new WeightReader(store, alloc);
    const p = r.prefix('word_embeddings.weight', ['transformer.', '']);
    const layers = Array.from({ length: cfg.nLayers }, (_, i): LayerWeights => {
      const l = `${p}h.${i}`;
      // The checkpoint says which norms exist: ln_attn/ln_mlp, or input_layernorm (+ post_attention_layernorm when sequential).
      const perBranch = store.has(`${l}.ln_attn.weight`);
      return {
        ln1: r.norm(perBranch ? `${l}.ln_attn` : `${l}.input_layernorm`, D, true),
        ln2: perBranch ? r.norm(`${l}.ln_mlp`, D, true) : cfg.residual === 'sequential' ? r.norm(`${l}.post_attention_layernorm`, D, true) : null,
        qkv: r.groupedQkv(`${l}.self_attention.query_key_value`, H, KH, hd, D, cfg.qkvBias),
        o: r.linear(`${l}.self_attention.dense`, D, D, cfg.outBias),
        up: r.linear(`${l}.mlp.dense_h_to_4h`, F, D, cfg.mlpBias),
        down: r.linear(`${l}.mlp.dense_4h_to_h`, D, F, cfg.mlpBias),
      };
    });
    const embed = r.embedding(`${p}word_embeddings.weight`, V, D);
    const unembed = cfg.tieEmbeddings ? embed : r.linear('lm_head', V, D, false);
    return { ...PLAIN, embed, layers, finalNorm: r.norm(`${p}ln_f`, D, true), unembed };
  },
};
