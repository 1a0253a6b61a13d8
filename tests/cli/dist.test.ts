import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reproduce } from '../../pipeline/cli/reproduce.ts';
import { editFile, ROOT, tempDir } from '../helpers/fixtures.ts';

/** Runs the built command as a user would: node bin/cape.mjs ARGS. */
function cape(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'cape.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Every module the chunk imports statically, and theirs, with the npm packages among them. */
function staticGraph(entry: string): { chunks: Set<string>; packages: Set<string> } {
  const chunks = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (chunks.has(file)) return;
    chunks.add(file);
    const text = readFileSync(join(ROOT, 'dist', file), 'utf8');
    for (const m of text.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["'];?$/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('./')) visit(spec.slice(2));
      else if (!spec.startsWith('node:')) packages.add(spec);
    }
  };
  visit(entry);
  return { chunks, packages };
}

describe('the built cape (dist/)', () => {
  it('loads no npm package and no command at start-up: every command comes in on demand', () => {
    const { chunks, packages } = staticGraph('cape.mjs');
    expect([...packages]).toEqual([]);
    expect([...chunks].some((c) => /command|reproduce|figure|A-fig/.test(c))).toBe(false);
    const text = readFileSync(join(ROOT, 'dist', 'cape.mjs'), 'utf8');
    expect(text).toMatch(/import\(["']\.\/reproduce-command-/);
  });

  it('prints usage on stderr with exit 2 when run bare, and its version on stdout', () => {
    const bare = cape([]);
    expect([bare.code, bare.out]).toEqual([2, '']);
    expect(bare.err).toMatch(/^usage: cape/);
    const v = cape(['--version']);
    expect([v.code, v.err]).toEqual([0, '']);
    expect(v.out.trim()).toBe(`cape (cape-repro) ${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}`);
  });

  it('writes JSON on stdout and progress on stderr, with the version the sources give, and does nothing the second time', async () => {
    const out = tempDir();
    const first = cape(['reproduce', '--out', out, '--resamples', '20', '--no-png', '--json']);
    expect(first.code, first.err).toBe(0);
    const r = JSON.parse(first.out);
    expect(r.created).toBe(true);
    expect(r.path).toBe(join(out, r.version));
    expect(Object.keys(r.claims)).toEqual(['A', 'B']);
    expect(first.err).toMatch(/^\[1\/\d+\] ingest/m);
    expect(first.err).toMatch(/^\[emit\] \d+ tables/m);
    // The same sources run through tsx give the same version: the bundle carries the hashes of the code it was built from.
    const fromSources = await reproduce({ root: ROOT, resultsDir: out, resamples: 20, png: false, log: () => {} });
    expect(fromSources).toMatchObject({ version: r.version, created: false });
    const again = cape(['reproduce', '--out', out, '--resamples', '20', '--no-png']);
    expect(again.code).toBe(0);
    expect(again.out.trim()).toBe(r.path);
    expect(again.err).toMatch(/nothing to do/);
  });

  it('turns an error that escapes every command into one line and exit 3, and shows the stack with CAPE_DEBUG=1', () => {
    const args = ['reproduce', '--out', tempDir(), '--resamples', '5'];
    const r = cape(args, { CAPE_FONT_DIR: '/nonexistent' });
    expect(r.code).toBe(3);
    expect(r.err.trim().split('\n')).toEqual([
      expect.stringMatching(/^cape reproduce: internal error: font file\(s\) not found: \/nonexistent\/DejaVuSans\.ttf/),
      'set CAPE_DEBUG=1 for the stack trace',
    ]);
    expect(cape(args, { CAPE_FONT_DIR: '/nonexistent', CAPE_DEBUG: '1' }).err).toMatch(/\n\s+at .+\n/);
  });

  it('exits 2 naming the file, line and column when an edited source, such as the config, does not compile', () => {
    const copy = tempDir('cape-copy-');
    for (const d of ['bin', 'scripts', 'pipeline', 'figures', 'steer', 'data', 'package.json', 'package-lock.json'])
      cpSync(join(ROOT, d), join(copy, d), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
    editFile(join(copy, 'pipeline', 'config.ts'), (t) => t.replace('    phaseThreshold: 0.1,', '    phaseThreshold: 0.1,,'));
    const line =
      readFileSync(join(copy, 'pipeline', 'config.ts'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('phaseThreshold: 0.1,,')) + 1;
    const r = spawnSync(process.execPath, [join(copy, 'bin', 'cape.mjs'), '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^cape: cannot build dist/ from the sources:\\n  pipeline/config\\.ts:${line}:\\d+: `, 'm'));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
