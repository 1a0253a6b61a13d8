import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reproduce } from '../pipeline/cli/reproduce.ts';
import { copyData, ingestErrors, ROOT, tempDir } from './helpers/fixtures.ts';

const HEADER = 'model,family,params_b,hellaswag,truthfulqa_mc2,arc,winogrande,mmlu,source';

let plain = '';
let withFamilies = '';
const json = (dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as { rows: Record<string, unknown>[] };
const table = (dir: string, id: string) => json(dir, join('tables', `${id}.json`));

beforeAll(async () => {
  const bare = copyData();
  plain = (await reproduce({ root: ROOT, dataDir: bare, resultsDir: tempDir(), resamples: 100, png: false, log: () => {} })).path;
  const dataDir = copyData();
  mkdirSync(join(dataDir, 'families'));
  copyFileSync(join(dataDir, 'examples', 'qwen1.5.csv'), join(dataDir, 'families', 'qwen1.5.csv'));
  writeFileSync(
    join(dataDir, 'families', 'untested.csv'),
    `${HEADER}\nNoTqa-1B,NoTqa,1,50,,30,55,26,test fixture\nNoTqa-7B,NoTqa,7,70,,40,60,30,test fixture\n`,
  );
  withFamilies = (await reproduce({ root: ROOT, dataDir, resultsDir: tempDir(), resamples: 100, png: false, log: () => {} })).path;
}, 300_000);

describe('adding a family takes data only', () => {
  it('puts a contributed family in its own rows of the coupling, Table 1, width and panel tables', () => {
    expect(table(withFamilies, 'panel-families').rows.find((r) => r.family === 'Qwen1.5')?.origin).toBe('contributed');
    const intervals = table(withFamilies, 'A-s2-coupling-intervals').rows.filter((r) => r.family === 'Qwen1.5');
    expect(intervals).toHaveLength(7);
    expect(new Set(intervals.map((r) => r.panel))).toEqual(new Set(['contributed']));
    for (const id of ['A-tab1-critical-scale', 'A-s5-width-normalisation']) {
      const panels = table(withFamilies, id)
        .rows.filter((r) => r.family === 'Qwen1.5')
        .map((r) => r.panel);
      expect(panels.length, id).toBeGreaterThan(0);
      expect(new Set(panels), id).toEqual(new Set(['contributed']));
    }
  });

  it('draws the contributed family beside the paper’s in the running-coupling and width figures', () => {
    for (const fig of ['A-fig1b-running-coupling', 'A-fig4b-width-normalisation'])
      expect(readFileSync(join(withFamilies, 'figures', `${fig}.vl.json`), 'utf8')).toContain('Qwen1.5');
  });

  it('reports a family without TruthfulQA as not testable, with a reason, instead of failing', () => {
    const row = table(withFamilies, 'A-tab1-critical-scale').rows.find((r) => r.family === 'NoTqa');
    expect(JSON.stringify(row)).toMatch(/not testable/);
  });

  it('never changes the papers’ results: the ledger and every row of the paper’s panels are the same as without it', () => {
    expect(json(withFamilies, 'claims.json').rows).toEqual(json(plain, 'claims.json').rows);
    for (const file of readdirSync(join(plain, 'tables')).filter((f) => f.endsWith('.json') && f !== 'schema.json')) {
      const paperRows = (dir: string) =>
        json(dir, join('tables', file)).rows.filter(
          (r) => r.panel !== 'contributed' && !(file.startsWith('panel-') && (r.family === 'Qwen1.5' || r.family === 'NoTqa')),
        );
      expect(paperRows(withFamilies), file).toEqual(paperRows(plain));
    }
  });
});

describe('contributed family files that are refused', () => {
  const errorsWith = (name: string, text: string) => {
    const dir = copyData();
    mkdirSync(join(dir, 'families'), { recursive: true });
    writeFileSync(join(dir, 'families', name), text);
    return ingestErrors(dir);
  };

  it('a family named like one of the paper’s, naming both files', () => {
    const errs = errorsWith('opt.csv', `${HEADER}\nX-1B,OPT,1,50,40,30,55,26,test\nX-2B,OPT,2,55,39,30,55,26,test\n`);
    expect(
      errs.some((e) => /^data\/families\/opt\.csv:2: family: "OPT" is a family of the paper's panel \(data\/models\.csv:\d+\)/.test(e)),
      errs.join('\n'),
    ).toBe(true);
  });

  it('a one-model family', () => {
    const errs = errorsWith('lonely.csv', `${HEADER}\nLonely-1B,Lonely,1,50,40,30,55,26,test fixture\n`);
    expect(errs).toEqual(['data/families/lonely.csv:2: : a family needs at least 2 models (sizes) to have an interval; this file has 1']);
  });

  it('a header-only file, about that file', () => {
    const errs = errorsWith('empty.csv', `${HEADER}\n`);
    expect(errs).toEqual(['data/families/empty.csv:2: : no model rows after the header; a family file needs at least one model per line']);
  });
});
