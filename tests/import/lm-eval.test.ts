import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli/main.ts';
import { parseFamily } from '../../pipeline/family-input.ts';
import { importedFamilyCsv, importLmEval, type ImportOptions } from '../../pipeline/import/lm-eval.ts';
import { readBenchmarks } from '../../pipeline/ingest.ts';
import { InputErrors, type InputError } from '../../pipeline/io/validate.ts';
import { copyData, ingestErrors, ROOT, tempDir } from '../helpers/fixtures.ts';

const benchErrors: InputError[] = []; // the real data/benchmarks.csv loads cleanly; a problem there fails other tests
const benchmarks = readBenchmarks(join(ROOT, 'data'), benchErrors);
const opts = (extra: Partial<ImportOptions> = {}): ImportOptions => ({
  family: 'Mine',
  params: { 'pythia-160m': 0.16, 'pythia-410m': 0.41 },
  allowShotsMismatch: false,
  allowMissingStderr: false,
  benchmarks,
  ...extra,
});

/** An lm-evaluation-harness 0.4 results file, with the TruthfulQA group row beside its members. */
function harness04(model: string, hs: number, tqa: number, shots = { hellaswag: 10, truthfulqa_mc2: 0 }): string {
  return JSON.stringify({
    results: {
      hellaswag: { alias: 'hellaswag', 'acc,none': hs - 0.01, 'acc_stderr,none': 0.0045, 'acc_norm,none': hs, 'acc_norm_stderr,none': 0.0046 },
      truthfulqa: { alias: 'truthfulqa', 'acc,none': 0.99, 'acc_stderr,none': 0.01 },
      truthfulqa_mc1: { alias: ' - truthfulqa_mc1', 'acc,none': 0.2, 'acc_stderr,none': 0.014 },
      truthfulqa_mc2: { alias: ' - truthfulqa_mc2', 'acc,none': tqa, 'acc_stderr,none': 0.015 },
    },
    groups: { truthfulqa: { 'acc,none': 0.99 } },
    'n-shot': { hellaswag: shots.hellaswag, truthfulqa_mc1: 0, truthfulqa_mc2: shots.truthfulqa_mc2 },
    config: { model: 'hf', model_args: `pretrained=${model},dtype=float16` },
  });
}

/** An Open LLM Leaderboard v1 per-model results file, with a bare NaN as some such files have. */
function leaderboard(model: string, hs: number, tqa: number): string {
  return `{"config_general": {"model_name": "${model}"}, "results": {
    "harness|arc:challenge|25": {"acc": 0.2, "acc_stderr": 0.011, "acc_norm": 0.25, "acc_norm_stderr": 0.012},
    "harness|hellaswag|10": {"acc": 0.3, "acc_stderr": 0.004, "acc_norm": ${hs}, "acc_norm_stderr": 0.0045},
    "harness|hendrycksTest-anatomy|5": {"acc": 0.2, "acc_stderr": 0.03, "acc_norm": NaN},
    "harness|hendrycksTest-virology|5": {"acc": 0.3, "acc_stderr": 0.03},
    "harness|truthfulqa:mc|0": {"mc1": 0.2, "mc1_stderr": 0.014, "mc2": ${tqa}, "mc2_stderr": 0.0142}}}`;
}

const file = (path: string, text: string) => ({ path, text });

function errorsOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof InputErrors) return e.errors.map((x) => `${x.file} | ${x.column} | ${x.message}`);
    throw e;
  }
  return [];
}

