import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reproduce } from '../pipeline/cli/reproduce.ts';
import { copyData, ROOT, tempDir } from './helpers/fixtures.ts';

let dir = '';
const table = (id: string) => JSON.parse(readFileSync(join(dir, 'tables', `${id}.json`), 'utf8')) as { rows: Record<string, unknown>[] };

beforeAll(async () => {
  const dataDir = copyData();
  mkdirSync(join(dataDir, 'families'));
  copyFileSync(join(dataDir, 'examples', 'qwen1.5.csv'), join(dataDir, 'families', 'qwen1.5.csv'));
  const header = 'model,family,params_b,hellaswag,truthfulqa_mc2,arc,winogrande,mmlu,source';
  writeFileSync(join(dataDir, 'families', 'lonely.csv'), `${header}\nLonely-1B,Lonely,1,50,40,30,55,26,test fixture\n`);
  writeFileSync(join(dataDir, 'families', 'untested.csv'), `${header}\nNoTqa-1B,NoTqa,1,50,,30,55,26,test fixture\nNoTqa-7B,NoTqa,7,70,,40,60,30,test fixture\n`);
  dir = (await reproduce({ root: ROOT, dataDir, resultsDir: tempDir(), resamples: 100, png: false, log: () => {} })).path;
});

describe('adding a family takes data only', () => {
  it('puts a contributed family in the coupling, Table 1, width, sensitivity and panel tables', () => {
    expect(table('panel-families').rows.find((r) => r.family === 'Qwen1.5')?.origin).toBe('contributed');
    expect(table('A-s2-coupling-intervals').rows.filter((r) => r.family === 'Qwen1.5' && r.panel === 'as published')).toHaveLength(7);
    expect(table('A-tab1-critical-scale').rows.some((r) => r.family === 'Qwen1.5')).toBe(true);
    expect(table('A-s5-width-normalisation').rows.some((r) => r.family === 'Qwen1.5')).toBe(true);
    expect(table('sensitivity-families').rows.some((r) => r.family === 'Qwen1.5')).toBe(true);
  });

  it('draws the contributed family in the phase diagram and the running-coupling figure', () => {
    for (const fig of ['A-fig1a-phase-diagram', 'A-fig1b-running-coupling']) expect(readFileSync(join(dir, 'figures', `${fig}.vl.json`), 'utf8')).toContain('Qwen1.5');
  });

  it('reports a one-model family and a family without TruthfulQA as not testable, with a reason, instead of failing', () => {
    const rows = table('A-tab1-critical-scale').rows.filter((r) => r.panel === 'as published');
    const text = (family: string) => JSON.stringify(rows.find((r) => r.family === family));
    expect(text('Lonely')).toMatch(/not testable: a single model/);
    expect(text('NoTqa')).toMatch(/not testable/);
  });
});
