import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers/fixtures.ts';

const make = (...args: string[]) => spawnSync('make', ['--no-print-directory', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('make diff', () => {
  it('passes cape diff’s exit status through: 0 same, 1 changed, 2 bad arguments', () => {
    const same = make('diff', 'A=reference', 'B=reference');
    expect(same.status, same.stderr).toBe(0);
    expect(same.stdout).toMatch(/hold the same tables/);

    const changed = join(tempDir(), 'changed');
    cpSync(join(ROOT, 'results', 'reference'), changed, { recursive: true });
    const table = join(changed, 'tables', 'panel-families.json');
    const t = JSON.parse(readFileSync(table, 'utf8')) as { rows: Record<string, unknown>[] };
    const key = Object.keys(t.rows[0]!).find((k) => typeof t.rows[0]![k] === 'number')!;
    t.rows[0]![key] = (t.rows[0]![key] as number) + 1;
    writeFileSync(table, JSON.stringify(t));
    const diff = make('diff', 'A=reference', `B=${changed}`);
    expect(diff.status, diff.stderr).toBe(1);
    expect(diff.stdout).toMatch(/tables\/panel-families: 1 cell\(s\) changed/);
    expect(diff.stderr).not.toMatch(/Error/);

    expect(make('diff', 'A=reference').status).toBe(2);
    expect(make('diff', 'A=reference', 'B=no-such-version').status).toBe(2);
  });
});
