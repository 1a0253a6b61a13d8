// Tiny seeded random-weight models in the real checkpoint layouts, built by
// the tests themselves (no weights can be downloaded).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { parseConfig } from '../../steer/model/config.ts';
import { Transformer } from '../../steer/model/forward.ts';
import { loadModel, type LoadedModel } from '../../steer/model/load.ts';
import type { DType } from '../../steer/io/safetensors.ts';
import type { TensorToWrite } from '../../steer/io/safetensors-write.ts';
import { MemoryTensorStore, syntheticConfig, syntheticTensors, uniformRng, writeSyntheticModel, type SyntheticSpec } from '../../steer/io/synthetic.ts';
import { writeSafetensors } from '../../steer/io/safetensors-write.ts';
import { tinyTokenizerJson } from '../../steer/io/synthetic-tokenizer.ts';
import { loadWeights } from '../../steer/model/architectures.ts';

export const NEOX: SyntheticSpec = { modelType: 'gpt_neox', nLayers: 4, dModel: 16, nHeads: 4, dFF: 32, seed: 11, scale: 0.4, rotaryPct: 0.5 };
export const NEOX_SEQUENTIAL: SyntheticSpec = { ...NEOX, parallelResidual: false, seed: 12 };
export const LLAMA: SyntheticSpec = { modelType: 'llama', nLayers: 3, dModel: 16, nHeads: 4, nKvHeads: 2, dFF: 24, seed: 13, scale: 0.4 };
export const QWEN2: SyntheticSpec = { ...LLAMA, modelType: 'qwen2', seed: 14 };
export const GPT2: SyntheticSpec = { modelType: 'gpt2', nLayers: 2, dModel: 16, nHeads: 2, dFF: 32, seed: 15, scale: 0.4, maxPositions: 64 };

/** A Transformer straight from in-memory tensors (no files, no tokenizer). */
export function memoryModel(spec: SyntheticSpec): Transformer {
  const cfg = parseConfig(syntheticConfig(spec));
  return new Transformer(cfg, loadWeights(cfg, new MemoryTensorStore(syntheticTensors(spec))));
}

export function modelFromTensors(config: Record<string, unknown>, tensors: TensorToWrite[]): Transformer {
  const cfg = parseConfig(config);
  return new Transformer(cfg, loadWeights(cfg, new MemoryTensorStore(tensors)));
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'cape-steer-test-'));
  dirs.push(d);
  return d;
}

/** A model folder on disk: config.json, tokenizer.json, safetensors. */
export function modelDir(spec: SyntheticSpec, o: { dtype?: DType; shards?: number } = {}): string {
  const d = tempDir();
  writeSyntheticModel(d, spec, o);
  return d;
}

export async function loadedModel(spec: SyntheticSpec, o: { dtype?: DType; shards?: number; threads?: number } = {}): Promise<LoadedModel> {
  return loadModel(modelDir(spec, o), { threads: o.threads });
}

/** [name, shape] of every tensor of a checkpoint, in its own naming and layout. */
export type TensorPlan = [name: string, shape: number[]][];

/**
 * Seeded random values for a plan: 1-D tensors named *.bias near 0, other
 * 1-D tensors (norm weights) near 1, matrices uniform in [-scale, scale].
 */
export function randomTensors(plan: TensorPlan, seed: number, scale = 0.4): TensorToWrite[] {
  const rnd = uniformRng(seed);
  return plan.map(([name, shape]) => {
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
    const [base, width] = shape.length > 1 ? [0, scale] : name.endsWith('.bias') ? [0, 0.1] : [1, 0.1];
    for (let i = 0; i < data.length; i++) data[i] = base + (2 * rnd() - 1) * width;
    return { name, shape, data };
  });
}

/** A model folder written from a config.json object and tensors: what a new architecture's test loads. */
export function writeModelFolder(config: Record<string, unknown>, tensors: TensorToWrite[], o: { dtype?: DType } = {}): string {
  const d = tempDir();
  writeFileSync(join(d, 'config.json'), JSON.stringify(config, null, 2));
  writeFileSync(join(d, 'tokenizer.json'), JSON.stringify(tinyTokenizerJson()));
  writeSafetensors(
    join(d, 'model.safetensors'),
    tensors.map((t) => ({ ...t, dtype: o.dtype ?? 'F32' })),
  );
  return d;
}

/** Largest |difference| between the logits of a token-by-token run (KV cache) and of one full pass. */
export function cacheVsFullDifference(m: Transformer, ids: number[]): number {
  const full = m.forward(ids, m.newCache(), { logits: 'all' })!;
  const V = m.config.vocabSize;
  const cache = m.newCache(1);
  let max = 0;
  ids.forEach((id, i) => {
    const step = m.forward([id], cache)!;
    for (let v = 0; v < V; v++) max = Math.max(max, Math.abs(step[v]! - full[i * V + v]!));
  });
  return max;
}
