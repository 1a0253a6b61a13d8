/** The claims ledger: every claim of data/claims.csv against the stages' results, with a status decided by the rules of ledger-statuses.ts. */
import type { ClaimRow } from './ingest.ts';
import { REPRODUCTIONS, STATUSES, type Status } from './ledger-statuses.ts';
import { makeTable } from './table.ts';
import type { Basis, BoundOn, ClaimResult, Table, Variant } from './types.ts';

export { STATUSES, type Status };

export interface LedgerRow {
  claim: ClaimRow;
  results: ClaimResult[];
  status: Status;
  /** The result that decided the status, if any. */
  decisive: ClaimResult | null;
  tolerance: string;
  cause: string;
}

export interface Ledger {
  rows: LedgerRow[];
  summary: Record<'A' | 'B', Record<Status, number>>;
}

/** Half a unit in the last printed digit: "0.417" → 0.0005, "7e-4" → 0.5e-4, "21" → 0.5. */
export function printedTolerance(printed: string): number {
  const m = /^[-+]?(\d*)(?:\.(\d+))?(?:[eE]([-+]?\d+))?$/.exec(printed.trim());
  if (!m) throw new Error(`not a printed number: ${JSON.stringify(printed)}`);
  const decimals = m[2]?.length ?? 0;
  const exponent = Number(m[3] ?? 0);
  return 0.5 * 10 ** (exponent - decimals);
}

const boundSide = (unit: string): 'upper' | 'lower' | null => (unit.includes('(upper bound)') ? 'upper' : unit.includes('(lower bound)') ? 'lower' : null);

/**
 * Does a regenerated number round to the printed one? Bound claims compare on their side, on the value or on
 * its magnitude (`on`); range claims compare each end as a point.
 */
export function matchesPrinted(printed: string, unit: string, value: number, on: BoundOn = 'value'): boolean {
  const p = Number(printed);
  const side = boundSide(unit);
  const v = on === 'magnitude' ? Math.abs(value) : value;
  if (side === 'upper') return v < p;
  if (side === 'lower') return v > p;
  // Slack of 1e-9 relative absorbs binary representation of decimal literals like 0.0005.
  return Math.abs(value - p) <= printedTolerance(printed) * (1 + 1e-9);
}

const isNone = (c: ClaimRow) => c.value === '' && c.ciLow === '' && c.ciHigh === '';
const isPrediction = (c: ClaimRow) => c.unit.includes('(threshold)');
const basisOf = (r: ClaimResult): Basis => r.basis ?? 'data';

/** The claims file's `recomputable` values that mark a claim not recomputable, with why. */
const NOT_RECOMPUTABLE: Record<string, string> = {
  'no-data': 'inputs or procedure not released',
  'needs-weights': 'needs model weights; no released measurement',
};

const BASIS_TEXT: Record<Exclude<Basis, 'data'>, string> = {
  'published-input': 'a number printed in the paper',
  'claims-text': 'a number read from the claim text',
};

/** How a bound claim is compared: on the value unless a stage says the paper bounds the magnitude. Null for other claims. */
function boundRule(c: ClaimRow, results: ClaimResult[]): BoundOn | null {
  const declared = [...new Set(results.map((r) => r.bound).filter((b): b is BoundOn => b !== undefined))];
  if (!boundSide(c.unit)) {
    if (declared.length > 0) throw new Error(`claim ${c.id} is not printed as a bound (unit "${c.unit}"), but a stage reports a bound rule for it`);
    return null;
  }
  if (declared.length > 1) throw new Error(`claim ${c.id}: its results disagree on whether the bound is on the value or its magnitude`);
  return declared[0] ?? 'value';
}

