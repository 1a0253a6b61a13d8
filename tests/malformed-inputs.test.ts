/**
 * A corpus of malformed inputs, each run through `reproduce` as a user would:
 * the run must stop with an input error that names the file, line and column
 * (or the config key), write nothing, and leave every result folder as it was.
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reproduce } from '../pipeline/cli/reproduce.ts';
import { config, type Config } from '../pipeline/config.ts';
import { parseFamily } from '../pipeline/family-input.ts';
import { hashFiles, listFiles } from '../pipeline/io/hash.ts';
import { InputErrors } from '../pipeline/io/validate.ts';
import { runPipeline } from '../pipeline/run.ts';
import { copyData, editFile, ROOT, tempDir } from './helpers/fixtures.ts';

const FAMILY_HEADER = 'model,family,params_b,hellaswag,truthfulqa_mc2,arc,winogrande,mmlu,source';

/** Replaces the first occurrence of `from` in a data file. */
const swap = (file: string, from: string, to: string) => (d: string) =>
  editFile(join(d, file), (t) => {
    if (!t.includes(from)) throw new Error(`fixture: "${from}" not in ${file}`);
    return t.replace(from, to);
  });
const family = (name: string, text: string | Buffer) => (d: string) => {
  mkdirSync(join(d, 'families'), { recursive: true });
  writeFileSync(join(d, 'families', name), text);
};
const twoModels = (fam: string) => `${FAMILY_HEADER}\n${fam}-1B,${fam},1,50,40,30,55,26,test\n${fam}-2B,${fam},2,55,39,31,56,27,test\n`;

type Case = [string, (dataDir: string) => void, RegExp];

