import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reproduce } from '../pipeline/cli/reproduce.ts';
import { listFiles } from '../pipeline/io/hash.ts';
import { InputErrors } from '../pipeline/io/validate.ts';
import { copyData, editFile, ROOT, tempDir } from './helpers/fixtures.ts';

const quiet = () => {};
const RESAMPLES = 200;

describe('reproduce', () => {
  it('writes byte-identical tables, specs and ledger when run twice from scratch', async () => {
    const a = await reproduce({ root: ROOT, resultsDir: tempDir(), resamples: RESAMPLES, png: false, log: quiet });
    const b = await reproduce({ root: ROOT, resultsDir: tempDir(), resamples: RESAMPLES, png: false, log: quiet });
    expect(a.version).toBe(b.version);
    const files = listFiles(a.path, '.').filter((f) => f !== 'manifest.json');
    expect(files).toEqual(listFiles(b.path, '.').filter((f) => f !== 'manifest.json'));
    expect(files.some((f) => f.startsWith('tables/'))).toBe(true);
    expect(files.some((f) => f.endsWith('.vl.json'))).toBe(true);
    for (const f of files) expect(readFileSync(join(b.path, f)).equals(readFileSync(join(a.path, f))), f).toBe(true);
  });

  it('does nothing on a rerun with unchanged inputs and never overwrites a version', async () => {
    const resultsDir = tempDir();
    const first = await reproduce({ root: ROOT, resultsDir, resamples: RESAMPLES, png: false, log: quiet });
    const manifest = readFileSync(join(first.path, 'manifest.json'), 'utf8');
    const lines: string[] = [];
    const second = await reproduce({ root: ROOT, resultsDir, resamples: RESAMPLES, png: false, log: (l) => lines.push(l) });
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(lines.join('\n')).toMatch(/nothing to do/);
    expect(readFileSync(join(first.path, 'manifest.json'), 'utf8')).toBe(manifest);
    expect(readlinkSync(join(resultsDir, 'latest'))).toBe(first.version);
  });

  it('gives a new version when the data change, and points latest to it', async () => {
    const resultsDir = tempDir();
    const dataDir = copyData();
    const first = await reproduce({ root: ROOT, dataDir, resultsDir, resamples: RESAMPLES, png: false, log: quiet });
    editFile(join(dataDir, 'models.csv'), (t) =>
      t.replace('OPT-1.3B,OPT,facebook/opt-1.3b,1.3,2048,24,54.53', 'OPT-1.3B,OPT,facebook/opt-1.3b,1.3,2048,24,54.63'),
    );
    const second = await reproduce({ root: ROOT, dataDir, resultsDir, resamples: RESAMPLES, png: false, log: quiet });
    expect(second.version).not.toBe(first.version);
    expect(existsSync(first.path) && existsSync(second.path)).toBe(true);
    expect(readlinkSync(join(resultsDir, 'latest'))).toBe(second.version);
  });

  it('writes nothing at all when an input is invalid', async () => {
    const resultsDir = tempDir();
    const dataDir = copyData();
    editFile(join(dataDir, 'models.csv'), (t) => t.replace(',54.53,', ',5x.53,'));
    await expect(reproduce({ root: ROOT, dataDir, resultsDir, resamples: RESAMPLES, png: false, log: quiet })).rejects.toThrow(InputErrors);
    expect(readdirSync(resultsDir)).toEqual([]);
  });

  it('writes a PNG next to every SVG and spec, and a manifest with hashes, seed and timings', async () => {
    const r = await reproduce({ root: ROOT, resultsDir: tempDir(), resamples: RESAMPLES, png: true, log: quiet });
    const figs = readdirSync(join(r.path, 'figures'));
    const stems = figs.filter((f) => f.endsWith('.vl.json')).map((f) => f.replace('.vl.json', ''));
    expect(stems.length).toBeGreaterThan(0);
    for (const s of stems) {
      const png = readFileSync(join(r.path, 'figures', `${s}.png`));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(readFileSync(join(r.path, 'figures', `${s}.svg`), 'utf8')).toMatch(/<text/);
    }
    const manifest = JSON.parse(readFileSync(join(r.path, 'manifest.json'), 'utf8'));
    expect(manifest.seed).toBeTypeOf('string');
    expect(manifest.inputs.some((i: { path: string }) => i.path === 'data/models.csv')).toBe(true);
    expect(manifest.outputs.some((o: { path: string }) => o.path === 'claims.csv')).toBe(true);
    expect(manifest.timings_ms.total).toBeGreaterThan(0);
  });

  it('takes unchanged figures from the previous version, byte-identical to rendering them afresh', async () => {
    const resultsDir = tempDir();
    await reproduce({ root: ROOT, resultsDir, resamples: RESAMPLES, png: true, log: quiet });
    const lines: string[] = [];
    const second = await reproduce({ root: ROOT, resultsDir, seed: 'another seed', resamples: RESAMPLES, png: true, log: (l) => lines.push(l) });
    expect(lines.join('\n')).toMatch(/\d+ unchanged figure\(s\) taken from [0-9a-f]{12}/);
    const fresh = await reproduce({ root: ROOT, resultsDir: tempDir(), seed: 'another seed', resamples: RESAMPLES, png: true, log: quiet });
    expect(fresh.version).toBe(second.version);
    const figures = readdirSync(join(fresh.path, 'figures'));
    expect(readdirSync(join(second.path, 'figures'))).toEqual(figures);
    for (const f of figures) expect(readFileSync(join(second.path, 'figures', f)).equals(readFileSync(join(fresh.path, 'figures', f))), f).toBe(true);
  });
});