/** Does one result match the claim's printed digits (every printed end, for intervals)? Stand-ins never match. */
export function resultMatches(c: ClaimRow, r: ClaimResult, on: BoundOn = 'value'): boolean {
  if (r.proxy) return false;
  if (isNone(c)) return r.value === null && r.note.toLowerCase().startsWith('none');
  const checks: [string, number | null | undefined][] = [];
  if (c.value !== '') checks.push([c.value, r.value]);
  const intervalGiven = r.low !== undefined || r.high !== undefined || c.value === '';
  if (intervalGiven && c.ciLow !== '') checks.push([c.ciLow, c.value === '' ? (r.low ?? r.value) : r.low]);
  if (intervalGiven && c.ciHigh !== '') checks.push([c.ciHigh, c.value === '' ? (r.high ?? r.value) : r.high]);
  return (
    checks.length > 0 && checks.every(([p, v]) => typeof v === 'number' && Number.isFinite(v) && matchesPrinted(p, c.unit.replace(/\(range\)/, ''), v, on))
  );
}

function toleranceText(c: ClaimRow, on: BoundOn | null): string {
  if (isNone(c)) return 'printed None: reproduced when no crossing is found';
  const side = boundSide(c.unit);
  if (side) return `${on === 'magnitude' ? '|value|' : 'value'} ${side === 'upper' ? 'below' : 'above'} ${c.value} (bound on the ${on ?? 'value'})`;
  const parts = [c.value, c.ciLow, c.ciHigh].filter((v) => v !== '').map((v) => `±${Number(printedTolerance(v).toPrecision(2))}`);
  return `rounds to the printed digits (${parts.join(', ')})`;
}

/** Which status a match from data gives, by the variant that matched, in order of preference. */
const MATCH_STATUS: [Variant, Status][] = [
  ['as described', 'reproduced'],
  ['released measurement', 'from-released-measurement'],
  ['as coded', 'reproduced-as-coded-only'],
  ['audited', 'reproduced-audited-only'],
];

const fmt = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? String(Number(v.toPrecision(4))) : 'none');

/** A result's number, interval and note, without its variant. */
function describeValue(r: ClaimResult): string {
  const interval = r.low !== undefined || r.high !== undefined ? ` [${fmt(r.low)}, ${fmt(r.high)}]` : '';
  const basis = basisOf(r);
  return `${fmt(r.value)}${interval} (${basis === 'data' ? '' : `from ${BASIS_TEXT[basis]}: `}${r.note})`;
}

const describeResult = (r: ClaimResult) => `${r.proxy ? 'stand-in, ' : ''}${r.variant} ${describeValue(r)}`;

/** For a qualified match: what the described method gives instead, so the row says why the status is qualified. */
function describedInstead(results: ClaimResult[]): string {
  const described = results.filter((r) => r.variant === 'as described' && !r.proxy && basisOf(r) === 'data');
  return described.length > 0 ? `the described method gives ${described.map(describeValue).join(' or ')}` : 'no described-method value';
}

function judge(c: ClaimRow, results: ClaimResult[], on: BoundOn): Omit<LedgerRow, 'claim' | 'results' | 'tolerance'> {
  const outside = results.filter((r) => r.variant === 'out of sample');
  if (outside.length > 0) {
    // A criterion tested beyond the paper's families: the out-of-sample score leads, the paper's own panels follow.
    const inside = judge(
      c,
      results.filter((r) => r.variant !== 'out of sample'),
      on,
    );
    return {
      status: 'tested-out-of-sample',
      decisive: outside[0]!,
      cause: `${outside.map((r) => describeValue(r)).join('; ')}; on the paper's panels: ${inside.status}, ${inside.cause}`,
    };
  }
  if (isPrediction(c)) {
    const r = results[0] ?? null;
    return { status: 'future', decisive: r, cause: r ? `prediction; current data: ${describeResult(r)}` : 'prediction about future releases' };
  }
  const matching = results.filter((r) => resultMatches(c, r, on));
  const notRecomputable = NOT_RECOMPUTABLE[c.recomputable];
  for (const [variant, status] of MATCH_STATUS) {
    if (notRecomputable && REPRODUCTIONS.includes(status)) continue;
    const hit = matching.find((r) => r.variant === variant && basisOf(r) === 'data');
    if (!hit) continue;
    const qualified = status !== 'reproduced' && REPRODUCTIONS.includes(status);
    return { status, decisive: hit, cause: qualified ? `${describeResult(hit)}; ${describedInstead(results)}` : describeResult(hit) };
  }
  const check = matching.find((r) => basisOf(r) !== 'data');
  if (check) return { status: 'arithmetic-checked', decisive: check, cause: `arithmetic check, not a reproduction from data: ${describeResult(check)}` };
  const shown = results.find((r) => !r.proxy) ?? results[0] ?? null;
  if (notRecomputable) {
    // A value that rounds to the printed digits is still not a reproduction when the claims file says the inputs are not released.
    const barred = matching[0];
    const closest = barred ?? shown;
    const why = barred ? `; it rounds to the printed digits, but data/claims.csv marks the claim ${c.recomputable}` : '';
    return {
      status: 'not-recomputable',
      decisive: closest,
      cause: closest ? `${notRecomputable}; closest computable: ${describeResult(closest)}${why}` : notRecomputable,
    };
  }
  if (!shown) return { status: 'pending', decisive: null, cause: 'no stage regenerates this claim yet' };
  return { status: 'differs', decisive: shown, cause: results.map(describeResult).join('; ') };
}