const CASES: Case[] = [
  [
    'a header column given twice',
    swap('models.csv', 'model,family,hf_id,', 'model,family,family,'),
    /^data\/models\.csv:1: column "family": appears twice in the header/m,
  ],
  [
    'a NUL byte in a cell',
    swap('models.csv', 'BLOOM-560M,BLOOM', 'BLOOM-560M\u0000,BLOOM'),
    /^data\/models\.csv:2: column "model": holds a control character \(code 0\)/m,
  ],
  [
    'a bell character in a source cell',
    swap('models.csv', 'cape-scaling data/leaderboard_all_scores.json via', 'cape-scaling\u0007 data/leaderboard_all_scores.json via'),
    /^data\/models\.csv:2: column "source": holds a control character \(code 7\)/m,
  ],
  [
    'a byte that is not UTF-8',
    (d) =>
      writeFileSync(
        join(d, 'models.csv'),
        Buffer.concat([readFileSync(join(d, 'models.csv')).subarray(0, 300), Buffer.from([0xff, 0xfe]), readFileSync(join(d, 'models.csv')).subarray(300)]),
      ),
    /^data\/models\.csv:\d+: not valid UTF-8 text/m,
  ],
  [
    'a dangling symbolic link for a data file',
    (d) => {
      rmSync(join(d, 'models.csv'));
      symlinkSync(join(d, 'nowhere.csv'), join(d, 'models.csv'));
    },
    /^data\/models\.csv: is a symbolic link to a file that does not exist/m,
  ],
  [
    'a directory where a data file belongs',
    (d) => {
      rmSync(join(d, 'claims.csv'));
      mkdirSync(join(d, 'claims.csv'));
    },
    /^data\/claims\.csv: is a directory; expected a CSV file/m,
  ],
  [
    'an unknown column (a typo)',
    swap('models.csv', ',d_model,', ',d_modle,'),
    /^data\/models\.csv:1: column "d_modle": unknown column; expected columns: model, family, hf_id, params_b, d_model/m,
  ],
  [
    'a header-only models.csv',
    (d) => writeFileSync(join(d, 'models.csv'), readFileSync(join(d, 'models.csv'), 'utf8').split('\n')[0] + '\n'),
    /^data\/models\.csv:2: no model rows after the header/m,
  ],
  [
    'an empty required cell',
    swap('models.csv', ',,,,cape-scaling data/leaderboard_all_scores.json via data/base_models_consolidated.json (entry 1)', ',,,,'),
    /^data\/models\.csv:2: column "source": a value is required/m,
  ],
  [
    'a size that is not a number',
    swap('models.csv', 'BLOOM-560M,BLOOM,bigscience/bloom-560m,0.56,', 'BLOOM-560M,BLOOM,bigscience/bloom-560m,half,'),
    /^data\/models\.csv:2: column "params_b": expected a number/m,
  ],
  [
    'a raw parameter count',
    swap('models.csv', 'BLOOM-560M,BLOOM,bigscience/bloom-560m,0.56,', 'BLOOM-560M,BLOOM,bigscience/bloom-560m,560000000,'),
    /^data\/models\.csv:2: column "params_b": expected parameters in billions/m,
  ],
  ['a quote inside an unquoted field', swap('models.csv', 'BLOOM-560M,BLOOM', 'BLOOM-5"60M,BLOOM'), /^data\/models\.csv:2: a quote inside an unquoted field/m],
  [
    'a quoted field never closed',
    (d) => appendFileSync(join(d, 'interventions.csv'), 'tax,"never closed\n'),
    /^data\/interventions\.csv:\d+: a quoted field is never closed/m,
  ],
  ['a row with too few fields', (d) => appendFileSync(join(d, 'models.csv'), 'Short,Row,1\n'), /^data\/models\.csv:\d+: expected 16 fields, found 3/m],
  [
    'a score above 100',
    swap('models.csv', 'BLOOM-560M,BLOOM,bigscience/bloom-560m,0.56,1024,24,37.15', 'BLOOM-560M,BLOOM,bigscience/bloom-560m,0.56,1024,24,137.15'),
    /^data\/models\.csv:2: column "hellaswag": expected a number in \[0, 100\], got 137\.15/m,
  ],
  [
    'a header with a column the rows lack',
    swap('models.csv', 'arch_source\n', 'arch_source,hellaswag_stderr\n'),
    /^data\/models\.csv:2: expected 17 fields, found 16/m,
  ],
  [
    'a negative standard error',
    family('neg.csv', `${FAMILY_HEADER},hellaswag_stderr\nNeg-1B,Neg,1,50,40,30,55,26,test,-1\nNeg-2B,Neg,2,55,39,31,56,27,test,0.5\n`),
    /^data\/families\/neg\.csv:2: column "hellaswag_stderr": expected a number in \[0, 50\], got -1/m,
  ],
  ['a header-only family file', family('empty.csv', `${FAMILY_HEADER}\n`), /^data\/families\/empty\.csv:2: no model rows after the header/m],
  [
    'a one-model family',
    family('one.csv', `${FAMILY_HEADER}\nOne-1B,One,1,50,40,30,55,26,test\n`),
    /^data\/families\/one\.csv:2: a family needs at least 2 models/m,
  ],
  [
    'a contributed family named like a paper family',
    family('opt.csv', twoModels('OPT')),
    /^data\/families\/opt\.csv:2: column "family": "OPT" is a family of the paper's panel/m,
  ],
  [
    'an unknown column in a family file',
    family('typo.csv', twoModels('Typo').replace('mmlu,', 'mmlu_5shot,')),
    /^data\/families\/typo\.csv:1: column "mmlu_5shot": unknown column/m,
  ],
  [
    'two families in one file',
    family('mixed.csv', `${FAMILY_HEADER}\nA-1B,A,1,50,40,30,55,26,test\nB-2B,B,2,55,39,31,56,27,test\n`),
    /^data\/families\/mixed\.csv:3: column "family": a family file holds one family/m,
  ],
  [
    'a contributed model named like a paper model',
    family('dup.csv', twoModels('Dup').replace('Dup-1B', 'OPT-1.3B')),
    /^data\/families\/dup\.csv:2: column "model": duplicate model name "OPT-1\.3B"/m,
  ],
  [
    'the same family in two files',
    (d) => {
      family('x1.csv', twoModels('Twice'))(d);
      family('x2.csv', twoModels('Twice').replace(/Twice-/g, 'Again-'))(d);
    },
    /^data\/families\/x2\.csv:2: column "family": family "Twice" is already contributed by data\/families\/x1\.csv/m,
  ],
  [
    'a family file that is not UTF-8',
    family('latin.csv', Buffer.concat([Buffer.from(`${FAMILY_HEADER}\nCaf`), Buffer.from([0xe9]), Buffer.from('-1B,Latin,1,50,40,30,55,26,test\n')])),
    /^data\/families\/latin\.csv:2: not valid UTF-8 text/m,
  ],
  [
    'a directory named like a family file',
    (d) => mkdirSync(join(d, 'families', 'folder.csv'), { recursive: true }),
    /^data\/families\/folder\.csv: is a directory; expected a CSV file/m,
  ],
  [
    'a benchmark missing from benchmarks.csv',
    (d) =>
      editFile(join(d, 'benchmarks.csv'), (t) =>
        t
          .split('\n')
          .filter((l) => !l.startsWith('gsm8k,'))
          .join('\n'),
      ),
    /^data\/benchmarks\.csv:1: column "benchmark": no row for "gsm8k"/m,
  ],
  ['an item count of zero', swap('benchmarks.csv', ',10042,', ',0,'), /^data\/benchmarks\.csv:2: column "n_items": expected an integer >= 1, got 0/m],
  [
    'a leaderboard family naming a repository the table lacks',
    (d) => appendFileSync(join(d, 'leaderboard-families.csv'), 'Ghost,ghost/ghost-7b,7,scratch,no,no,release name,,test\n'),
    /^data\/leaderboard-families\.csv:\d+: column "repo": "ghost\/ghost-7b" is not in data\/open-llm-leaderboard-v1\.csv/m,
  ],
  [
    'a leaderboard table without its TruthfulQA column',
    swap('open-llm-leaderboard-v1.csv', ',truthfulqa,', ',truthful_qa,'),
    /^data\/open-llm-leaderboard-v1\.csv:1: column "truthfulqa": required column is missing/m,
  ],
  [
    'a pre-registered rule without its threshold',
    (d) => editFile(join(d, 'preregistration.csv'), (t) => t.replace(',2.9,13.4,,,2,', ',,13.4,,,2,')),
    /^data\/preregistration\.csv:2: column "threshold_low_b": P1's rule needs a value here/m,
  ],
  [
    'a claim id given twice',
    (d) => appendFileSync(join(d, 'claims.csv'), readFileSync(join(d, 'claims.csv'), 'utf8').split('\n')[1] + '\n'),
    /^data\/claims\.csv:\d+: column "id": duplicate claim id "A\.abs\.n_models"/m,
  ],
  [
    'a published value that is not a number',
    swap('claims.csv', 'coupling analysis,63,,,count', 'coupling analysis,sixty-three,,,count'),
    /^data\/claims\.csv:2: column "value": expected a number or an empty cell, got "sixty-three"/m,
  ],
  [
    'an unknown evidence grade',
    swap('interventions.csv', ',weak,', ',tentative,'),
    /^data\/interventions\.csv:\d+: column "evidence": expected one of "strong"/m,
  ],
  [
    'a width without its source',
    swap(
      'architecture.csv',
      'EleutherAI/pythia-70m,Pythia,,512,6,8,50304,TL: TransformerLensOrg/TransformerLens@4cd36aa docs/source/_static/model_properties_table.jsonl (generated from HF config.json)',
      'EleutherAI/pythia-70m,Pythia,,512,6,8,50304,',
    ),
    /^data\/architecture\.csv:2: column "source": a width needs its source/m,
  ],
  [
    'a junk file of 200,000 rows',
    (d) =>
      writeFileSync(
        join(d, 'interventions.csv'),
        `phase,intervention,suggestion,paper_caveat,evidence,evidence_note,source\n${'x,y,z,w,v,u,t\n'.repeat(200_000)}`,
      ),
    /\.\.\. and \d{6} more$/m,
  ],
];

