// GPT-Neo: GPT-2's block with learned positions, but attention logits NOT
// scaled by 1/sqrt(head_dim), blocks alternating global attention with local
// attention over the last window_size positions (attention_types), q/k/v
// without biases, and nn.Linear (not Conv1D) weights.
import { standardConfig, type Architecture } from './architecture.ts';
import type { ConfigReader } from './config-reader.ts';
import { PLAIN, WeightReader, type LayerWeights } from './weights.ts';

/** [[["global", "local"], 12]] -> global, local, global, ... (24 blocks), as transformers expands it. */
function attentionLayers(c: ConfigReader, nLayers: number): string[] {
  const types = c.raw.attention_types ?? [[['global', 'local'], 12]];
  const ok = Array.isArray(types) && types.every((t) => Array.isArray(t) && Array.isArray(t[0]) && Number.isInteger(t[1]));
  if (!ok) c.fail(`"attention_types" must look like [[["global", "local"], 12]], found ${JSON.stringify(types)}`);
  const layers = (types as [string[], number][]).flatMap(([kinds, n]) => Array.from({ length: n }, () => kinds).flat());
  if (layers.length !== nLayers) c.fail(`"attention_types" expands to ${layers.length} blocks, num_layers is ${nLayers}`);
  const bad = layers.find((k) => k !== 'global' && k !== 'local');
  if (bad !== undefined) c.fail(`attention type "${bad}" is not supported (global or local)`);
  return layers;
}

export const gptNeo: Architecture = {
  modelTypes: ['gpt_neo'],
  parse(c) {
    const d = c.num('hidden_size');
    const nLayers = c.num('num_layers');
    const window = c.num('window_size', 256);
    return {
      ...standardConfig(c, {
        nLayers,
        dModel: d,
        nHeads: c.num('num_heads'),
        dFF: c.num('intermediate_size', 4 * d),
        vocabSize: c.num('vocab_size'),
        maxPositions: c.num('max_position_embeddings', 2048),
        attnScale: 1,
        window: attentionLayers(c, nLayers).map((k) => (k === 'local' ? window : null)),
      }),
      norm: 'layernorm',
      normEps: c.num('layer_norm_epsilon', 1e-5),
      act: c.activation(c.str('activation_function', 'gelu_new')),
      gatedMlp: false,
      residual: 'sequential',
      positions: 'learned',
      qkvBias: false,
      outBias: true,
      mlpBias: true,
      tieEmbeddings: c.bool('tie_word_embeddings', true),
    };
  },
  load(cfg, store, alloc) {
    const { dModel: D, dFF: F, vocabSize: V } = cfg;
    const r = new WeightReader(store, alloc);
    const p = r.prefix('wte.weight', ['transformer.', '']);
    const layers = Array.from({ length: cfg.nLayers }, (_, i): LayerWeights => {
      const l = `${p}h.${i}`;
      const a = `${l}.attn.attention`;
      return {
        ln1: r.norm(`${l}.ln_1`, D, true),
        ln2: r.norm(`${l}.ln_2`, D, true),
        qkv: r.stack([`${a}.q_proj`, `${a}.k_proj`, `${a}.v_proj`], [D, D, D], D, false),
        o: r.linear(`${a}.out_proj`, D, D, true),
        up: r.linear(`${l}.mlp.c_fc`, F, D, true),
        down: r.linear(`${l}.mlp.c_proj`, D, F, true),
      };
    });
    const embed = r.embedding(`${p}wte.weight`, V, D);
    return {
      ...PLAIN,
      embed,
      posEmbed: r.tensor(`${p}wpe.weight`, [cfg.maxPositions, D]),
      layers,
      finalNorm: r.norm(`${p}ln_f`, D, true),
      unembed: cfg.tieEmbeddings ? embed : r.linear('lm_head', V, D, false),
    };
  },
};
