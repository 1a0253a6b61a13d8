// OPT: learned absolute positions whose table starts 2 rows in (position p
// reads row p + 2), pre-LayerNorm blocks or, with do_layer_norm_before
// false (OPT-350M), post-LayerNorm blocks and no final norm; ReLU MLP; and,
// when word_embed_proj_dim differs from hidden_size, project_in/project_out
// between the narrower embedding and the residual stream.
import { standardConfig, type Architecture } from './architecture.ts';
import { PLAIN, WeightReader, type LayerWeights, type Norm } from './weights.ts';

/** OPT's learned position table is offset by two rows, a relic of fairseq's padding positions. */
const OPT_POSITION_OFFSET = 2;

export const opt: Architecture = {
  modelTypes: ['opt'],
  parse(c) {
    const d = c.num('hidden_size');
    const preNorm = c.bool('do_layer_norm_before', true);
    const bias = c.bool('enable_bias', true);
    return {
      ...standardConfig(c, {
        nLayers: c.num('num_hidden_layers'),
        dModel: d,
        nHeads: c.num('num_attention_heads'),
        dFF: c.num('ffn_dim'),
        vocabSize: c.num('vocab_size'),
        maxPositions: c.num('max_position_embeddings', 2048),
        embedDim: c.num('word_embed_proj_dim', d),
        positionOffset: OPT_POSITION_OFFSET,
      }),
      norm: 'layernorm',
      normEps: 1e-5,
      act: c.activation(c.str('activation_function', 'relu')),
      gatedMlp: false,
      residual: preNorm ? 'sequential' : 'post-norm',
      positions: 'learned',
      qkvBias: bias,
      outBias: bias,
      mlpBias: bias,
      tieEmbeddings: c.bool('tie_word_embeddings', true),
    };
  },
  load(cfg, store, alloc) {
    const { dModel: D, dFF: F, vocabSize: V, embedDim: E } = cfg;
    const r = new WeightReader(store, alloc);
    const p = r.prefix('embed_tokens.weight', ['model.decoder.', 'decoder.']);
    // layer_norm_elementwise_affine false (no weight, no bias) shows as absent tensors.
    const norm = (name: string): Norm => (store.has(`${name}.weight`) ? r.norm(name, D, true) : { w: r.alloc.f32(D).fill(1), b: null });
    const layers = Array.from({ length: cfg.nLayers }, (_, i): LayerWeights => {
      const l = `${p}layers.${i}`;
      const a = `${l}.self_attn`;
      return {
        ln1: norm(`${l}.self_attn_layer_norm`),
        ln2: norm(`${l}.final_layer_norm`),
        qkv: r.stack([`${a}.q_proj`, `${a}.k_proj`, `${a}.v_proj`], [D, D, D], D, cfg.qkvBias),
        o: r.linear(`${a}.out_proj`, D, D, cfg.outBias),
        up: r.linear(`${l}.fc1`, F, D, cfg.mlpBias),
        down: r.linear(`${l}.fc2`, D, F, cfg.mlpBias),
      };
    });
    const embed = r.embedding(`${p}embed_tokens.weight`, V, E);
    const narrow = E !== D;
    return {
      ...PLAIN,
      embed,
      layers,
      posEmbed: r.tensor(`${p}embed_positions.weight`, [cfg.maxPositions + OPT_POSITION_OFFSET, D]),
      projectIn: narrow ? r.linear(`${p}project_in`, D, E, false) : null,
      projectOut: narrow ? r.linear(`${p}project_out`, E, D, false) : null,
      finalNorm: cfg.residual === 'post-norm' ? null : norm(`${p}final_layer_norm`),
      unembed: cfg.tieEmbeddings ? embed : r.linear('lm_head', V, E, false),
    };
  },
};
