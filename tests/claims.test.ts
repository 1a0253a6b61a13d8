import { describe, expect, it } from 'vitest';
import { buildLedger, matchesPrinted, printedTolerance } from '../pipeline/claims.ts';
import { STATUSES } from '../pipeline/ledger-statuses.ts';
import type { ClaimRow } from '../pipeline/ingest.ts';

const claim = (id: string, value: string, unit: string, extra: Partial<ClaimRow> = {}): ClaimRow => ({
  id,
  paper: 'A',
  location: 'x',
  quantity: 'q',
  value,
  ciLow: '',
  ciHigh: '',
  unit,
  recomputable: 'yes',
  notes: '',
  ...extra,
});

describe('printed precision', () => {
  it('is half a unit in the last printed digit, including scientific notation', () => {
    expect(printedTolerance('0.417')).toBeCloseTo(0.0005, 15);
    expect(printedTolerance('-0.417')).toBeCloseTo(0.0005, 15);
    expect(printedTolerance('21')).toBe(0.5);
    expect(printedTolerance('7e-4')).toBeCloseTo(0.5e-4, 18);
    expect(printedTolerance('2.6e-3')).toBeCloseTo(0.05e-3, 18);
  });

  it('reproduces a value only when it rounds to the printed digits', () => {
    expect(matchesPrinted('0.31', 'pearson r', 0.3149)).toBe(true);
    expect(matchesPrinted('0.31', 'pearson r', 0.3151)).toBe(false);
    expect(matchesPrinted('7e-4', 'p-value', 7.6e-4)).toBe(false);
    expect(matchesPrinted('7e-4', 'p-value', 6.6e-4)).toBe(true);
  });

  it('compares a bound on the magnitude when asked, so a large negative value does not pass an upper bound', () => {
    expect(matchesPrinted('0.09', 'gamma12 (upper bound)', -0.186)).toBe(true);
    expect(matchesPrinted('0.09', 'gamma12 (upper bound)', -0.186, 'magnitude')).toBe(false);
    expect(matchesPrinted('0.09', 'gamma12 (upper bound)', -0.05, 'magnitude')).toBe(true);
    expect(matchesPrinted('0.99', 'overlap (lower bound)', -0.995, 'magnitude')).toBe(true);
  });

  it('treats printed bounds as one-sided', () => {
    expect(matchesPrinted('1e-3', 'p-value (upper bound)', 2e-4)).toBe(true);
    expect(matchesPrinted('1e-3', 'p-value (upper bound)', 1.2e-3)).toBe(false);
    expect(matchesPrinted('0.5', 'pearson r (lower bound)', 0.6)).toBe(true);
    expect(matchesPrinted('0.5', 'pearson r (lower bound)', 0.4)).toBe(false);
  });
});

