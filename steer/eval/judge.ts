// Likelihood judge: the summed log-probability of an answer's tokens after
// the question, under an optional steering intervention applied exactly as it
// would be during generation.
import { SteerInputError } from '../errors.ts';
import type { BlockOutputHook } from '../model/forward.ts';
import { steeringHook, type Steering } from '../steering/hooks.ts';
import type { KVCache } from '../model/kv-cache.ts';
import type { LoadedModel } from '../model/load.ts';
import { logProbAt } from '../kernels/ops.ts';

export const formatQuestion = (question: string): string => `Q: ${question}\nA:`;

/**
 * Answer tokens are the tokens of "Q: …\nA: answer" after its longest common
 * prefix with "Q: …\nA:", so a token merged across the boundary is scored as
 * part of the answer rather than silently dropped.
 *
 * Steering matches generation: the prompt pass is hooked as given ('last'
 * steers the final prompt token), and every answer token gets the vector,
 * since during generation each of them is the last position of its own pass.
 */
export function answerLogProbs(lm: Pick<LoadedModel, 'model' | 'tokenizer'>, question: string, answers: string[], steering: Steering | null): number[] {
  const { model, tokenizer } = lm;
  const V = model.config.vocabSize;
  const prompt = formatQuestion(question);
  const promptIds = tokenizer.encode(prompt);
  const promptHook: BlockOutputHook | undefined = steering ? steeringHook(steering) : undefined;
  const answerHook: BlockOutputHook | undefined = steering ? steeringHook({ ...steering, positions: 'all' }) : undefined;
  let shared: { prefix: number[]; cache: KVCache; logits: Float32Array } | null = null;
  return answers.map((answer) => {
    const full = tokenizer.encode(`${prompt} ${answer}`);
    let lcp = 0;
    while (lcp < promptIds.length && lcp < full.length && promptIds[lcp] === full[lcp]) lcp++;
    if (lcp === 0 || lcp >= full.length) throw new SteerInputError(`cannot separate answer tokens for ${JSON.stringify(answer)}`);
    const prefix = full.slice(0, lcp),
      rest = full.slice(lcp);
    // Answers usually share the prompt's tokens: run the prompt once and rewind the cache.
    if (shared && shared.prefix.length === lcp && shared.prefix.every((id, i) => id === prefix[i])) {
      shared.cache.truncate(lcp);
    } else {
      const cache = model.newCache(lcp + rest.length);
      shared = { prefix, cache, logits: model.forward(prefix, cache, { hook: promptHook })! };
    }
    let lp = logProbAt(shared.logits, 0, V, rest[0]!);
    if (rest.length > 1) {
      const logits = model.forward(rest.slice(0, -1), shared.cache, { hook: answerHook, logits: 'all' })!;
      for (let j = 1; j < rest.length; j++) lp += logProbAt(logits, j - 1, V, rest[j]!);
    }
    return lp;
  });
}

/** log p(true) - max log p(false): positive when the model prefers the true answer. */
export function truthMargin(logProbs: number[]): number {
  return logProbs[0]! - Math.max(...logProbs.slice(1));
}
