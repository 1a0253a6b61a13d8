import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './helpers/fixtures.ts';

it('the whole project is formatted and passes the linter (Biome, biome.json)', () => {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/biome'), ['check', '--max-diagnostics=20', ROOT], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stdout + r.stderr).toBe(0);
});
