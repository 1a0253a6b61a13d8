import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../pipeline/cli/main.ts';
import { reproduce } from '../pipeline/cli/reproduce.ts';
import { diffResults, diffTable, formatDiff, hasChanges } from '../pipeline/diff.ts';
import { copyData, editFile, ROOT, tempDir } from './helpers/fixtures.ts';

const quiet = () => {};

describe('diffTable', () => {
  it('matches rows by key columns and reports old, new and delta', () => {
    const a = {
      id: 't',
      key: ['k'],
      columns: [
        { key: 'k', label: 'k' },
        { key: 'v', label: 'v' },
      ],
      rows: [
        { k: 'x', v: 1 },
        { k: 'y', v: 2 },
      ],
    };
    const b = {
      ...a,
      rows: [
        { k: 'y', v: 2.5 },
        { k: 'z', v: 3 },
      ],
    };
    const d = diffTable(a, b);
    expect(d.changed).toEqual([{ row: 'k=y', column: 'v', old: 2, new: 2.5, delta: 0.5 }]);
    expect(d.added).toEqual(['k=z']);
    expect(d.removed).toEqual(['k=x']);
  });
});

describe('diff between result versions', () => {
  let before = '';
  let after = '';
  beforeAll(async () => {
    const resultsDir = tempDir();
    const dataDir = copyData();
    before = (await reproduce({ root: ROOT, dataDir, resultsDir, resamples: 100, png: false, log: quiet })).path;
    editFile(join(dataDir, 'models.csv'), (t) =>
      t.replace('OLMo-7B,OLMo,allenai/OLMo-7B-hf,7,4096,32,78,35.7', 'OLMo-7B,OLMo,allenai/OLMo-7B-hf,7,4096,32,78,36.4'),
    );
    after = (await reproduce({ root: ROOT, dataDir, resultsDir, resamples: 100, png: false, log: quiet })).path;
  });

  it('shows a changed data cell in the tables and the ledger rows whose status moved', () => {
    const d = diffResults(before, after);
    expect(hasChanges(d)).toBe(true);
    const intervals = d.tables.find((t) => t.table === 'A-s2-coupling-intervals');
    const cell = intervals?.changed.find((c) => c.row === 'panel=as published, family=OLMo, from=OLMo-1B, to=OLMo-7B' && c.column === 'd_tqa');
    expect(cell?.old).toBeCloseTo(35.7 - 36.4, 6);
    expect(cell?.new).toBe(0);
    expect(d.statusChanges.some((s) => s.id === 'A.s1.olmo_gamma')).toBe(true);
    expect(formatDiff(d, 'a', 'b')).toMatch(/d_tqa: -0\.7 → 0 \(Δ \+0\.7\)/);
  });

  it('finds nothing between a folder and its copy', () => {
    const copy = join(tempDir(), 'copy');
    cpSync(before, copy, { recursive: true });
    expect(hasChanges(diffResults(before, copy))).toBe(false);
  });

  it('exits 0 for no change, 1 for a change and 2 for a version that does not exist', async () => {
    const log = console.log;
    const err = console.error;
    console.log = () => {};
    console.error = () => {};
    try {
      expect(await main(['diff', before, before])).toBe(0);
      expect(await main(['diff', before, after])).toBe(1);
      expect(await main(['diff', before, 'no-such-version'])).toBe(2);
      expect(await main(['diff', before])).toBe(2);
    } finally {
      console.log = log;
      console.error = err;
    }
  });
});

describe('reference snapshot check', () => {
  it('passes on an identical snapshot and fails on a planted difference, naming the cell', async () => {
    const { checkReference, referenceMatches, writeSnapshot, formatReferenceCheck } = await import('../pipeline/reference.ts');
    const run = (await reproduce({ root: ROOT, resultsDir: tempDir(), resamples: 100, png: false, log: quiet })).path;
    const ref = join(tempDir(), 'reference');
    writeSnapshot(run, ref);
    expect(referenceMatches(checkReference(run, ref))).toBe(true);
    const json = join(ref, 'tables', 'A-s2-family-correlations.json');
    const t = JSON.parse(readFileSync(json, 'utf8'));
    t.rows[0].n = 999;
    writeFileSync(json, JSON.stringify(t, null, 2) + '\n');
    const check = checkReference(run, ref);
    expect(referenceMatches(check)).toBe(false);
    expect(check.differing).toContain('tables/A-s2-family-correlations.json');
    expect(formatReferenceCheck(check)).toMatch(/\] n: 999 → /);
  });
});
