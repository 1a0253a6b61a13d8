// Unsteered and steered continuations of the same prompts, decoded the same
// way (greedy, or sampling with the same seed for both), so the only
// difference between the two texts is the intervention.
import { SteerInputError } from '../errors.ts';
import { lastTokenStates } from './activations.ts';
import { generateIds } from './generate.ts';
import type { SteerPositions } from './hooks.ts';
import type { LoadedModel } from '../model/load.ts';
import { greedy, seededSampler, type SamplingOptions } from './sampling.ts';
import { resolveStrength, type StrengthSpec } from './strength.ts';
import type { VectorFile } from '../io/vector-file.ts';

export interface GenerationRow {
  prompt: string;
  cos: number | null;
  label: string;
  alpha: number;
  unsteered: string;
  steered: string;
  changed: boolean;
}

export interface CompareOptions {
  strength: StrengthSpec;
  positions?: SteerPositions;
  maxNewTokens?: number;
  sampling?: SamplingOptions | null;
}

export function compareGenerations(lm: LoadedModel, vf: VectorFile, prompts: string[], o: CompareOptions): GenerationRow[] {
  const vector = Float32Array.from(vf.vector);
  const maxNewTokens = o.maxNewTokens ?? 40;
  return prompts.map((prompt) => {
    const ids = lm.tokenizer.encode(prompt);
    if (ids.length === 0) throw new SteerInputError(`prompt tokenizes to nothing: ${JSON.stringify(prompt)}`);
    const state = o.strength.kind === 'authors-gate' ? lastTokenStates(lm, [prompt], [vf.layer]).get(vf.layer)![0] : undefined;
    const { alpha, label, cos } = resolveStrength(o.strength, vf, state);
    const run = (steer: boolean): string => {
      const sampler = o.sampling ? seededSampler(o.sampling) : greedy;
      const steering = steer ? { layer: vf.layer, vector, alpha, positions: o.positions ?? 'last' } : null;
      return lm.tokenizer.decode(generateIds(lm.model, ids, { maxNewTokens, steering, sampler }));
    };
    const unsteered = run(false);
    const steered = run(true);
    return { prompt, cos, label, alpha, unsteered, steered, changed: unsteered !== steered };
  });
}