export function buildLedger(claims: ClaimRow[], results: ClaimResult[]): Ledger {
  const known = new Set(claims.map((c) => c.id));
  const stray = results.filter((r) => !known.has(r.id));
  if (stray.length > 0) throw new Error(`stages report claim ids that data/claims.csv does not have: ${[...new Set(stray.map((r) => r.id))].join(', ')}`);
  const rows = claims.map((claim) => {
    const mine = results.filter((r) => r.id === claim.id);
    const on = boundRule(claim, mine);
    return { claim, results: mine, tolerance: toleranceText(claim, on), ...judge(claim, mine, on ?? 'value') };
  });
  const empty = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const summary = { A: empty(), B: empty() };
  for (const r of rows) summary[r.claim.paper][r.status]++;
  return { rows, summary };
}

const variantValue = (row: LedgerRow, v: Variant) => row.results.find((r) => r.variant === v)?.value ?? null;

export function ledgerTable(ledger: Ledger): Table {
  return makeTable(
    'claims',
    'Claims ledger: every published number against the regenerated one',
    [
      ['id', 'id'],
      ['paper', 'paper'],
      ['location', 'location'],
      ['quantity', 'quantity'],
      ['unit', 'unit'],
      ['published', 'published'],
      ['published_low', 'published low'],
      ['published_high', 'published high'],
      ['regenerated', 'regenerated'],
      ['regenerated_low', 'regenerated low'],
      ['regenerated_high', 'regenerated high'],
      ['variant', 'variant'],
      ['as_described', 'as described'],
      ['as_coded', 'as coded'],
      ['audited', 'audited panel'],
      ['released_measurement', 'released measurement'],
      ['out_of_sample', 'out of sample (pre-registered test)'],
      ['tolerance', 'tolerance'],
      ['status', 'status'],
      ['cause', 'cause'],
    ],
    ledger.rows.map((row) => ({
      id: row.claim.id,
      paper: row.claim.paper,
      location: row.claim.location,
      quantity: row.claim.quantity,
      unit: row.claim.unit,
      published: row.claim.value,
      published_low: row.claim.ciLow,
      published_high: row.claim.ciHigh,
      regenerated: row.decisive?.value ?? null,
      regenerated_low: row.decisive?.low ?? null,
      regenerated_high: row.decisive?.high ?? null,
      variant: row.decisive?.variant ?? '',
      as_described: variantValue(row, 'as described'),
      as_coded: variantValue(row, 'as coded'),
      audited: variantValue(row, 'audited'),
      released_measurement: variantValue(row, 'released measurement'),
      out_of_sample: variantValue(row, 'out of sample'),
      tolerance: row.tolerance,
      status: row.status,
      cause: row.cause,
    })),
    [],
    ['id'],
  );
}
