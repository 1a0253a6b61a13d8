// GPT-2: learned absolute positions, LayerNorm, tanh GELU, Conv1D weights
// stored [in, out], and the unembedding tied to the token embedding.
import { standardConfig, type Architecture } from './architecture.ts';
import { PLAIN, WeightReader, type LayerWeights } from './weights.ts';

export const gpt2: Architecture = {
  modelTypes: ['gpt2'],
  parse(c) {
    const d = c.num('n_embd');
    const nHeads = c.num('n_head');
    return {
      ...standardConfig(c, {
        nLayers: c.num('n_layer'),
        dModel: d,
        nHeads,
        dFF: c.num('n_inner', 4 * d),
        vocabSize: c.num('vocab_size'),
        maxPositions: c.num('n_positions', 1024),
      }),
      norm: 'layernorm',
      normEps: c.num('layer_norm_epsilon', 1e-5),
      act: c.activation(c.str('activation_function', 'gelu_new')),
      gatedMlp: false,
      residual: 'sequential',
      positions: 'learned',
      qkvBias: true,
      outBias: true,
      mlpBias: true,
      tieEmbeddings: true,
    };
  },
  load(cfg, store, alloc) {
    const { dModel: D, dFF: F, vocabSize: V } = cfg;
    const r = new WeightReader(store, alloc);
    const p = r.prefix('wte.weight', ['transformer.', '']);
    const layers = Array.from({ length: cfg.nLayers }, (_, i): LayerWeights => {
      const l = `${p}h.${i}`;
      return {
        ln1: r.norm(`${l}.ln_1`, D, true),
        ln2: r.norm(`${l}.ln_2`, D, true),
        qkv: r.conv1d(`${l}.attn.c_attn`, D, 3 * D),
        o: r.conv1d(`${l}.attn.c_proj`, D, D),
        up: r.conv1d(`${l}.mlp.c_fc`, D, F),
        down: r.conv1d(`${l}.mlp.c_proj`, F, D),
      };
    });
    const embed = r.embedding(`${p}wte.weight`, V, D);
    return {
      ...PLAIN,
      embed,
      posEmbed: r.tensor(`${p}wpe.weight`, [cfg.maxPositions, D]),
      layers,
      finalNorm: r.norm(`${p}ln_f`, D, true),
      unembed: embed,
    };
  },
};
