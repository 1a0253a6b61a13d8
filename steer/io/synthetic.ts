// Seeded random-weight checkpoints in the real Hugging Face layouts (tensor
// names, shapes, config keys). No weights can be downloaded here, so tests and
// the benchmark build their models with this.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DType, TensorStore } from './safetensors.ts';
import { SafetensorsStreamWriter, shardFileName, type TensorToWrite } from './safetensors-write.ts';
import { tinyTokenizerJson, tinyTokenizerVocabSize } from './synthetic-tokenizer.ts';

export interface SyntheticSpec {
  modelType: 'gpt_neox' | 'llama' | 'qwen2' | 'gpt2';
  nLayers: number;
  dModel: number;
  nHeads: number;
  nKvHeads?: number;
  dFF: number;
  vocabSize?: number;
  seed?: number;
  /** Half-width of the uniform weight distribution. */
  scale?: number;
  rotaryPct?: number;
  parallelResidual?: boolean;
  maxPositions?: number;
}

/** mulberry32: fast enough to fill ~160M weights in about a second. */
export function uniformRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticConfig(s: SyntheticSpec): Record<string, unknown> {
  const V = s.vocabSize ?? tinyTokenizerVocabSize();
  const common = { model_type: s.modelType, vocab_size: V, eos_token_id: 0, bos_token_id: 0 };
  if (s.modelType === 'gpt2') {
    return {
      ...common,
      n_embd: s.dModel,
      n_layer: s.nLayers,
      n_head: s.nHeads,
      n_inner: s.dFF,
      n_positions: s.maxPositions ?? 128,
      activation_function: 'gelu_new',
      layer_norm_epsilon: 1e-5,
    };
  }
  const base = {
    ...common,
    hidden_size: s.dModel,
    num_hidden_layers: s.nLayers,
    num_attention_heads: s.nHeads,
    intermediate_size: s.dFF,
    max_position_embeddings: s.maxPositions ?? 2048,
  };
  if (s.modelType === 'gpt_neox') {
    return {
      ...base,
      rotary_pct: s.rotaryPct ?? 0.25,
      rotary_emb_base: 10000,
      layer_norm_eps: 1e-5,
      hidden_act: 'gelu',
      use_parallel_residual: s.parallelResidual ?? true,
      tie_word_embeddings: false,
    };
  }
  return {
    ...base,
    num_key_value_heads: s.nKvHeads ?? s.nHeads,
    rms_norm_eps: 1e-6,
    rope_theta: 10000,
    hidden_act: 'silu',
    tie_word_embeddings: false,
  };
}

/** [name, shape, kind] in the checkpoint's own naming and layout. */
function tensorPlan(s: SyntheticSpec): [string, number[], 'w' | 'norm' | 'bias'][] {
  const D = s.dModel,
    F = s.dFF,
    V = s.vocabSize ?? tinyTokenizerVocabSize();
  const hd = D / s.nHeads,
    kv = (s.nKvHeads ?? s.nHeads) * hd;
  const plan: [string, number[], 'w' | 'norm' | 'bias'][] = [];
  const lin = (n: string, out: number, inn: number, bias: boolean): void => {
    plan.push([`${n}.weight`, [out, inn], 'w']);
    if (bias) plan.push([`${n}.bias`, [out], 'bias']);
  };
  const norm = (n: string, bias: boolean): void => {
    plan.push([`${n}.weight`, [D], 'norm']);
    if (bias) plan.push([`${n}.bias`, [D], 'bias']);
  };
  if (s.modelType === 'gpt_neox') {
    plan.push(['gpt_neox.embed_in.weight', [V, D], 'w']);
    for (let i = 0; i < s.nLayers; i++) {
      const l = `gpt_neox.layers.${i}`;
      norm(`${l}.input_layernorm`, true);
      norm(`${l}.post_attention_layernorm`, true);
      lin(`${l}.attention.query_key_value`, 3 * D, D, true);
      lin(`${l}.attention.dense`, D, D, true);
      lin(`${l}.mlp.dense_h_to_4h`, F, D, true);
      lin(`${l}.mlp.dense_4h_to_h`, D, F, true);
    }
    norm('gpt_neox.final_layer_norm', true);
    plan.push(['embed_out.weight', [V, D], 'w']);
  } else if (s.modelType === 'gpt2') {
    plan.push(['transformer.wte.weight', [V, D], 'w'], ['transformer.wpe.weight', [s.maxPositions ?? 128, D], 'w']);
    for (let i = 0; i < s.nLayers; i++) {
      const l = `transformer.h.${i}`;
      // Conv1D layout: [in, out].
      norm(`${l}.ln_1`, true);
      norm(`${l}.ln_2`, true);
      lin(`${l}.attn.c_attn`, D, 3 * D, false);
      plan.push([`${l}.attn.c_attn.bias`, [3 * D], 'bias']);
      lin(`${l}.attn.c_proj`, D, D, false);
      plan.push([`${l}.attn.c_proj.bias`, [D], 'bias']);
      lin(`${l}.mlp.c_fc`, D, F, false);
      plan.push([`${l}.mlp.c_fc.bias`, [F], 'bias']);
      lin(`${l}.mlp.c_proj`, F, D, false);
      plan.push([`${l}.mlp.c_proj.bias`, [D], 'bias']);
    }
    norm('transformer.ln_f', true);
  } else {
    const qBias = s.modelType === 'qwen2';
    plan.push(['model.embed_tokens.weight', [V, D], 'w']);
    for (let i = 0; i < s.nLayers; i++) {
      const l = `model.layers.${i}`;
      norm(`${l}.input_layernorm`, false);
      norm(`${l}.post_attention_layernorm`, false);
      lin(`${l}.self_attn.q_proj`, D, D, qBias);
      lin(`${l}.self_attn.k_proj`, kv, D, qBias);
      lin(`${l}.self_attn.v_proj`, kv, D, qBias);
      lin(`${l}.self_attn.o_proj`, D, D, false);
      lin(`${l}.mlp.gate_proj`, F, D, false);
      lin(`${l}.mlp.up_proj`, F, D, false);
      lin(`${l}.mlp.down_proj`, D, F, false);
    }
    norm('model.norm', false);
    plan.push(['lm_head.weight', [V, D], 'w']);
  }
  return plan;
}