describe('importing lm-evaluation-harness results', () => {
  it('reads the 0.4 layout, takes MC2 from truthfulqa_mc2 and never from the group row, and converts fractions to points', () => {
    const [m] = importLmEval([file('a.json', harness04('EleutherAI/pythia-160m', 0.3123, 0.4431))], opts({ params: { 'pythia-160m': 0.16 } }));
    expect(m!.model).toBe('pythia-160m');
    expect(m!.hfId).toBe('EleutherAI/pythia-160m');
    expect(m!.scores.hellaswag!.value).toBeCloseTo(0.3123, 12);
    expect(m!.scores.truthfulqa_mc2!.value).toBeCloseTo(0.4431, 12);
    const csv = importedFamilyCsv([m!], 'Mine');
    const [row] = parseFamily(csv, 'imported');
    expect(row!.scores.hellaswag).toBe(31.23);
    expect(row!.scores.truthfulqa_mc2).toBe(44.31);
    expect(row!.stderr.hellaswag).toBe(0.46);
    expect(row!.stderr.truthfulqa_mc2).toBe(1.5);
    expect(row!.source).toContain('a.json');
  });

  it('reads the Open LLM Leaderboard v1 layout, tolerating bare NaN, and averages the MMLU subjects', () => {
    const [m] = importLmEval([file('lb.json', leaderboard('EleutherAI/pythia-410m', 0.405, 0.412))], opts({ params: { 'pythia-410m': 0.41 } }));
    expect(m!.scores.hellaswag!.value).toBeCloseTo(0.405, 12);
    expect(m!.scores.truthfulqa_mc2!.value).toBeCloseTo(0.412, 12);
    expect(m!.scores.truthfulqa_mc2!.stderr).toBeCloseTo(0.0142, 12);
    expect(m!.scores.mmlu!.value).toBeCloseTo(0.25, 12);
    expect(m!.scores.mmlu!.stderr).toBeNull();
    expect(m!.scores.arc!.value).toBeCloseTo(0.25, 12);
  });

  it('reads the 0.3 layout with its truthfulqa_mc task and one shot count for the run', () => {
    const text = JSON.stringify({
      results: { truthfulqa_mc: { mc1: 0.2, mc1_stderr: 0.01, mc2: 0.41, mc2_stderr: 0.014 } },
      versions: { truthfulqa_mc: 1 },
      config: { model_args: 'pretrained=EleutherAI/pythia-410m', num_fewshot: 0 },
    });
    const hs = JSON.stringify({
      results: { hellaswag: { acc: 0.3, acc_stderr: 0.004, acc_norm: 0.4, acc_norm_stderr: 0.005 } },
      versions: { hellaswag: 0 },
      config: { model_args: 'pretrained=EleutherAI/pythia-410m', num_fewshot: 10 },
    });
    const [m] = importLmEval([file('tqa.json', text), file('hs.json', hs)], opts({ params: { 'pythia-410m': 0.41 } }));
    expect(m!.scores.truthfulqa_mc2!.value).toBe(0.41);
    expect(m!.scores.hellaswag!.shots).toBe(10);
  });

  it('merges one model’s tasks from two files and sorts models by size', () => {
    const hsOnly = JSON.stringify({
      results: { hellaswag: { 'acc_norm,none': 0.4, 'acc_norm_stderr,none': 0.005 } },
      'n-shot': { hellaswag: 10 },
      config: { model_args: 'pretrained=EleutherAI/pythia-410m' },
    });
    const tqaOnly = JSON.stringify({
      results: { truthfulqa_mc2: { 'acc,none': 0.41, 'acc_stderr,none': 0.015 } },
      'n-shot': { truthfulqa_mc2: 0 },
      config: { model_args: 'pretrained=EleutherAI/pythia-410m' },
    });
    const ms = importLmEval([file('hs.json', hsOnly), file('b.json', harness04('EleutherAI/pythia-160m', 0.31, 0.44)), file('tqa.json', tqaOnly)], opts());
    expect(ms.map((m) => m.model)).toEqual(['pythia-160m', 'pythia-410m']);
    expect(ms[1]!.scores.hellaswag!.path).toBe('hs.json');
    expect(ms[1]!.scores.truthfulqa_mc2!.path).toBe('tqa.json');
  });

  describe('refuses malformed input, naming the file', () => {
    const cases: [string, () => { path: string; text: string }[], RegExp][] = [
      ['a file that is not JSON', () => [file('broken.json', '{"results": ')], /^broken\.json \| {2}\| not valid JSON/],
      [
        'a file of another suite with neither task',
        () => [file('v2.json', JSON.stringify({ results: { leaderboard_bbh: { 'acc_norm,none': 0.3 } }, config: { model_args: 'pretrained=x/y' } }))],
        /^v2\.json \| results \| none of the panel's tasks .* tasks found: leaderboard_bbh/,
      ],
      [
        'a task without its metric',
        () => [
          file(
            'm.json',
            JSON.stringify({
              results: { hellaswag: { 'acc,none': 0.3, 'acc_stderr,none': 0.004 }, truthfulqa_mc2: { 'acc,none': 0.4, 'acc_stderr,none': 0.01 } },
              'n-shot': { hellaswag: 10, truthfulqa_mc2: 0 },
              config: { model_args: 'pretrained=a/pythia-160m' },
            }),
          ),
        ],
        /^m\.json \| results\.hellaswag \| no "acc_norm,<filter>" score/,
      ],
      [
        'HellaSwag run 0-shot',
        () => [file('s.json', harness04('a/pythia-160m', 0.3, 0.4, { hellaswag: 0, truthfulqa_mc2: 0 }))],
        /^s\.json \| results\.hellaswag\["acc_norm,none"\] \| hellaswag was run 0-shot; the panel .* uses 10-shot/,
      ],
      [
        'a stderr written as N/A',
        () => [file('na.json', harness04('a/pythia-160m', 0.3, 0.4).replace('"acc_norm_stderr,none":0.0046', '"acc_norm_stderr,none":"N/A"'))],
        /^na\.json \| results\.hellaswag\["acc_norm,none"\] \| results\.hellaswag\["acc_norm_stderr,none"\] is "N\/A"/,
      ],
      [
        'two files with one model’s HellaSwag',
        () => [file('one.json', harness04('a/pythia-160m', 0.3, 0.4)), file('two.json', harness04('a/pythia-160m', 0.31, 0.41))],
        /^two\.json \| .* \| a second hellaswag result for a\/pythia-160m; the first is in one\.json/,
      ],
      [
        'a model without TruthfulQA',
        () => [
          file(
            'h.json',
            JSON.stringify({
              results: { hellaswag: { 'acc_norm,none': 0.4, 'acc_norm_stderr,none': 0.005 } },
              'n-shot': { hellaswag: 10 },
              config: { model_args: 'pretrained=a/pythia-160m' },
            }),
          ),
        ],
        /^h\.json \| {2}\| a\/pythia-160m: no truthfulqa_mc2 result/,
      ],
      [
        'a model with no --params entry',
        () => [file('p.json', harness04('a/pythia-1b', 0.5, 0.38))],
        /^p\.json \| --params \| no parameter count for model "a\/pythia-1b": pass --params pythia-1b=/,
      ],
      [
        'a score above 1',
        () => [file('pct.json', harness04('a/pythia-160m', 31.2, 0.4))],
        /^pct\.json \| results\.hellaswag\["acc_norm,none"\] \| expected a fraction in \[0, 1\], got 31\.2/,
      ],
    ];
    it.each(cases)('%s', (_, files, want) => {
      const errs = errorsOf(() => importLmEval(files(), opts()));
      expect(
        errs.some((e) => want.test(e)),
        errs.join('\n'),
      ).toBe(true);
    });
  });

  it('keeps a shots mismatch or a missing stderr only when asked, and records it in the note', () => {
    const text = harness04('a/pythia-160m', 0.3, 0.4, { hellaswag: 0, truthfulqa_mc2: 0 }).replace('"acc_stderr,none":0.015', '"acc_stderr,none":"N/A"');
    const [m] = importLmEval([file('x.json', text)], opts({ allowShotsMismatch: true, allowMissingStderr: true, params: { 'pythia-160m': 0.16 } }));
    const [row] = parseFamily(importedFamilyCsv([m!], 'Mine'), 'x');
    expect(row!.stderr.truthfulqa_mc2).toBeNull();
    const csv = importedFamilyCsv([m!], 'Mine');
    expect(csv).toContain('hellaswag 0-shot, the panel uses 10-shot');
    expect(csv).toContain('truthfulqa_mc2 stderr from the item count');
  });
});