describe('ledger', () => {
  const claims = [
    claim('X.a', '4.2', 'B params', { ciLow: '3.1', ciHigh: '11.7' }),
    claim('X.b', '0.37', 'ratio'),
    claim('X.c', '10', 'B params', { recomputable: 'no-data' }),
    claim('X.d', '2', 'count (threshold)'),
    claim('X.e', '', 'B params (printed None)'),
    claim('X.f', '', 'B params (range)', { ciLow: '0.25', ciHigh: '6' }),
    claim('X.g', '1', 'count'),
  ];

  it('gives every claim a status, prefers the described method and falls back to the coded one', () => {
    const ledger = buildLedger(claims, [
      { id: 'X.a', variant: 'as described', value: 4.16, low: 3.1, high: 11.74, note: 'd' },
      { id: 'X.b', variant: 'as described', value: 0.5, note: 'described' },
      { id: 'X.b', variant: 'as coded', value: 0.3701, note: 'coded' },
      { id: 'X.e', variant: 'as described', value: null, note: 'none: no crossing' },
      { id: 'X.f', variant: 'as described', value: null, low: 0.246, high: 6.04, note: 'range' },
    ]);
    const status = Object.fromEntries(ledger.rows.map((r) => [r.claim.id, r.status]));
    expect(status).toEqual({
      'X.a': 'reproduced',
      'X.b': 'reproduced-as-coded-only',
      'X.c': 'not-recomputable',
      'X.d': 'future',
      'X.e': 'reproduced',
      'X.f': 'reproduced',
      'X.g': 'pending',
    });
    expect(ledger.summary.A.reproduced).toBe(3);
  });

  it('marks a point estimate that matches but an interval that does not as differs', () => {
    const ledger = buildLedger([claims[0]!], [{ id: 'X.a', variant: 'as described', value: 4.2, low: 1.2, high: 80, note: 'd' }]);
    expect(ledger.rows[0]!.status).toBe('differs');
  });

  it('never counts a stand-in (proxy) value as reproducing a claim, even when it rounds to the printed digits', () => {
    const ledger = buildLedger([claims[2]!], [{ id: 'X.c', variant: 'as described', value: 10, proxy: true, note: 'a different quantity' }]);
    expect(ledger.rows[0]!.status).toBe('not-recomputable');
    expect(ledger.rows[0]!.cause).toMatch(/closest computable/);
  });

  it('qualifies a match that only the audited panel gives, and says what the described method gives instead', () => {
    const ledger = buildLedger(
      [claims[6]!],
      [
        { id: 'X.g', variant: 'as described', value: 3, note: 'published panel' },
        { id: 'X.g', variant: 'audited', value: 1, note: 'audited panel' },
      ],
    );
    expect(ledger.rows[0]!.status).toBe('reproduced-audited-only');
    expect(ledger.rows[0]!.cause).toMatch(/described method gives 3 \(published panel\)/);
  });

  it('calls a match computed from the claim text or a published input an arithmetic check, never a reproduction', () => {
    for (const basis of ['claims-text', 'published-input'] as const) {
      const ledger = buildLedger([claims[1]!], [{ id: 'X.b', variant: 'as described', value: 0.37, basis, note: 'printed input minus fit' }]);
      expect(ledger.rows[0]!.status, basis).toBe('arithmetic-checked');
    }
  });

  it('prefers a match from data over an arithmetic check of the same claim', () => {
    const ledger = buildLedger(
      [claims[1]!],
      [
        { id: 'X.b', variant: 'as described', value: 0.37, basis: 'claims-text', note: 'check' },
        { id: 'X.b', variant: 'as coded', value: 0.37, note: 'coded' },
      ],
    );
    expect(ledger.rows[0]!.status).toBe('reproduced-as-coded-only');
  });

  it('never reproduces a claim the claims file marks not recomputable, and says that its value happens to round', () => {
    for (const recomputable of ['no-data', 'needs-weights']) {
      const c = claim('X.h', '0.3', '% MAE', { recomputable });
      for (const variant of ['as described', 'as coded', 'audited'] as const) {
        const row = buildLedger([c], [{ id: 'X.h', variant, value: 0.31, note: 'in-sample fit error' }]).rows[0]!;
        expect(row.status, `${recomputable} ${variant}`).toBe('not-recomputable');
        expect(row.cause).toMatch(/rounds to the printed digits, but data\/claims\.csv marks the claim/);
      }
    }
  });

  it('compares a bound as the stage says the paper means it and states the rule in the tolerance', () => {
    const c = claim('X.i', '0.09', 'gamma12 (upper bound)');
    const onValue = buildLedger([c], [{ id: 'X.i', variant: 'as described', value: -0.186, note: 'g12' }]).rows[0]!;
    expect(onValue.status).toBe('reproduced');
    expect(onValue.tolerance).toMatch(/bound on the value/);
    const onMagnitude = buildLedger([c], [{ id: 'X.i', variant: 'as described', bound: 'magnitude', value: -0.186, note: 'g12' }]).rows[0]!;
    expect(onMagnitude.status).toBe('differs');
    expect(onMagnitude.tolerance).toMatch(/^\|value\| below 0\.09 \(bound on the magnitude\)/);
  });

  it('refuses a bound rule on a claim that is not a bound, and results that disagree on the rule', () => {
    expect(() => buildLedger([claims[1]!], [{ id: 'X.b', variant: 'as described', bound: 'magnitude', value: 0.37, note: '' }])).toThrow(
      /X\.b is not printed as a bound/,
    );
    const c = claim('X.i', '0.09', 'gamma12 (upper bound)');
    expect(() =>
      buildLedger(
        [c],
        [
          { id: 'X.i', variant: 'as described', bound: 'magnitude', value: 0.01, note: '' },
          { id: 'X.i', variant: 'audited', bound: 'value', value: 0.01, note: '' },
        ],
      ),
    ).toThrow(/X\.i: its results disagree/);
  });

  it('can emit every status it lists, and no other', () => {
    const all = [
      ...claims,
      claim('X.h', '0.3', '% MAE', { recomputable: 'from-released-measurements' }),
      claim('X.j', '5', 'count'),
      claim('X.k', '5', 'count'),
      claim('X.m', '0', 'count'),
    ];
    const ledger = buildLedger(all, [
      { id: 'X.a', variant: 'as described', value: 4.16, low: 3.1, high: 11.74, note: 'd' },
      { id: 'X.b', variant: 'as coded', value: 0.3701, note: 'coded' },
      { id: 'X.d', variant: 'as described', value: 1, note: 'now' },
      { id: 'X.g', variant: 'audited', value: 1, note: 'audited' },
      { id: 'X.h', variant: 'released measurement', value: 0.3, note: 'released file' },
      { id: 'X.j', variant: 'as described', value: 5, basis: 'published-input', note: 'printed input' },
      { id: 'X.k', variant: 'as described', value: 7, note: 'other' },
      { id: 'X.m', variant: 'out of sample', value: 2, note: 'two counterexamples among new families' },
      { id: 'X.m', variant: 'as described', value: 0, note: 'none in the paper’s panel' },
    ]);
    expect(new Set(ledger.rows.map((r) => r.status))).toEqual(new Set(STATUSES));
    const m = ledger.rows.find((r) => r.claim.id === 'X.m')!;
    expect(m.cause).toMatch(/^2 \(two counterexamples among new families\); on the paper's panels: reproduced, /);
  });

  it('refuses results for claim ids the claims file does not have', () => {
    expect(() => buildLedger(claims, [{ id: 'X.zzz', variant: 'as described', value: 1, note: '' }])).toThrow(/X\.zzz/);
  });
});
