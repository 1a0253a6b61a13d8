// Checkpoint tensor names and layouts per family -> one uniform in-memory
// layout. Every matrix ends up [out, in] row-major (the nn.Linear layout), so
// a matrix-vector product walks each row contiguously. Q, K and V are fused
// into one [q; k; v] matrix and gate/up into one [gate; up] matrix so that a
// token costs one pass per fused matrix instead of three or two.
import type { ModelConfig } from './config.ts';
import { SafetensorsError, type TensorStore } from '../io/safetensors.ts';

export interface Linear {
  w: Float32Array;
  b: Float32Array | null;
  inDim: number;
  outDim: number;
}
export interface Norm {
  w: Float32Array;
  b: Float32Array | null;
}
export interface LayerWeights {
  ln1: Norm;
  ln2: Norm;
  qkv: Linear;
  o: Linear;
  /** [gate; up] rows when the MLP is gated, else the plain up-projection. */
  up: Linear;
  down: Linear;
}
export interface ModelWeights {
  embed: Float32Array;
  posEmbed: Float32Array | null;
  layers: LayerWeights[];
  finalNorm: Norm;
  unembed: Linear;
}

export type Alloc = (n: number) => Float32Array;

export function loadWeights(cfg: ModelConfig, store: TensorStore, alloc: Alloc = (n) => new Float32Array(n)): ModelWeights {
  if (cfg.family === 'gpt_neox') return loadNeox(cfg, store, alloc);
  if (cfg.family === 'llama') return loadLlama(cfg, store, alloc);
  return loadGpt2(cfg, store, alloc);
}

/** Finds which of the usual prefixes (e.g. "gpt_neox." vs none for a bare base model) the checkpoint uses. */
function prefixFor(store: TensorStore, probe: string, candidates: string[]): string {
  for (const p of candidates) if (store.has(p + probe)) return p;
  throw new SafetensorsError(`${store.label}: tensor '${candidates[0]}${probe}' not found`);
}

function loadNeox(cfg: ModelConfig, s: TensorStore, alloc: Alloc): ModelWeights {
  const { dModel: D, dFF: F, vocabSize: V, headDim: hd, nHeads: H } = cfg;
  const p = prefixFor(s, 'embed_in.weight', ['gpt_neox.', '']);
  const norm = (name: string): Norm => ({ w: s.read(`${name}.weight`, [D], alloc), b: s.read(`${name}.bias`, [D], alloc) });
  const lin = (name: string, out: number, inn: number, bias: boolean): Linear => ({
    w: s.read(`${name}.weight`, [out, inn], alloc), b: bias ? s.read(`${name}.bias`, [out], alloc) : null, inDim: inn, outDim: out,
  });
  const layers = Array.from({ length: cfg.nLayers }, (_, i): LayerWeights => {
    const l = `${p}layers.${i}`;
    const qkvName = `${l}.attention.query_key_value`;
    const w = s.read(`${qkvName}.weight`, [3 * D, D]);
    const b = cfg.qkvBias ? s.read(`${qkvName}.bias`, [3 * D]) : null;
    return {
      ln1: norm(`${l}.input_layernorm`), ln2: norm(`${l}.post_attention_layernorm`),
      qkv: { w: neoxQkvToBlocks(w, H, hd, D, alloc), b: b && neoxQkvToBlocks(b, H, hd, 1, alloc), inDim: D, outDim: 3 * D },
      o: lin(`${l}.attention.dense`, D, D, cfg.outBias),
      up: lin(`${l}.mlp.dense_h_to_4h`, F, D, cfg.mlpBias), down: lin(`${l}.mlp.dense_4h_to_h`, D, F, cfg.mlpBias),
    };
  });
  const embed = s.read(`${p}embed_in.weight`, [V, D], alloc);
  const unembedW = cfg.tieEmbeddings ? embed : s.read('embed_out.weight', [V, D], alloc);
  return { embed, posEmbed: null, layers, finalNorm: norm(`${p}final_layer_norm`), unembed: { w: unembedW, b: null, inDim: D, outDim: V } };
}

