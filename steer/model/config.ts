// Hugging Face config.json -> one architecture description the forward pass
// understands. Every family-specific default lives here, so forward.ts has no
// `if (model_type === ...)`.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SteerInputError } from '../errors.ts';

export type Family = 'gpt_neox' | 'llama' | 'gpt2';
export type Activation = 'gelu' | 'gelu_tanh' | 'silu' | 'relu';

export interface ModelConfig {
  modelType: string;
  family: Family;
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

export class ConfigError extends SteerInputError {}

export const SUPPORTED_MODEL_TYPES = ['gpt_neox', 'llama', 'mistral', 'qwen2', 'gpt2'] as const;

export interface LoadedConfig {
  config: ModelConfig;
  /** sha256 of the config.json bytes: the model identity recorded in vector files. */
  sha256: string;
}

export function loadConfig(dir: string): LoadedConfig {
  const path = join(dir, 'config.json');
  if (!existsSync(path)) throw new ConfigError(`${path}: file not found`);
  const bytes = readFileSync(path);
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new ConfigError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  return { config: parseConfig(raw, path), sha256: createHash('sha256').update(bytes).digest('hex') };
}

export function parseConfig(raw: Record<string, unknown>, where = 'config.json'): ModelConfig {
  const get = (key: string): unknown => raw[key];
  const num = (key: string, fallback?: number): number => {
    const v = get(key);
    if (typeof v === 'number') return v;
    if (fallback !== undefined) return fallback;
    throw new ConfigError(`${where}: "${key}" missing or not a number (model_type ${String(raw.model_type)})`);
  };
  const bool = (key: string, fallback: boolean): boolean => (typeof get(key) === 'boolean' ? (get(key) as boolean) : fallback);
  const modelType = String(raw.model_type ?? '');
  const eosRaw = get('eos_token_id');
  const eosTokenIds = Array.isArray(eosRaw) ? (eosRaw as number[]) : typeof eosRaw === 'number' ? [eosRaw] : [];
  // Newer transformers versions nest RoPE settings under rope_parameters.
  const ropeParams = (get('rope_parameters') ?? {}) as Record<string, unknown>;
  const ropeParam = (key: string, fallback: number): number => (typeof ropeParams[key] === 'number' ? (ropeParams[key] as number) : fallback);
  const ropeScaling = get('rope_scaling') as { type?: string; rope_type?: string } | null | undefined;
  const scalingType = ropeScaling?.rope_type ?? ropeScaling?.type ?? (ropeParams.rope_type as string | undefined);
  if (scalingType && scalingType !== 'default') {
    throw new ConfigError(`${where}: rope_scaling type "${scalingType}" is not supported (model_type ${modelType})`);
  }

  if (modelType === 'gpt_neox') {
    const d = num('hidden_size');
    const nHeads = num('num_attention_heads');
    const headDim = d / nHeads;
    if (!Number.isInteger(headDim)) throw new ConfigError(`${where}: hidden_size ${d} is not a multiple of num_attention_heads ${nHeads}`);
    const pct = num('rotary_pct', num('partial_rotary_factor', ropeParam('partial_rotary_factor', 0.25)));
    const bias = bool('attention_bias', true);
    return {
      modelType, family: 'gpt_neox', nLayers: num('num_hidden_layers'), dModel: d, nHeads, nKvHeads: nHeads, headDim,
      dFF: num('intermediate_size', 4 * d), vocabSize: num('vocab_size'), maxPositions: num('max_position_embeddings', 2048),
      norm: 'layernorm', normEps: num('layer_norm_eps', 1e-5), act: activation(String(get('hidden_act') ?? 'gelu'), where),
      gatedMlp: false, parallelResidual: bool('use_parallel_residual', true),
      // HF truncates: rotary_ndims = int(head_size * rotary_pct).
      rotaryDim: Math.floor(headDim * pct),
      ropeTheta: num('rotary_emb_base', num('rope_theta', ropeParam('rope_theta', 10000))),
      qkvBias: bias, outBias: bias, mlpBias: true, tieEmbeddings: bool('tie_word_embeddings', false),
      slidingWindow: null, eosTokenIds,
    };
  }
  if (modelType === 'llama' || modelType === 'mistral' || modelType === 'qwen2') {
    const d = num('hidden_size');
    const nHeads = num('num_attention_heads');
    const headDim = num('head_dim', d / nHeads);
    const attnBias = bool('attention_bias', false);
    const useWindow = modelType === 'mistral' || (modelType === 'qwen2' && bool('use_sliding_window', false));
    const window = get('sliding_window');
    return {
      modelType, family: 'llama', nLayers: num('num_hidden_layers'), dModel: d, nHeads,
      nKvHeads: num('num_key_value_heads', nHeads), headDim, dFF: num('intermediate_size'), vocabSize: num('vocab_size'),
      maxPositions: num('max_position_embeddings', 4096), norm: 'rmsnorm', normEps: num('rms_norm_eps', 1e-6),
      act: activation(String(get('hidden_act') ?? 'silu'), where), gatedMlp: true, parallelResidual: false,
      rotaryDim: headDim, ropeTheta: num('rope_theta', ropeParam('rope_theta', 10000)),
      // Qwen2 always has q/k/v biases and never an o_proj bias.
      qkvBias: modelType === 'qwen2' || attnBias, outBias: modelType !== 'qwen2' && attnBias,
      mlpBias: bool('mlp_bias', false), tieEmbeddings: bool('tie_word_embeddings', false),
      slidingWindow: useWindow && typeof window === 'number' ? window : null, eosTokenIds,
    };
  }
  if (modelType === 'gpt2') {
    const d = num('n_embd');
    const nHeads = num('n_head');
    const inner = get('n_inner');
    return {
      modelType, family: 'gpt2', nLayers: num('n_layer'), dModel: d, nHeads, nKvHeads: nHeads, headDim: d / nHeads,
      dFF: typeof inner === 'number' ? inner : 4 * d, vocabSize: num('vocab_size'), maxPositions: num('n_positions', 1024),
      norm: 'layernorm', normEps: num('layer_norm_epsilon', 1e-5),
      act: activation(String(get('activation_function') ?? 'gelu_new'), where), gatedMlp: false, parallelResidual: false,
      rotaryDim: 0, ropeTheta: 0, qkvBias: true, outBias: true, mlpBias: true, tieEmbeddings: true,
      slidingWindow: null, eosTokenIds,
    };
  }
  throw new ConfigError(
    `${where}: model_type "${modelType}" is not supported (supported: ${SUPPORTED_MODEL_TYPES.join(', ')})`,
  );
}

function activation(name: string, where: string): Activation {
  if (name === 'gelu') return 'gelu';
  if (name === 'gelu_new' || name === 'gelu_fast' || name === 'gelu_pytorch_tanh') return 'gelu_tanh';
  if (name === 'silu' || name === 'swish') return 'silu';
  if (name === 'relu') return 'relu';
  throw new ConfigError(`${where}: activation "${name}" is not supported`);
}
