// BLOOM: ALiBi position biases instead of position embeddings, a LayerNorm
// on the embeddings before the first block, a fused QKV projection stored
// per head as [q; k; v], tanh-GELU MLP, and the unembedding tied to the
// embedding.
import { standardConfig, type Architecture } from './architecture.ts';
import { PLAIN, WeightReader, type LayerWeights } from './weights.ts';

export const bloom: Architecture = {
  modelTypes: ['bloom'],
  parse(c) {
    const d = c.num(['hidden_size', 'n_embed']);
    if (c.bool('apply_residual_connection_post_layernorm', false)) c.fail('apply_residual_connection_post_layernorm is not supported');
    return {
      ...standardConfig(c, {
        nLayers: c.num(['n_layer', 'num_hidden_layers']),
        dModel: d,
        nHeads: c.num(['n_head', 'num_attention_heads']),
        dFF: 4 * d,
        // ALiBi has no trained length limit.
        vocabSize: c.num('vocab_size'),
        maxPositions: Number.MAX_SAFE_INTEGER,
      }),
      norm: 'layernorm',
      normEps: c.num('layer_norm_epsilon', 1e-5),
      act: 'gelu_tanh',
      gatedMlp: false,
      residual: 'sequential',
      positions: 'alibi',
      qkvBias: true,
      outBias: true,
      mlpBias: true,
      tieEmbeddings: true,
    };
  },
  load(cfg, store, alloc) {
    const { dModel: D, dFF: F, vocabSize: V, nHeads: H, headDim: hd } = cfg;
    const r = new WeightReader(store, alloc);
    const p = r.prefix('word_embeddings.weight', ['transformer.', '']);
    const layers = Array.from({ length: cfg.nLayers }, (_, i): LayerWeights => {
      const l = `${p}h.${i}`;
      return {
        ln1: r.norm(`${l}.input_layernorm`, D, true),
        ln2: r.norm(`${l}.post_attention_layernorm`, D, true),
        qkv: r.groupedQkv(`${l}.self_attention.query_key_value`, H, H, hd, D, true),
        o: r.linear(`${l}.self_attention.dense`, D, D, true),
        up: r.linear(`${l}.mlp.dense_h_to_4h`, F, D, true),
        down: r.linear(`${l}.mlp.dense_4h_to_h`, D, F, true),
      };
    });
    const embed = r.embedding(`${p}word_embeddings.weight`, V, D);
    return {
      ...PLAIN,
      embed,
      layers,
      embedNorm: r.norm(`${p}word_embeddings_layernorm`, D, true),
      finalNorm: r.norm(`${p}ln_f`, D, true),
      unembed: embed,
    };
  },
};
