import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/fixtures.ts';

const PIPELINE = join(ROOT, 'pipeline');
const stageFolders = readdirSync(PIPELINE, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(PIPELINE, e.name, 'stage.ts')))
  .map((e) => e.name);

describe('stage folders', () => {
  it('import one way: stage.ts imports its parts, and no part imports stage.ts back (shared types live in types.ts)', () => {
    expect(stageFolders).toEqual(expect.arrayContaining(['critical-scale', 'eigen', 'internals', 'loss']));
    const backwards = stageFolders.flatMap((folder) =>
      readdirSync(join(PIPELINE, folder))
        .filter((f) => f.endsWith('.ts') && f !== 'stage.ts')
        .filter((f) => /from '\.\/stage\.ts'/.test(readFileSync(join(PIPELINE, folder, f), 'utf8')))
        .map((f) => `pipeline/${folder}/${f}`),
    );
    expect(backwards).toEqual([]);
  });
});
