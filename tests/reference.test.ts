import { join } from 'node:path';
import { expect, it } from 'vitest';
import { reproduce } from '../pipeline/cli/reproduce.ts';
import { checkReference, formatReferenceCheck, referenceMatches } from '../pipeline/reference.ts';
import { ROOT, tempDir } from './helpers/fixtures.ts';

it('the regenerated tables, specs and ledger match the committed snapshot results/reference', async () => {
  const run = await reproduce({ root: ROOT, resultsDir: tempDir(), png: false, log: () => {} });
  const check = checkReference(run.path, join(ROOT, 'results', 'reference'));
  expect(referenceMatches(check), formatReferenceCheck(check)).toBe(true);
});
