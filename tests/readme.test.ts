import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFigures } from '../figures/registry.ts';
import { withOverrides } from '../pipeline/cli/reproduce.ts';
import { config } from '../pipeline/config.ts';
import { allTables } from '../pipeline/emit.ts';
import { statusTableMarkdown } from '../pipeline/ledger-statuses.ts';
import { runPipeline } from '../pipeline/run.ts';
import { ROOT } from './helpers/fixtures.ts';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('starts with the two commands that work on a fresh machine', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(firstBlock).toMatch(/^make reproduce/);
    expect(firstBlock.split('\n')[1]).toMatch(/^make test/);
  });

  it('maps every figure and table the pipeline writes to its file', async () => {
    const figures = await loadFigures();
    const { results } = runPipeline({ dataDir: join(ROOT, 'data'), config: withOverrides(config, undefined, 20) });
    const missing = [...figures.map((f) => `figures/${f.id}.`), ...allTables(results).map((t) => `tables/${t.id}.`)].filter((p) => !readme.includes(p));
    expect(missing).toEqual([]);
  });

  it('lists exactly the ledger statuses the code can emit, with the meanings the code gives them', () => {
    const start = readme.indexOf('| status | meaning |');
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start).split('\n\n')[0]!.trim()).toBe(statusTableMarkdown());
  });
});
