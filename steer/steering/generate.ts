// Autoregressive decoding with the KV cache: the prompt runs once, then each
// step feeds only the newest token and unembeds only its position.
import type { Transformer } from '../model/forward.ts';
import { steeringHook, type Steering } from './hooks.ts';
import { greedy, type Sampler } from './sampling.ts';

export interface GenerateOptions {
  maxNewTokens: number;
  steering?: Steering | null;
  sampler?: Sampler;
  stopIds?: number[];
}

export function generateIds(model: Transformer, promptIds: number[], o: GenerateOptions): number[] {
  const hook = o.steering ? steeringHook(o.steering) : undefined;
  const pick = o.sampler ?? greedy;
  const stop = new Set(o.stopIds ?? model.config.eosTokenIds);
  const cache = model.newCache(promptIds.length + o.maxNewTokens);
  const out: number[] = [];
  let logits = model.forward(promptIds, cache, { hook })!;
  while (out.length < o.maxNewTokens) {
    const next = pick(logits);
    out.push(next);
    if (stop.has(next) || out.length === o.maxNewTokens) break;
    logits = model.forward([next], cache, { hook })!;
  }
  return out;
}
