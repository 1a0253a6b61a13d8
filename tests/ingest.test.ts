import { rmSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../pipeline/ingest.ts';
import { copyData, editFile, ingestErrors, setCell } from './helpers/fixtures.ts';

const lineOf = (dataDir: string, file: string, model: string) =>
  readFileSync(join(dataDir, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.startsWith(model + ',')) + 1;

describe('ingest rejects malformed inputs with file, line and column', () => {
  const cases: [string, (d: string) => void, (d: string) => RegExp][] = [
    [
      'a missing required column',
      (d) => editFile(join(d, 'models.csv'), (t) => t.replace('hellaswag,', 'hellaswag_acc,')),
      () => /^data\/models\.csv:1: hellaswag: required column is missing/,
    ],
    [
      'a score that is not a number',
      (d) => setCell(d, 'models.csv', 'OPT-1.3B', 'truthfulqa_mc2', 'abc'),
      (d) => new RegExp(`^data/models\\.csv:${lineOf(d, 'models.csv', 'OPT-1.3B')}: truthfulqa_mc2: expected a number in \\[0, 100\\], got "abc"`),
    ],
    [
      'a score above 100',
      (d) => setCell(d, 'models.csv', 'OPT-1.3B', 'hellaswag', '120'),
      () => /models\.csv:\d+: hellaswag: expected a number in \[0, 100\], got 120/,
    ],
    [
      'a parameter count given as a raw count',
      (d) => setCell(d, 'models.csv', 'Pythia-70M', 'params_b', '70000000'),
      () => /params_b: expected parameters in billions, got 70000000 \(looks like a raw parameter count\)/,
    ],
    ['a negative parameter count', (d) => setCell(d, 'models.csv', 'Pythia-70M', 'params_b', '-1'), () => /params_b: expected a number >= 0.001, got -1/],
    ['an empty model name', (d) => setCell(d, 'models.csv', 'OPT-125M', 'model', ''), () => /model: a value is required/],
    [
      'a repeated model name',
      (d) => setCell(d, 'models.csv', 'OPT-350M', 'model', 'OPT-125M'),
      () => /model: duplicate model name "OPT-125M" \(first at data\/models\.csv:\d+\)/,
    ],
    [
      'a repeated Hugging Face id that is not marked duplicate',
      (d) => setCell(d, 'models.csv', 'OPT-350M', 'hf_id', 'facebook/opt-125m'),
      () => /hf_id: "facebook\/opt-125m" already appears at data\/models\.csv:\d+; mark one of them quirk=duplicate/,
    ],
    [
      'a duplicate mark with no twin',
      (d) => setCell(d, 'models.csv', 'OPT-350M', 'quirk', 'duplicate'),
      () => /quirk: quirk=duplicate but no other row has hf_id "facebook\/opt-350m"/,
    ],
    ['an unknown quirk', (d) => setCell(d, 'models.csv', 'OPT-350M', 'quirk', 'weird'), () => /quirk: expected one of "duplicate", "misfiled", got "weird"/],
    [
      'a misfiled model without its real family',
      (d) => setCell(d, 'models.csv', 'GPT-J-6B', 'audited_family', ''),
      () => /audited_family: quirk=misfiled needs the real family in audited_family/,
    ],
    [
      'a real family on a model that is not misfiled',
      (d) => setCell(d, 'models.csv', 'OPT-350M', 'audited_family', 'OPT2'),
      () => /audited_family: audited_family is only used with quirk=misfiled/,
    ],
    [
      'scores given as fractions',
      (d) => {
        for (const c of ['hellaswag', 'truthfulqa_mc2', 'arc', 'winogrande', 'mmlu']) setCell(d, 'models.csv', 'OPT-350M', c, '0.4');
      },
      () => /hellaswag: every score is <= 1; expected percent \(0-100\), not fractions/,
    ],
    [
      'a row with a missing field',
      (d) => editFile(join(d, 'models.csv'), (t) => t.replace(/\nOPT-350M,[^\n]*/, '\nOPT-350M,OPT,facebook/opt-350m,0.35')),
      () => /models\.csv:\d+: : expected 16 fields, found 4/,
    ],
    [
      'an unterminated quote',
      (d) => editFile(join(d, 'models.csv'), (t) => t.replace('OPT-350M,', '"OPT-350M,')),
      () => /models\.csv:\d+: : a quoted field is never closed/,
    ],
    ['a non-integer width', (d) => setCell(d, 'models.csv', 'OPT-350M', 'd_model', '1024.5'), () => /d_model: expected an integer >= 1, got 1024\.5/],
    [
      'a family file that mixes two families',
      (d) => {
        mkdirSync(join(d, 'families'));
        writeFileSync(
          join(d, 'families', 'new.csv'),
          'model,family,params_b,hellaswag,truthfulqa_mc2,arc,winogrande,mmlu,source\nA-1B,NewFam,1,40,40,30,50,25,test\nB-2B,OtherFam,2,45,39,31,51,25,test\n',
        );
      },
      () => /^data\/families\/new\.csv:3: family: a family file holds one family; expected "NewFam" \(as on line 2\), got "OtherFam"/,
    ],
    [
      'a pooled-table row from an unknown family',
      (d) => editFile(join(d, 'extracted/pooled-nc-14-models.csv'), (t) => t.replace('Llama-1,7B', 'Llama-9,7B')),
      () => /^data\/extracted\/pooled-nc-14-models\.csv:10: family: unknown family "Llama-9"/,
    ],
    [
      'a duplicated claim id',
      (d) => editFile(join(d, 'claims.csv'), (t) => t.replace('A.abs.n_families,', 'A.abs.n_models,')),
      () => /^data\/claims\.csv:3: id: duplicate claim id "A\.abs\.n_models" \(first on line 2\)/,
    ],
    [
      'an unknown recomputable category',
      (d) =>
        editFile(join(d, 'claims.csv'), (t) => t.replace(',count,data/base_models_consolidated.json,yes,', ',count,data/base_models_consolidated.json,maybe,')),
      () => /^data\/claims\.csv:2: recomputable: expected one of "yes"/,
    ],
    [
      'a published value that is not a number',
      (d) =>
        editFile(join(d, 'claims.csv'), (t) =>
          t.replace('models in the reasoning-truthfulness coupling analysis,63,', 'models in the reasoning-truthfulness coupling analysis,sixty-three,'),
        ),
      () => /^data\/claims\.csv:2: value: expected a number or an empty cell, got "sixty-three"/,
    ],
    [
      'an unknown evidence grade for an intervention',
      (d) => editFile(join(d, 'interventions.csv'), (t) => t.replace(',weak,', ',solid,')),
      () => /^data\/interventions\.csv:2: evidence: expected one of "strong", "moderate", "weak", "anecdotal", "descriptive", got "solid"/,
    ],
    ['a missing input file', (d) => rmSync(join(d, 'leaderboard-v1.csv')), () => /^data\/leaderboard-v1\.csv:0: : cannot read the file \(ENOENT\)/],
  ];

  for (const [what, corrupt, expected] of cases) {
    it(`reports ${what}`, () => {
      const d = copyData();
      corrupt(d);
      const errors = ingestErrors(d);
      expect(errors.length).toBeGreaterThan(0);
      expect(
        errors.some((e) => expected(d).test(e)),
        errors.join('\n'),
      ).toBe(true);
    });
  }

  it('reports several errors from one run together', () => {
    const d = copyData();
    setCell(d, 'models.csv', 'OPT-1.3B', 'hellaswag', 'x');
    setCell(d, 'models.csv', 'BLOOM-3B', 'mmlu', '-4');
    const errors = ingestErrors(d);
    expect(errors.filter((e) => e.includes('hellaswag') || e.includes('mmlu')).length).toBe(2);
  });
});

describe('ingest accepts encoding variants', () => {
  it('reads a file with a byte-order mark, CRLF line ends and trailing blank lines the same as the clean file', () => {
    const d = copyData();
    const clean = ingest(d).models;
    editFile(join(d, 'models.csv'), (t) => '\uFEFF' + t.replace(/\n/g, '\r\n') + '\r\n\r\n');
    const messy = ingest(d).models;
    expect(messy.map((m) => [m.model, m.scores, m.paramsB])).toEqual(clean.map((m) => [m.model, m.scores, m.paramsB]));
  });

  it('loads the project data with a source on every row and the two marked quirks of each kind', () => {
    const data = ingest(copyData());
    expect(data.models.every((m) => m.source.length > 0)).toBe(true);
    expect(data.models.filter((m) => m.quirk === 'duplicate').map((m) => m.model)).toEqual(['Llama3-8B', 'Llama3-70B']);
    expect(data.models.filter((m) => m.quirk === 'misfiled').map((m) => [m.model, m.family])).toEqual([
      ['GPT-J-6B', 'Pythia'],
      ['GPT-NeoX-20B', 'Pythia'],
    ]);
  });
});