/** Every file under results/ and its hash: must be the same after a refused run. */
function snapshot(dir: string): string {
  return JSON.stringify(hashFiles(dir, listFiles(dir, '.')));
}

describe('malformed inputs stop the run with their place named and nothing written', () => {
  const resultsDir = tempDir();
  mkdirSync(join(resultsDir, 'kept'), { recursive: true });
  writeFileSync(join(resultsDir, 'kept', 'manifest.json'), '{}\n');

  it.each(CASES)(
    '%s',
    async (_name, edit, want) => {
      const dataDir = copyData();
      edit(dataDir);
      const before = snapshot(resultsDir);
      let message = '';
      try {
        await reproduce({ root: ROOT, dataDir, resultsDir, resamples: 5, png: false, log: () => {} });
      } catch (e) {
        expect(e).toBeInstanceOf(InputErrors);
        message = (e as Error).message
          .split('\n')
          .map((l) => l.trim())
          .join('\n');
      }
      expect(message, 'the run should have been refused').toMatch(want);
      expect(message).not.toMatch(/\n\s+at /);
      expect(message.split('\n').length).toBeLessThanOrEqual(22);
      expect(snapshot(resultsDir)).toBe(before);
      expect(readdirSync(resultsDir).filter((f) => f.startsWith('.'))).toEqual([]);
    },
    60_000,
  );

  it('skips a stray file in data/families/ with a warning', async () => {
    const dataDir = copyData();
    mkdirSync(join(dataDir, 'families'));
    writeFileSync(join(dataDir, 'families', 'notes.txt'), 'not a family\n');
    const lines: string[] = [];
    await reproduce({ root: ROOT, dataDir, resultsDir: tempDir(), resamples: 5, png: false, log: (l) => lines.push(l) });
    expect(lines).toContain('warning: data/families/notes.txt is not a .csv file; skipped');
  }, 120_000);
});

