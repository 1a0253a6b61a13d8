import { describe, expect, it } from 'vitest';
import { exclusionReason, pickEvaluation, selectFamilies } from '../../pipeline/out-of-sample/select.ts';
import type { BoardRow, FamilyRow } from '../../pipeline/out-of-sample/types.ts';

const board = (fullname: string, precision: string, line: number, hs = 50): BoardRow => ({
  fullname,
  precision,
  hellaswag: hs,
  truthfulqa_mc2: 40,
  arc: 30,
  winogrande: 55,
  mmlu: 26,
  gsm8k: 1,
  line,
});
const fam = (family: string, repo: string, paramsB: number, extra: Partial<FamilyRow> = {}): FamilyRow => ({
  family,
  repo,
  paramsB,
  tier: 'scratch',
  inPanelFamily: false,
  inPanelModel: false,
  note: '',
  line: 2,
  ...extra,
});

describe('which leaderboard repositories count as base models', () => {
  it.each([
    'org/Model-7B-Chat',
    'org/model-7b-instruct',
    'google/gemma-7b-it',
    'org/m-7b-sft',
    'org/m-7b-dpo',
    'org/x-slerp',
    'RWKV/rwkv-raven-7b',
    'bigscience/bloomz-560m',
    'facebook/opt-iml-max-1.3b',
    'databricks/dolly-v2-7b',
    'org/a-merged-7b',
  ])('excludes %s by name', (repo) => {
    expect(exclusionReason(repo)).toMatch(/marks a tuned or merged model/);
  });

  it.each([
    'EleutherAI/pythia-410m-deduped',
    'facebook/opt-1.3b',
    'Qwen/Qwen1.5-7B',
    'openai-community/gpt2-xl',
    'bigcode/starcoderbase-1b',
    'KoboldAI/fairseq-dense-125M',
    'gpt2',
  ])('keeps %s', (repo) => {
    expect(exclusionReason(repo)).toBeNull();
  });
});

describe('one evaluation per repository', () => {
  it('prefers float16, then bfloat16, 8bit, 4bit, and never a GPTQ run', () => {
    const rows = [board('m', '4bit', 10), board('m', 'GPTQ', 11), board('m', '8bit', 12), board('m', 'bfloat16', 13), board('m', 'float16', 14)];
    expect(pickEvaluation(rows)!.line).toBe(14);
    expect(pickEvaluation(rows.slice(0, 4))!.precision).toBe('bfloat16');
    expect(pickEvaluation(rows.slice(0, 3))!.precision).toBe('8bit');
    expect(pickEvaluation([board('m', 'GPTQ', 1)])).toBeNull();
  });

  it('breaks a tie of precision by file order', () => {
    expect(pickEvaluation([board('m', 'float16', 20), board('m', 'float16', 5)])!.line).toBe(5);
  });
});

describe('families from the list', () => {
  const rows = [
    fam('F', 'o/f-1b', 1),
    fam('F', 'o/f-3b', 3),
    fam('F', 'o/f-7b-chat', 7),
    fam('F', 'o/f-13b', 13),
    fam('G', 'o/g-1b', 1),
    fam('G', 'o/g-2b', 2),
    fam('H', 'o/h-1b', 1, { tier: 'derived' }),
    fam('H', 'o/h-2b', 2),
    fam('H', 'o/h-4b', 4),
    fam('P', 'o/p-1b', 1, { inPanelFamily: true }),
    fam('P', 'o/p-2b', 2),
    fam('P', 'o/p-3b', 3),
  ];
  const evals = [...rows.map((r, i) => board(r.repo, 'float16', 100 + i)), board('o/f-13b', '4bit', 99)].filter(
    (b) => b.fullname !== 'o/f-13b' || b.precision === '4bit',
  );
  const out = selectFamilies(rows, evals, [{ model: 'o/f-1b', dModel: 2048 }], 'board.csv', 3);
  const by = (f: string) => out.find((x) => x.family === f)!;

  it('drops tuned repositories with the reason and keeps the rest in size order', () => {
    expect(by('F').models.map((m) => m.hfId)).toEqual(['o/f-1b', 'o/f-3b', 'o/f-13b']);
    expect(by('F').excluded.join('\n')).toMatch(/o\/f-7b-chat: "chat"/);
  });

  it('says when only a quantised evaluation exists, and uses it', () => {
    expect(by('F').excluded.join('\n')).toMatch(/o\/f-13b: only a quantised \(4bit\) evaluation exists; used/);
    expect(by('F').models[2]!.source).toBe('board.csv line 99 (4bit)');
  });

  it('marks a family with fewer than three sizes as not scored', () => {
    expect(by('G').tooFew).toBe(true);
    expect(by('F').tooFew).toBe(false);
  });

  it('puts a family in the derived set when any member is derived, and a panel family in sample', () => {
    expect(by('H').set).toBe('out-of-sample-derived');
    expect(by('F').set).toBe('out-of-sample-scratch');
    expect(by('P').set).toBe('in-sample');
  });

  it('takes widths from the architecture table', () => {
    expect(by('F').models[0]!.dModel).toBe(2048);
    expect(by('F').models[1]!.dModel).toBeNull();
  });
});
