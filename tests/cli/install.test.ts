import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/fixtures.ts';

/**
 * What a user on a fresh machine does: npm pack, npm install -g of the
 * tarball into a prefix of their own, then cape reproduce in a folder of
 * their own. The install is tried offline from the local npm cache first; a
 * cache that lacks something (CI after `npm ci` holds tarballs but not the
 * registry's package documents) falls back to the registry, and only when the
 * registry cannot be reached is the test skipped, saying so.
 */
describe('the packed package', () => {
  it('installs globally from its tarball and reproduces into --out from any folder', { timeout: 600_000 }, async (ctx) => {
    const { $ } = await import('zx');
    const q = $({ quiet: true, nothrow: true });
    const dir = tempDir('cape-install-');
    const prefix = join(dir, 'prefix');
    const pack = await q({ cwd: ROOT })`npm pack --pack-destination ${dir}`;
    expect(pack.exitCode, pack.stderr).toBe(0);
    const tarball = join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
    const install = (mode: string) => q({ cwd: dir })`npm install -g --prefix ${prefix} ${mode} --no-audit --no-fund ${tarball}`;
    let installed = await install('--offline');
    if (installed.exitCode !== 0 && /ENOTCACHED/.test(installed.stderr)) {
      const ping = await q`npm ping --fetch-timeout=5000 --fetch-retries=0`;
      if (ping.exitCode !== 0) {
        console.warn(
          `SKIPPED the install test: the local npm cache lacks a package and the registry is unreachable:\n${installed.stderr.split('\n').find((l) => /ENOTCACHED|request to/.test(l)) ?? ''}`,
        );
        ctx.skip('the local npm cache lacks a package and the registry is unreachable');
      }
      installed = await install('--prefer-offline');
    }
    expect(installed.exitCode, installed.stderr).toBe(0);

    const cape = join(prefix, 'bin', 'cape');
    const home = tempDir('cape-user-');
    const version = await q({ cwd: home })`${cape} --version`;
    expect(version.stdout.trim()).toMatch(/^cape \(cape-repro\) \d+\.\d+\.\d+$/);
    const out = join(home, 'my-results');
    const run = await q({ cwd: home })`${cape} reproduce --out ${out} --resamples 20 --no-png --json`;
    expect(run.exitCode, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as { path: string; created: boolean };
    expect(r.created).toBe(true);
    expect(r.path).toBe(join(out, readdirSync(out).find((f) => f !== 'latest')!));
    for (const f of ['claims.csv', 'REPORT.md', 'manifest.json', 'tables/A-tab1-critical-scale.csv']) expect(existsSync(join(r.path, f)), f).toBe(true);
    // Nothing was written into the installed package.
    expect(existsSync(join(prefix, 'lib', 'node_modules', 'cape-repro', 'results', 'latest'))).toBe(false);
  });
});
