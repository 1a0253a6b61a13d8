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
  norm: 'layernorm' | 'rmsnorm';
  normEps: number;
  act: Activation;
  /** SwiGLU-style act(gate(x)) * up(x) instead of act(up(x)). */
  gatedMlp: boolean;
  /** GPT-NeoX: x + attn(ln1(x)) + mlp(ln2(x)) instead of two sequential residual adds. */
  parallelResidual: boolean;
  /** Leading dims of each head that get rotary embedding; 0 = learned absolute positions. */
  rotaryDim: number;
  ropeTheta: number;
  qkvBias: boolean;
  outBias: boolean;
  mlpBias: boolean;
  tieEmbeddings: boolean;
  slidingWindow: number | null;
  eosTokenIds: number[];
}

export interface Architecture {
  /** The config.json `model_type` values this module reads. */
  readonly modelTypes: readonly string[];
  parse(c: ConfigReader): ModelConfig;
  /** Reads every tensor, checking each shape against the config. */
  load(cfg: ModelConfig, store: TensorStore, alloc: Alloc): ModelWeights;
}
