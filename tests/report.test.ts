import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reproduce } from '../pipeline/cli/reproduce.ts';
import { sectionOf } from '../pipeline/report.ts';
import { ROOT, tempDir } from './helpers/fixtures.ts';

let dir = '';
beforeAll(async () => {
  dir = (await reproduce({ root: ROOT, resultsDir: tempDir(), resamples: 100, png: true, log: () => {} })).path;
});

const links = (md: string) => [...md.matchAll(/\]\(([^)#]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));

describe('REPORT.md', () => {
  it('links only to files that exist in the result folder', () => {
    const md = readFileSync(join(dir, 'REPORT.md'), 'utf8');
    const targets = links(md);
    expect(targets.length).toBeGreaterThan(5);
    expect(targets.filter((l) => !existsSync(join(dir, l)))).toEqual([]);
  });

  it('shows every figure inline and lists every ledger row once', () => {
    const md = readFileSync(join(dir, 'REPORT.md'), 'utf8');
    for (const f of links(md).filter((l) => l.endsWith('.vl.json'))) expect(md).toContain(`](${f.replace('.vl.json', '.png')})`);
    const ledger = JSON.parse(readFileSync(join(dir, 'claims.json'), 'utf8')) as { rows: { id: string }[] };
    for (const r of ledger.rows) expect(md.split(`\`${r.id}\``).length - 1, r.id).toBe(1);
  });

  it('files claims, tables and figures under the section their id names', () => {
    expect(sectionOf('abs').title).toBe('Abstract');
    expect(sectionOf('s2_1').title).toBe('Section 2');
    expect(sectionOf('tab1').title).toBe('Table 1');
    expect(sectionOf('fig1a').title).toBe('Figure 1');
    expect(sectionOf('appA9').title).toBe('Appendix');
  });
});

describe('claims.md', () => {
  it('starts with the status counts per paper and carries the sensitivity tables', () => {
    const md = readFileSync(join(dir, 'claims.md'), 'utf8');
    expect(md.indexOf('## Status counts')).toBeLessThan(md.indexOf('## Sensitivity'));
    expect(md).toMatch(/\| A \| \d+ \|/);
    expect(md).toMatch(/Headline claims/);
  });
});