describe('config values are checked before any stage runs', () => {
  it.each([
    ['noise.draws', (c: Config): void => void (c.noise.draws = 0), /pipeline\/config\.ts: at "noise\.draws": expected an integer >= 1, got 0/],
    ['noise.resolvedP', (c: Config): void => void (c.noise.resolvedP = [0.9, 0.1]), /at "noise\.resolvedP": expected \[low, high\]/],
    ['width.nullResamples', (c: Config): void => void (c.width.nullResamples = 1.5), /at "width\.nullResamples": expected an integer >= 1, got 1\.5/],
    ['coupling.exactPermutationMaxN', (c: Config): void => void (c.coupling.exactPermutationMaxN = 20), /at "coupling\.exactPermutationMaxN": 20! orderings/],
    ['seed', (c: Config): void => void (c.seed = ''), /at "seed": expected a non-empty string/],
  ] as const)('%s', (_key, edit, want) => {
    const cfg = structuredClone(config);
    edit(cfg);
    expect(() => runPipeline({ dataDir: join(ROOT, 'data'), config: cfg })).toThrow(want);
  });
});

describe('a family given to cape diagnose', () => {
  it('is refused with the line and column of a control character or an unknown column', () => {
    expect(() => parseFamily(`${FAMILY_HEADER}\nA\u0001-1B,A,1,50,40,30,55,26,test\n`, 'f.csv')).toThrow(/f\.csv:2: column "model": holds a control character/);
    expect(() => parseFamily(twoModels('A').replace('arc,', 'arc_25,'), 'f.csv')).toThrow(/f\.csv:1: column "arc_25": unknown column/);
  });
});

describe('valid encodings are accepted with identical numbers', () => {
  it('reads a models.csv with a byte-order mark, CRLF line ends and every cell quoted exactly as the plain file', async () => {
    const plain = copyData();
    const fancy = copyData();
    editFile(
      join(fancy, 'models.csv'),
      (t) =>
        '\ufeff' +
        t
          .trimEnd()
          .split('\n')
          .map((line) => {
            const cells: string[] = [];
            let cur = '';
            let q = false;
            for (const ch of line) {
              if (ch === '"') q = !q;
              if (ch === ',' && !q) {
                cells.push(cur);
                cur = '';
              } else cur += ch;
            }
            cells.push(cur);
            return cells.map((c) => (c.startsWith('"') ? c : `"${c}"`)).join(',');
          })
          .join('\r\n') +
        '\r\n',
    );
    const run = async (d: string) =>
      readFileSync(
        join((await reproduce({ root: ROOT, dataDir: d, resultsDir: tempDir(), resamples: 5, png: false, log: () => {} })).path, 'claims.csv'),
        'utf8',
      );
    expect(statSync(join(fancy, 'models.csv')).size).toBeGreaterThan(statSync(join(plain, 'models.csv')).size);
    expect(await run(fancy)).toBe(await run(plain));
  }, 180_000);
});
