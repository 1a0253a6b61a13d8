import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addMissingFiles, writeResultFolder } from '../../pipeline/io/result-folder.ts';
import { InputErrors } from '../../pipeline/io/validate.ts';
import { copyData, ROOT, tempDir } from '../helpers/fixtures.ts';

const files = (n: number, tag: string) => new Map<string, string>(Array.from({ length: n }, (_, i) => [`tables/t${i}.csv`, `${tag},${i}\n`]));
/** A pid no process has: above the kernel's default pid_max. */
const DEAD = 4_194_305;

describe('result folders', () => {
  it('removes what killed runs left behind: a hidden partial version, a latest link and a lock', () => {
    const dir = tempDir();
    mkdirSync(join(dir, `.tmp-abc-${DEAD}`, 'tables'), { recursive: true });
    writeFileSync(join(dir, `.tmp-abc-${DEAD}`, 'tables', 'half.csv'), 'x');
    writeFileSync(join(dir, '.lock'), `${DEAD}\n`);
    expect(writeResultFolder(dir, 'v1', files(3, 'a'))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['latest', 'v1']);
    expect(readlinkSync(join(dir, 'latest'))).toBe('v1');
  });

  it('never overwrites a version, and adds only the files it lacks', () => {
    const dir = tempDir();
    writeResultFolder(dir, 'v1', files(2, 'first'));
    expect(writeResultFolder(dir, 'v1', files(2, 'second'))).toBe(false);
    const added = addMissingFiles(
      dir,
      'v1',
      new Map([
        ['tables/t0.csv', 'other'],
        ['figures/f.png', 'png'],
      ]),
    );
    expect(added).toEqual(['figures/f.png']);
    expect(readdirSync(join(dir, 'v1', 'figures'))).toEqual(['f.png']);
  });

  it('waits for a live run holding the lock, and then says so with exit-2 input error instead of writing', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '.lock'), `${process.ppid}\n`);
    expect(() => writeResultFolder(dir, 'v2', files(1, 'x'), 200)).toThrow(InputErrors);
    expect(() => writeResultFolder(dir, 'v2', files(1, 'x'), 200)).toThrow(/another cape run \(pid \d+\) has held the results lock/);
    expect(existsSync(join(dir, 'v2'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
  });

  it('leaves only complete versions when a reproduce is killed (SIGKILL) mid-write, and the next run cleans up', async () => {
    const dataDir = copyData();
    const resultsDir = tempDir();
    mkdirSync(resultsDir, { recursive: true });
    const script = `import { reproduce } from ${JSON.stringify(join(ROOT, 'pipeline/cli/reproduce.ts'))};\nawait reproduce({ root: ${JSON.stringify(ROOT)}, dataDir: ${JSON.stringify(dataDir)}, resultsDir: ${JSON.stringify(resultsDir)}, resamples: 20, png: false, log: () => {} });\n`;
    const file = join(tempDir(), 'run.mts');
    writeFileSync(file, script);
    // One process (node with tsx's loader), so SIGKILL stops the very process that writes.
    const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, stdio: 'ignore' });
    const killed = await new Promise<boolean>((resolve) => {
      const watcher = watch(resultsDir, (_event, name) => {
        if (name && String(name).startsWith('.tmp-')) {
          child.kill('SIGKILL');
          watcher.close();
          resolve(true);
        }
      });
      child.on('exit', () => {
        watcher.close();
        resolve(false);
      });
    });
    await new Promise((r) => (child.exitCode === null && child.signalCode === null ? child.on('exit', r) : r(null)));
    const complete = (d: string) => readdirSync(d).filter((f) => !f.startsWith('.') && f !== 'latest');
    // The kill lands wherever the watcher's event lets it: before the rename nothing is visible, after it a whole version is.
    expect(killed).toBe(true);
    for (const v of complete(resultsDir)) expect(existsSync(join(resultsDir, v, 'manifest.json')), v).toBe(true);
    if (existsSync(join(resultsDir, 'latest'))) expect(existsSync(join(resultsDir, 'latest', 'manifest.json'))).toBe(true);
    expect(writeResultFolder(resultsDir, 'next', files(2, 'n'))).toBe(true);
    expect(readdirSync(resultsDir).filter((f) => f.startsWith('.'))).toEqual([]);
    expect(readlinkSync(join(resultsDir, 'latest'))).toBe('next');
  }, 120_000);
});

describe('a version written with --no-png', () => {
  it('gets its PNGs from a later run that wants them, byte-identical to a run that drew them from the start', async () => {
    const { reproduce } = await import('../../pipeline/cli/reproduce.ts');
    const dataDir = copyData();
    const lean = tempDir();
    const full = tempDir();
    const quiet = { root: ROOT, dataDir, resamples: 5, log: () => {} };
    const first = await reproduce({ ...quiet, resultsDir: lean, png: false });
    expect(readdirSync(join(first.path, 'figures')).some((f) => f.endsWith('.png'))).toBe(false);
    const again = await reproduce({ ...quiet, resultsDir: lean, png: true });
    expect(again.created).toBe(false);
    const drawn = await reproduce({ ...quiet, resultsDir: full, png: true });
    const pngs = (dir: string) =>
      readdirSync(join(dir, 'figures'))
        .filter((f) => f.endsWith('.png'))
        .sort();
    expect(pngs(first.path)).toEqual(pngs(drawn.path));
    expect(pngs(first.path).length).toBeGreaterThan(10);
    for (const f of pngs(first.path)) expect(readFileSync(join(first.path, 'figures', f)).equals(readFileSync(join(drawn.path, 'figures', f))), f).toBe(true);
  }, 300_000);
});
