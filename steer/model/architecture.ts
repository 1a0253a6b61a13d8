// The one description of a model the forward pass runs (ModelConfig), and
// what each architecture module provides to produce it: config.json keys ->
// ModelConfig, and checkpoint tensor names -> the uniform in-memory layout.
import type { TensorStore } from '../io/safetensors.ts';
import type { ConfigReader } from './config-reader.ts';
import type { Alloc, ModelWeights } from './weights.ts';

export type Activation = 'gelu' | 'gelu_tanh' | 'silu' | 'relu';

export interface ModelConfig {
  modelType: string;
  nLayers: number;
  dModel: number;
  nHeads: number;
  nKvHeads: number;
  headDim: number;
  dFF: number;
  vocabSize: number;
  maxPositions: number;
  /** Width of the token-embedding rows: d_model, except OPT models with project_in/project_out. */
  embedDim: number;
  /** Multiplies the token embeddings (Gemma: sqrt(d_model)); 1 elsewhere. */
  embedScale: number;
  norm: 'layernorm' | 'rmsnorm';
  normEps: number;
  act: Activation;
  /** act(gate(x)) * up(x) (SwiGLU, GeGLU) instead of act(up(x)). */
  gatedMlp: boolean;
  /**
   * 'sequential': x += attn(ln1(x)); x += mlp(ln2(x)).
   * 'parallel': x += attn(ln1(x)) + mlp(ln2(x)), where ln2 may be ln1 itself (Phi, Falcon-7B).
   * 'post-norm': x = ln1(x + attn(x)); x = ln2(x + mlp(x)) (OPT-350M).
   */
  residual: 'sequential' | 'parallel' | 'post-norm';
  /** 'rotary' on the first rotaryDim dims of each head, 'learned' absolute rows, or 'alibi' biases. */
  positions: 'rotary' | 'learned' | 'alibi';
  rotaryDim: number;
  ropeTheta: number;
  /** Row of the learned position table used for position 0 (OPT: 2). */
  positionOffset: number;
  /** Multiplies q·k before the softmax: 1/sqrt(head_dim) except GPT-Neo (1). */
  attnScale: number;
  /** Per block: attend to at most this many most recent positions (itself included), or null for all. */
  window: (number | null)[];
  /** OLMo: q, k and v are clamped to [-clipQkv, clipQkv]. */
  clipQkv: number | null;
  qkvBias: boolean;
  outBias: boolean;
  mlpBias: boolean;
  tieEmbeddings: boolean;
  eosTokenIds: number[];
}

/** The fields most architectures share, for an architecture module to spread and override. */
export function standardConfig(
  c: ConfigReader,
  shape: Pick<ModelConfig, 'nLayers' | 'dModel' | 'nHeads' | 'dFF' | 'vocabSize' | 'maxPositions'> & Partial<ModelConfig>,
): Omit<ModelConfig, 'norm' | 'normEps' | 'act' | 'gatedMlp' | 'residual' | 'positions' | 'qkvBias' | 'outBias' | 'mlpBias' | 'tieEmbeddings'> {
  const headDim = shape.headDim ?? c.quotient(shape.dModel, 'hidden size', shape.nHeads, 'attention heads');
  return {
    modelType: c.modelType,
    nKvHeads: shape.nHeads,
    headDim,
    embedDim: shape.dModel,
    embedScale: 1,
    rotaryDim: 0,
    ropeTheta: 0,
    positionOffset: 0,
    attnScale: 1 / Math.sqrt(headDim),
    window: Array<number | null>(shape.nLayers).fill(null),
    clipQkv: null,
    eosTokenIds: c.eosTokenIds(),
    ...shape,
  };
}

export interface Architecture {
  /** The config.json `model_type` values this module reads. */
  readonly modelTypes: readonly string[];
  parse(c: ConfigReader): ModelConfig;
  /** Reads every tensor, checking each shape against the config. */
  load(cfg: ModelConfig, store: TensorStore, alloc: Alloc): ModelWeights;
}
