// Llama and its close relatives Mistral (sliding-window attention) and Qwen2
// (q/k/v biases): RMSNorm, SwiGLU, full rotary embedding, grouped-query attention.
import { standardConfig, type Architecture, type ModelConfig } from './architecture.ts';
import { PLAIN, WeightReader, type LayerWeights, type ModelWeights, type Norm } from './weights.ts';

export const llama: Architecture = {
  modelTypes: ['llama', 'mistral', 'qwen2'],
  parse(c) {
    const type = c.modelType;
    const d = c.num('hidden_size');
    const nHeads = c.num('num_attention_heads');
    const headDim = c.num('head_dim', d / nHeads);
    c.rejectRopeScaling();
    const attnBias = c.bool('attention_bias', false);
    const useWindow = type === 'mistral' || (type === 'qwen2' && c.bool('use_sliding_window', false));
    const window = c.raw.sliding_window;
    const nLayers = c.num('num_hidden_layers');
    return {
      ...standardConfig(c, {
        nLayers,
        dModel: d,
        nHeads,
        nKvHeads: c.num('num_key_value_heads', nHeads),
        headDim,
        dFF: c.num('intermediate_size'),
        vocabSize: c.num('vocab_size'),
        maxPositions: c.num('max_position_embeddings', 4096),
        window: Array<number | null>(nLayers).fill(useWindow && typeof window === 'number' ? window : null),
      }),
      norm: 'rmsnorm',
      normEps: c.num('rms_norm_eps', 1e-6),
      act: c.activation(c.str('hidden_act', 'silu')),
      gatedMlp: true,
      residual: 'sequential',
      positions: 'rotary',
      rotaryDim: headDim,
      ropeTheta: c.num('rope_theta', c.ropeParam('rope_theta', 10000)),
      // Qwen2 always has q/k/v biases and never an o_proj bias.
      qkvBias: type === 'qwen2' || attnBias,
      outBias: type !== 'qwen2' && attnBias,
      mlpBias: c.bool('mlp_bias', false),
      tieEmbeddings: c.bool('tie_word_embeddings', false),
    };
  },
  load: (cfg, store, alloc) => loadLlamaLayout(cfg, new WeightReader(store, alloc), (r, name) => r.norm(name, cfg.dModel, false)),
};

/**
 * The Llama tensor names (model.layers.N.self_attn.q_proj, mlp.gate_proj,
 * input_layernorm, ...), shared by the architectures that kept them and
 * differ only in how a norm is stored (`norm` reads one by name).
 */
export function loadLlamaLayout(cfg: ModelConfig, r: WeightReader, norm: (r: WeightReader, name: string) => Norm): ModelWeights {
  const { dModel: D, dFF: F, vocabSize: V, headDim: hd } = cfg;
  const q = cfg.nHeads * hd;
  const kv = cfg.nKvHeads * hd;
  const p = r.prefix('embed_tokens.weight', ['model.', '']);
  const layers = Array.from({ length: cfg.nLayers }, (_, i): LayerWeights => {
    const l = `${p}layers.${i}`;
    const a = `${l}.self_attn`;
    return {
      ln1: norm(r, `${l}.input_layernorm`),
      ln2: norm(r, `${l}.post_attention_layernorm`),
      qkv: r.stack([`${a}.q_proj`, `${a}.k_proj`, `${a}.v_proj`], [q, kv, kv], D, cfg.qkvBias),
      o: r.linear(`${a}.o_proj`, D, q, cfg.outBias),
      up: r.stack([`${l}.mlp.gate_proj`, `${l}.mlp.up_proj`], [F, F], D, cfg.mlpBias),
      down: r.linear(`${l}.mlp.down_proj`, D, F, cfg.mlpBias),
    };
  });
  const embed = r.embedding(`${p}embed_tokens.weight`, V, D);
  const unembed = cfg.tieEmbeddings ? embed : r.linear('lm_head', V, D, false);
  return { ...PLAIN, embed, layers, finalNorm: norm(r, `${p}norm`), unembed };
}
