import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { matchesPrinted, resultMatches, type Ledger, type LedgerRow } from '../pipeline/claims.ts';
import { withOverrides } from '../pipeline/cli/reproduce.ts';
import { config } from '../pipeline/config.ts';
import { ledgerOf } from '../pipeline/emit.ts';
import { REPRODUCTIONS, STATUS_DEFS, statusTableMarkdown } from '../pipeline/ledger-statuses.ts';
import { runPipeline } from '../pipeline/run.ts';
import type { ClaimResult, Variant } from '../pipeline/types.ts';
import { ROOT } from './helpers/fixtures.ts';

// Each rule of the ledger, checked over every row of the ledger regenerated from the shipped data.

let ledger: Ledger;
beforeAll(() => {
  ledger = ledgerOf(runPipeline({ dataDir: join(ROOT, 'data'), config: withOverrides(config, undefined, 100) }).results);
});

const fromData = (r: ClaimResult | null) => r !== null && (r.basis ?? 'data') === 'data';
const markedNotRecomputable = (row: LedgerRow) => ['no-data', 'needs-weights'].includes(row.claim.recomputable);
const isBound = (row: LedgerRow) => /\((upper|lower) bound\)/.test(row.claim.unit);
const boundOn = (row: LedgerRow) => row.results.find((r) => r.bound)?.bound ?? 'value';
const ids = (rows: LedgerRow[]) => rows.map((r) => r.claim.id);

describe('ledger rules, over the whole regenerated ledger', () => {
  it('calls a claim reproduced only when the described method on the published panel gives it from data', () => {
    const bad = ledger.rows.filter((r) => r.status === 'reproduced' && !(r.decisive?.variant === 'as described' && !r.decisive.proxy && fromData(r.decisive)));
    expect(ids(bad)).toEqual([]);
    expect(ledger.rows.some((r) => r.status === 'reproduced')).toBe(true);
  });

  it('gives a match that only the coded path or only the audited panel gives its qualified status', () => {
    const expected: Partial<Record<Variant, string>> = {
      'as described': 'reproduced',
      'as coded': 'reproduced-as-coded-only',
      audited: 'reproduced-audited-only',
    };
    const matched = ledger.rows.filter((r) => REPRODUCTIONS.includes(r.status));
    expect(ids(matched.filter((r) => expected[r.decisive!.variant] !== r.status))).toEqual([]);
    const qualified = matched.filter((r) => r.status !== 'reproduced');
    expect(qualified.map((r) => r.status)).toContain('reproduced-as-coded-only');
    expect(qualified.map((r) => r.status)).toContain('reproduced-audited-only');
    const describedAlsoMatches = qualified.filter((r) =>
      r.results.some((x) => x.variant === 'as described' && fromData(x) && resultMatches(r.claim, x, boundOn(r))),
    );
    expect(ids(describedAlsoMatches)).toEqual([]);
  });

  it('treats a value from the claim text or a published input as an arithmetic check, never a reproduction', () => {
    const notFromData = ledger.rows.filter((r) => r.decisive && !fromData(r.decisive));
    expect(ids(notFromData.filter((r) => !['arithmetic-checked', 'differs', 'not-recomputable'].includes(r.status)))).toEqual([]);
    expect(ids(ledger.rows.filter((r) => r.status === 'arithmetic-checked' && fromData(r.decisive)))).toEqual([]);
    expect(notFromData.length).toBeGreaterThan(0);
  });

  it('never reproduces a claim that data/claims.csv marks not recomputable', () => {
    const marked = ledger.rows.filter(markedNotRecomputable);
    expect(marked.length).toBeGreaterThan(0);
    expect(ids(marked.filter((r) => REPRODUCTIONS.includes(r.status)))).toEqual([]);
  });

  it('states for every bound whether it is on the value or its magnitude', () => {
    const bounds = ledger.rows.filter(isBound);
    expect(bounds.length).toBeGreaterThan(0);
    expect(ids(bounds.filter((r) => !r.tolerance.includes(`bound on the ${boundOn(r)}`)))).toEqual([]);
  });

  it('has the stage say what a bound is on wherever the sign of a value decides the verdict', () => {
    const signDecides = (row: LedgerRow) =>
      row.results.some(
        (r) =>
          typeof r.value === 'number' &&
          !r.proxy &&
          matchesPrinted(row.claim.value, row.claim.unit, r.value, 'value') !== matchesPrinted(row.claim.value, row.claim.unit, r.value, 'magnitude'),
      );
    const undeclared = ledger.rows.filter((r) => isBound(r) && signDecides(r) && r.results.every((x) => x.bound === undefined));
    expect(ids(undeclared)).toEqual([]);
  });
});

describe('the rows audited in issue 22', () => {
  it('carry the statuses the rules give them', () => {
    const status = (id: string) => ledger.rows.find((r) => r.claim.id === id)?.status;
    expect(status('A.abs.ode_llama2')).toBe('differs');
    expect(status('B.s8.llama2_restated')).toBe('differs');
    expect(status('B.s8.hypothetical_h')).toBe('arithmetic-checked');
    expect(status('A.s6.near1b_bound')).toBe('differs');
    expect(status('A.tab1.n_pythia')).toBe('reproduced-audited-only');
    expect(status('A.fig2b.l0')).toBe('not-recomputable');
  });

  it('shows the polynomial behind the printed Llama-2 error only as a stand-in, beside the ODE routes', () => {
    const row = ledger.rows.find((r) => r.claim.id === 'A.abs.ode_llama2')!;
    expect(row.decisive?.proxy).toBeUndefined();
    const poly = row.results.filter((r) => r.proxy);
    expect(poly).toHaveLength(1);
    expect(resultMatches(row.claim, { ...poly[0]!, proxy: false })).toBe(true);
    expect(row.cause).toMatch(/stand-in, .*closest quantity, no ODE/);
  });
});

describe('the status table', () => {
  it('is printed in claims.md and REPORT.md form from the one list, one row per status', () => {
    const md = statusTableMarkdown();
    for (const d of STATUS_DEFS) expect(md).toContain(`| \`${d.status}\` | ${d.meaning} |`);
    expect(md.split('\n')).toHaveLength(STATUS_DEFS.length + 2);
  });
});