/** GPT-NeoX stores rows per head as [q_h; k_h; v_h]; regroup them into [all q; all k; all v]. */
export function neoxQkvToBlocks(src: Float32Array, H: number, hd: number, cols: number, alloc: Alloc): Float32Array {
  const out = alloc(src.length);
  for (let h = 0; h < H; h++) {
    for (let j = 0; j < 3; j++) {
      const from = (h * 3 + j) * hd * cols;
      const to = (j * H + h) * hd * cols;
      out.set(src.subarray(from, from + hd * cols), to);
    }
  }
  return out;
}

function loadLlama(cfg: ModelConfig, s: TensorStore, alloc: Alloc): ModelWeights {
  const { dModel: D, dFF: F, vocabSize: V, headDim: hd } = cfg;
  const q = cfg.nHeads * hd;
  const kv = cfg.nKvHeads * hd;
  const p = prefixFor(s, 'embed_tokens.weight', ['model.', '']);
  const norm = (name: string): Norm => ({ w: s.read(`${name}.weight`, [D], alloc), b: null });
  const stack = (names: string[], rows: number[], inn: number, bias: boolean): Linear => {
    const outDim = rows.reduce((a, b) => a + b, 0);
    const w = alloc(outDim * inn);
    const b = bias ? alloc(outDim) : null;
    let r = 0;
    names.forEach((n, k) => {
      w.set(s.read(`${n}.weight`, [rows[k]!, inn]), r * inn);
      if (b) b.set(s.read(`${n}.bias`, [rows[k]!]), r);
      r += rows[k]!;
    });
    return { w, b, inDim: inn, outDim };
  };
  const layers = Array.from({ length: cfg.nLayers }, (_, i): LayerWeights => {
    const l = `${p}layers.${i}`;
    const a = `${l}.self_attn`;
    return {
      ln1: norm(`${l}.input_layernorm`), ln2: norm(`${l}.post_attention_layernorm`),
      qkv: stack([`${a}.q_proj`, `${a}.k_proj`, `${a}.v_proj`], [q, kv, kv], D, cfg.qkvBias),
      o: stack([`${a}.o_proj`], [D], q, cfg.outBias),
      up: stack([`${l}.mlp.gate_proj`, `${l}.mlp.up_proj`], [F, F], D, cfg.mlpBias),
      down: stack([`${l}.mlp.down_proj`], [D], F, cfg.mlpBias),
    };
  });
  const embed = s.read(`${p}embed_tokens.weight`, [V, D], alloc);
  const unembedW = cfg.tieEmbeddings ? embed : s.read('lm_head.weight', [V, D], alloc);
  return { embed, posEmbed: null, layers, finalNorm: norm(`${p}norm`), unembed: { w: unembedW, b: null, inDim: D, outDim: V } };
}

function loadGpt2(cfg: ModelConfig, s: TensorStore, alloc: Alloc): ModelWeights {
  const { dModel: D, dFF: F, vocabSize: V } = cfg;
  const p = prefixFor(s, 'wte.weight', ['transformer.', '']);
  const norm = (name: string): Norm => ({ w: s.read(`${name}.weight`, [D], alloc), b: s.read(`${name}.bias`, [D], alloc) });
  // GPT-2's Conv1D stores weights [in, out]; transpose once at load time.
  const conv = (name: string, inn: number, out: number): Linear => {
    const src = s.read(`${name}.weight`, [inn, out]);
    const w = alloc(inn * out);
    for (let i = 0; i < inn; i++) for (let o = 0; o < out; o++) w[o * inn + i] = src[i * out + o]!;
    return { w, b: s.read(`${name}.bias`, [out], alloc), inDim: inn, outDim: out };
  };
  const layers = Array.from({ length: cfg.nLayers }, (_, i): LayerWeights => {
    const l = `${p}h.${i}`;
    return {
      ln1: norm(`${l}.ln_1`), ln2: norm(`${l}.ln_2`), qkv: conv(`${l}.attn.c_attn`, D, 3 * D),
      o: conv(`${l}.attn.c_proj`, D, D), up: conv(`${l}.mlp.c_fc`, D, F), down: conv(`${l}.mlp.c_proj`, F, D),
    };
  });
  const embed = s.read(`${p}wte.weight`, [V, D], alloc);
  return {
    embed, posEmbed: s.read(`${p}wpe.weight`, [cfg.maxPositions, D], alloc), layers,
    finalNorm: norm(`${p}ln_f`), unembed: { w: embed, b: null, inDim: D, outDim: V },
  };
}