/** The values of one planned tensor: norms near 1, everything else uniform around 0. */
function fillTensor(kind: 'w' | 'norm' | 'bias', n: number, rnd: () => number, scale: number): Float32Array {
  const data = new Float32Array(n);
  const base = kind === 'norm' ? 1 : 0;
  const width = kind === 'w' ? scale : 0.1;
  for (let i = 0; i < n; i++) data[i] = base + (2 * rnd() - 1) * width;
  return data;
}

const count = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);

export function syntheticTensors(s: SyntheticSpec): TensorToWrite[] {
  const rnd = uniformRng(s.seed ?? 1);
  const scale = s.scale ?? 0.02 * Math.sqrt(3);
  return tensorPlan(s).map(([name, shape, kind]) => ({ name, shape, data: fillTensor(kind, count(shape), rnd, scale) }));
}

/** Parameters the spec's checkpoint stores. */
export function syntheticParamCount(s: SyntheticSpec): number {
  return tensorPlan(s).reduce((a, [, shape]) => a + count(shape), 0);
}

/**
 * Writes config.json, tokenizer.json and the weights (one file, or `shards`
 * files plus an index, tensors dealt round-robin as HF does). Tensors are
 * generated and written one at a time, so a model larger than memory can be
 * written (the benchmark's 1B-parameter model).
 */
export function writeSyntheticModel(dir: string, s: SyntheticSpec, o: { dtype?: DType; shards?: number } = {}): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), JSON.stringify(syntheticConfig(s), null, 2));
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(tinyTokenizerJson()));
  const plan = tensorPlan(s);
  const dtype = o.dtype ?? 'F32';
  const nShards = o.shards ?? 1;
  const files = nShards > 1 ? Array.from({ length: nShards }, (_, k) => shardFileName(k, nShards)) : ['model.safetensors'];
  const writers = files.map(
    (f, k) =>
      new SafetensorsStreamWriter(
        join(dir, f),
        plan.filter((_, i) => i % files.length === k).map(([name, shape]) => ({ name, shape, dtype })),
      ),
  );
  const rnd = uniformRng(s.seed ?? 1);
  const scale = s.scale ?? 0.02 * Math.sqrt(3);
  plan.forEach(([, shape, kind], i) => writers[i % files.length]!.write(fillTensor(kind, count(shape), rnd, scale)));
  writers.forEach((w) => w.close());
  if (nShards > 1) {
    const weightMap = Object.fromEntries(plan.map(([name], i) => [name, files[i % files.length]!]));
    writeFileSync(join(dir, 'model.safetensors.index.json'), JSON.stringify({ metadata: {}, weight_map: weightMap }, null, 2));
  }
}

/** Float32 tensors held in memory (their `dtype` is ignored), for benchmarks that should not touch the disk. */
export class MemoryTensorStore implements TensorStore {
  private readonly map: Map<string, TensorToWrite>;
  constructor(
    tensors: TensorToWrite[],
    readonly label = 'memory',
  ) {
    this.map = new Map(tensors.map((t) => [t.name, t]));
  }
  names(): string[] {
    return [...this.map.keys()];
  }
  has(name: string): boolean {
    return this.map.has(name);
  }
  private get(name: string, expectShape?: number[]): TensorToWrite {
    const t = this.map.get(name);
    if (!t) throw new Error(`${this.label}: tensor '${name}' not found`);
    if (expectShape && t.shape.join() !== expectShape.join()) {
      throw new Error(`${this.label}: tensor '${name}' has shape [${t.shape}], expected [${expectShape}]`);
    }
    return t;
  }
  shape(name: string): number[] {
    return this.get(name).shape;
  }
  dtype(name: string, expectShape?: number[]): DType {
    this.get(name, expectShape);
    return 'F32';
  }
  read(name: string, expectShape?: number[], alloc?: (n: number) => Float32Array): Float32Array {
    const t = this.get(name, expectShape);
    const out = alloc ? alloc(t.data.length) : new Float32Array(t.data.length);
    out.set(t.data);
    return out;
  }
  readRaw(name: string, expectShape: number[] | undefined, dest: Uint8Array): void {
    const t = this.get(name, expectShape);
    dest.set(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
  }
  close(): void {}
}
