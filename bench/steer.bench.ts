/**
 * Greedy generation speed of the steering engine's CPU forward pass with the
 * KV cache, on a GPT-NeoX-layout model with random weights shaped like
 * Pythia-160M (12 blocks, d_model 768, 12 heads, vocab 50304): 162M stored
 * parameters, of which 124M are touched per token (the input embedding is a
 * row lookup) - the per-token work of a ~125M-parameter model such as GPT-2
 * small. Weights go through the real checkpoint loader from memory, so the
 * disk is not part of the timing. Goal: >= 8 tokens/s on 2 cores.
 *
 * Run: npx tsx bench/steer.bench.ts
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { createSerialBackend } from '../steer/kernels/backend.ts';
import { parseConfig } from '../steer/model/config.ts';
import { Transformer } from '../steer/model/forward.ts';
import { generateIds } from '../steer/steering/generate.ts';
import { argmax } from '../steer/steering/sampling.ts';
import { MemoryTensorStore, syntheticConfig, syntheticTensors, type SyntheticSpec } from '../steer/io/synthetic.ts';
import { createThreadedBackend } from '../steer/kernels/threads.ts';
import { loadWeights } from '../steer/model/architectures.ts';

export const GOAL_TOKENS_PER_SECOND = 8;

export interface SteerBenchRun {
  threads: number;
  /** New tokens / wall time of generateIds, prompt pass included. */
  endToEndTokPerSec: number;
  /** One-token steps only, after the prompt pass. */
  decodeTokPerSec: number;
  prefillTokPerSec: number;
  meetsGoal: boolean;
}

export interface SteerBenchResult {
  model: { layout: 'gpt_neox'; nLayers: number; dModel: number; vocabSize: number; storedParams: number; perTokenParams: number };
  promptTokens: number;
  newTokens: number;
  runs: SteerBenchRun[];
}

export interface BenchOptions {
  threads?: number[];
  promptTokens?: number;
  newTokens?: number;
  spec?: SyntheticSpec;
}

const PYTHIA_160M_SHAPE: SyntheticSpec = { modelType: 'gpt_neox', nLayers: 12, dModel: 768, nHeads: 12, dFF: 3072, vocabSize: 50304, seed: 2024 };

export async function benchSteer(o: BenchOptions = {}): Promise<SteerBenchResult> {
  const spec = o.spec ?? PYTHIA_160M_SHAPE;
  const promptTokens = o.promptTokens ?? 16;
  const newTokens = o.newTokens ?? 48;
  const threadCounts = o.threads ?? [...new Set([1, Math.min(2, availableParallelism())])];
  const cfg = parseConfig(syntheticConfig(spec));
  const tensors = syntheticTensors(spec);
  const stored = tensors.reduce((a, t) => a + t.data.length, 0);
  const prompt = Array.from({ length: promptTokens }, (_, i) => (i * 977 + 13) % cfg.vocabSize);
  const runs: SteerBenchRun[] = [];
  for (const threads of threadCounts) {
    const backend = threads > 1 ? await createThreadedBackend(threads) : createSerialBackend();
    try {
      const model = new Transformer(cfg, loadWeights(cfg, new MemoryTensorStore(tensors), backend.weights), backend);
      generateIds(model, prompt, { maxNewTokens: 12, stopIds: [] }); // JIT warm-up, in the workers too
      let t0 = performance.now();
      const out = generateIds(model, prompt, { maxNewTokens: newTokens, stopIds: [] });
      const endToEnd = out.length / ((performance.now() - t0) / 1000);
      const cache = model.newCache(promptTokens + newTokens);
      t0 = performance.now();
      let logits = model.forward(prompt, cache)!;
      const prefill = promptTokens / ((performance.now() - t0) / 1000);
      t0 = performance.now();
      for (let k = 0; k < newTokens; k++) logits = model.forward([argmax(logits)], cache)!;
      const decode = newTokens / ((performance.now() - t0) / 1000);
      runs.push({
        threads,
        endToEndTokPerSec: endToEnd,
        decodeTokPerSec: decode,
        prefillTokPerSec: prefill,
        meetsGoal: endToEnd >= GOAL_TOKENS_PER_SECOND,
      });
    } finally {
      await backend.close();
    }
  }
  return {
    model: {
      layout: 'gpt_neox',
      nLayers: cfg.nLayers,
      dModel: cfg.dModel,
      vocabSize: cfg.vocabSize,
      storedParams: stored,
      perTokenParams: stored - cfg.vocabSize * cfg.dModel,
    },
    promptTokens,
    newTokens,
    runs,
  };
}

/** `make bench` line format ({ name, ms, goal }): milliseconds per generated token. */
export default async function steerBenchLines(): Promise<{ name: string; ms: number; goal?: string }[]> {
  const r = await benchSteer();
  return r.runs.map((run) => ({
    name: `steer greedy ms/token, ${run.threads} thread${run.threads > 1 ? 's' : ''}`,
    ms: 1000 / run.endToEndTokPerSec,
    goal: `<= ${(1000 / GOAL_TOKENS_PER_SECOND).toFixed(0)} ms/token (>= ${GOAL_TOKENS_PER_SECOND} tok/s): ${run.meetsGoal ? 'pass' : 'miss'}`,
  }));
}

function print(r: SteerBenchResult): void {
  const m = r.model;
  console.log(`steer bench: GPT-NeoX layout, ${m.nLayers} blocks, d_model ${m.dModel}, vocab ${m.vocabSize}, random weights`);
  const mp = (x: number): string => `${(x / 1e6).toFixed(1)}M`;
  console.log(`  ${mp(m.storedParams)} parameters stored, ${mp(m.perTokenParams)} used per token`);
  console.log(`  prompt ${r.promptTokens} tokens, ${r.newTokens} new tokens, greedy, KV cache`);
  for (const run of r.runs) {
    console.log(
      `  ${run.threads} thread(s): ${run.endToEndTokPerSec.toFixed(1)} tok/s end to end ` +
        `(decode ${run.decodeTokPerSec.toFixed(1)}, prefill ${run.prefillTokPerSec.toFixed(1)}); ` +
        `${run.meetsGoal ? 'meets' : 'MISSES'} the goal of ${GOAL_TOKENS_PER_SECOND} tok/s`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  print(await benchSteer());
}
