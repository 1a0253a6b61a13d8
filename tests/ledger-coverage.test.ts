import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../pipeline/claims.ts';
import { withOverrides } from '../pipeline/cli/reproduce.ts';
import { config } from '../pipeline/config.ts';
import { ledgerOf } from '../pipeline/emit.ts';
import { runPipeline } from '../pipeline/run.ts';
import { ROOT } from './helpers/fixtures.ts';

let ledger: Ledger;
beforeAll(() => {
  ledger = ledgerOf(runPipeline({ dataDir: join(ROOT, 'data'), config: withOverrides(config, undefined, 100) }).results);
});

describe('claims ledger coverage', () => {
  it('has one row for every claim in data/claims.csv, in file order', () => {
    const { results } = runPipeline({ dataDir: join(ROOT, 'data'), config: withOverrides(config, undefined, 20) });
    expect(ledger.rows.map((r) => r.claim.id)).toEqual(results.data.claims.map((c) => c.id));
  });

  it('leaves no claim pending: every published number is regenerated or explained', () => {
    expect(ledger.rows.filter((r) => r.status === 'pending').map((r) => r.claim.id)).toEqual([]);
  });

  it('gives every decided claim a one-line cause', () => {
    for (const r of ledger.rows) {
      expect(r.cause.length, r.claim.id).toBeGreaterThan(0);
      expect(r.cause, r.claim.id).not.toMatch(/\n/);
    }
  });
});