describe('cape import lm-eval', () => {
  let err: string[] = [];
  const saved = { error: console.error };
  beforeEach(() => {
    err = [];
    console.error = (...a: unknown[]) => err.push(a.join(' '));
  });
  afterEach(() => {
    console.error = saved.error;
  });

  function folder(): string {
    const dir = tempDir();
    mkdirSync(join(dir, 'pythia-160m'));
    mkdirSync(join(dir, 'pythia-410m'));
    writeFileSync(join(dir, 'pythia-160m', 'results_2024-01-01T00-00-00.json'), harness04('EleutherAI/pythia-160m', 0.3123, 0.4431));
    writeFileSync(join(dir, 'pythia-410m', 'results_2024-01-02T00-00-00.json'), harness04('EleutherAI/pythia-410m', 0.4052, 0.412));
    writeFileSync(join(dir, 'pythia-410m', 'notes.json'), '{"comment": "not a results file"}');
    return dir;
  }

  it('writes a family file that diagnose and the pipeline’s ingest accept, skipping stray JSON with a warning', async () => {
    const dir = folder();
    const data = copyData();
    mkdirSync(join(data, 'families'), { recursive: true });
    const out = join(data, 'families', 'mine.csv');
    expect(await main(['import', 'lm-eval', dir, '--family', 'MyPythia', '--params', 'pythia-160m=0.16', '--params', 'pythia-410m=0.41', '--out', out])).toBe(
      0,
    );
    expect(err.join('\n')).toMatch(/skipping .*notes\.json/);
    expect(parseFamily(readFileSync(out, 'utf8'), out).map((m) => m.model)).toEqual(['pythia-160m', 'pythia-410m']);
    expect(ingestErrors(data)).toEqual([]);
    expect(await main(['diagnose', out, '--json'])).toBeLessThan(2);
  });

  it('writes nothing and exits 2 on any input error', async () => {
    const dir = folder();
    const out = join(tempDir(), 'mine.csv');
    expect(await main(['import', 'lm-eval', dir, '--family', 'MyPythia', '--params', 'pythia-160m=0.16', '--out', out])).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(err.join('\n')).toContain('no parameter count for model "EleutherAI/pythia-410m"');
    expect(err.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('names the flag for usage errors', async () => {
    const dir = folder();
    expect(await main(['import', 'lm-eval', dir, '--params', 'pythia-160m=0.16'])).toBe(2);
    expect(err.join('\n')).toContain('--family NAME is required');
    expect(await main(['import', 'lm-eval', dir, '--family', 'F', '--params', 'pythia-160m=-1'])).toBe(2);
    expect(err.join('\n')).toContain('--params expects MODEL=SIZE_B');
    expect(await main(['import', 'lm-eval', dir, '--family', 'F', '--bogus'])).toBe(2);
    expect(err.join('\n')).toMatch(/unknown option --bogus/);
    expect(await main(['import', 'csv', dir, '--family', 'F'])).toBe(2);
  });
});
