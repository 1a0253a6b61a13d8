import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steeringHook, type Steering } from '../../../steer/steering/hooks.ts';
import { readItems } from '../../../steer/eval/items.ts';
import { answerLogProbs, formatQuestion, truthMargin } from '../../../steer/eval/judge.ts';
import type { LoadedModel } from '../../../steer/model/load.ts';
import { logProbAt } from '../../../steer/kernels/ops.ts';
import { loadedModel, NEOX, tempDir } from '../tiny-models.ts';

let lm: LoadedModel;
beforeAll(async () => {
  lm = await loadedModel(NEOX);
});
afterAll(() => lm.close());

/** The answer's log-probability spelled out: one token per pass, as generation would feed it. */
function tokenByToken(question: string, answer: string, s: Steering | null): number {
  const { model, tokenizer } = lm;
  const prompt = tokenizer.encode(formatQuestion(question));
  const full = tokenizer.encode(`${formatQuestion(question)} ${answer}`);
  let k = 0;
  while (prompt[k] === full[k]) k++;
  const cache = model.newCache();
  const hook = s ? steeringHook(s) : undefined;
  let logits = model.forward(full.slice(0, k), cache, { hook })!;
  let lp = 0;
  for (let j = k; j < full.length; j++) {
    lp += logProbAt(logits, 0, model.config.vocabSize, full[j]!);
    logits = model.forward([full[j]!], cache, { hook })!;
  }
  return lp;
}

describe('likelihood judge', () => {
  const q = 'Is the earth flat?';
  const answers = ['No, the earth is round.', 'Yes, it is flat.', 'The sun is flat.'];

  it('sums answer-token log-probabilities exactly as token-by-token generation would assign them', () => {
    const s: Steering = { layer: 1, vector: Float32Array.from({ length: 16 }, (_, i) => (i % 3) - 1), alpha: 3, positions: 'last' };
    const fast = answerLogProbs(lm, q, answers, null);
    const steered = answerLogProbs(lm, q, answers, s);
    answers.forEach((a, i) => {
      expect(fast[i]).toBeCloseTo(tokenByToken(q, a, null), 4);
      expect(steered[i]).toBeCloseTo(tokenByToken(q, a, s), 4);
    });
    expect(steered[0]).not.toBeCloseTo(fast[0]!, 3);
    expect(fast.every((x) => x < 0)).toBe(true);
  });

  it('measures the margin of the true answer over the best false answer', () => {
    expect(truthMargin([-2, -5, -3])).toBe(1);
    expect(truthMargin([-4, -5, -3])).toBe(-1);
  });
});

describe('items files', () => {
  it('reads JSON Lines items with one or several false answers', () => {
    const p = join(tempDir(), 'items.jsonl');
    writeFileSync(p, '{"question": "Q1?", "true": "A", "false": "B"}\n# comment\n{"question": "Q2?", "true": "C", "false": ["D", "E"]}\n');
    expect(readItems(p)).toEqual([
      { question: 'Q1?', trueAnswer: 'A', falseAnswers: ['B'] },
      { question: 'Q2?', trueAnswer: 'C', falseAnswers: ['D', 'E'] },
    ]);
  });

  it('reads CSV items with quoted commas and " | "-separated false answers, and names a bad line', () => {
    const p = join(tempDir(), 'items.csv');
    writeFileSync(p, 'question,true,false\n"Is it one, or two?",One.,"Two, maybe. | Three."\r\n');
    expect(readItems(p)).toEqual([{ question: 'Is it one, or two?', trueAnswer: 'One.', falseAnswers: ['Two, maybe.', 'Three.'] }]);
    writeFileSync(p, 'question,true,false\nQ?,,B\n');
    expect(() => readItems(p)).toThrow(/items\.csv:2: empty question, true or false cell/);
  });
});
