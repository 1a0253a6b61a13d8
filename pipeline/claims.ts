import type { ClaimRow } from './ingest.ts';
import { makeTable } from './table.ts';
import type { ClaimResult, Table, Variant } from './types.ts';

export const STATUSES = ['reproduced', 'reproduced-as-coded-only', 'from-released-measurement', 'differs', 'not-recomputable', 'future', 'pending'] as const;
export type Status = (typeof STATUSES)[number];

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

/** Does a regenerated number round to the printed one? Bound and range claims compare on their side. */
export function matchesPrinted(printed: string, unit: string, value: number): boolean {
  const p = Number(printed);
  if (unit.includes('(upper bound)')) return value < p;
  if (unit.includes('(lower bound)')) return value > p;
  // Slack of 1e-9 relative absorbs binary representation of decimal literals like 0.0005.
  return Math.abs(value - p) <= printedTolerance(printed) * (1 + 1e-9);
}

const isNone = (c: ClaimRow) => c.value === '' && c.ciLow === '' && c.ciHigh === '';
const isPrediction = (c: ClaimRow) => c.unit.includes('(threshold)');

function resultMatches(c: ClaimRow, r: ClaimResult): boolean {
  if (r.proxy) return false;
  if (isNone(c)) return r.value === null && r.note.toLowerCase().startsWith('none');
  const checks: [string, number | null | undefined][] = [];
  if (c.value !== '') checks.push([c.value, r.value]);
  const intervalGiven = r.low !== undefined || r.high !== undefined || c.value === '';
  if (intervalGiven && c.ciLow !== '') checks.push([c.ciLow, c.value === '' ? (r.low ?? r.value) : r.low]);
  if (intervalGiven && c.ciHigh !== '') checks.push([c.ciHigh, c.value === '' ? (r.high ?? r.value) : r.high]);
  return checks.length > 0 && checks.every(([p, v]) => typeof v === 'number' && Number.isFinite(v) && matchesPrinted(p, c.unit.replace(/\(range\)/, ''), v));
}

function toleranceText(c: ClaimRow): string {
  if (isNone(c)) return 'printed None: reproduced when no crossing is found';
  if (c.unit.includes('(upper bound)')) return `below ${c.value}`;
  if (c.unit.includes('(lower bound)')) return `above ${c.value}`;
  const parts = [c.value, c.ciLow, c.ciHigh].filter((v) => v !== '').map((v) => `±${Number(printedTolerance(v).toPrecision(2))}`);
  return `rounds to the printed digits (${parts.join(', ')})`;
}

const ORDER: [Variant, Status][] = [
  ['as described', 'reproduced'],
  ['released measurement', 'from-released-measurement'],
  ['as coded', 'reproduced-as-coded-only'],
  ['audited', 'reproduced'],
];

const fmt = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? String(Number(v.toPrecision(4))) : 'none');

function describeResult(r: ClaimResult): string {
  const interval = r.low !== undefined || r.high !== undefined ? ` [${fmt(r.low)}, ${fmt(r.high)}]` : '';
  return `${r.proxy ? 'stand-in, ' : ''}${r.variant} ${fmt(r.value)}${interval} (${r.note})`;
}

function judge(c: ClaimRow, results: ClaimResult[]): Omit<LedgerRow, 'claim' | 'results' | 'tolerance'> {
  if (isPrediction(c)) {
    const r = results[0] ?? null;
    return { status: 'future', decisive: r, cause: r ? `prediction; current data: ${describeResult(r)}` : 'prediction about future releases' };
  }
  for (const [variant, status] of ORDER) {
    const hit = results.find((r) => r.variant === variant && resultMatches(c, r));
    if (hit) return { status, decisive: hit, cause: describeResult(hit) };
  }
  const first = results[0] ?? null;
  if (c.recomputable === 'no-data' || c.recomputable === 'needs-weights') {
    const why = c.recomputable === 'no-data' ? 'inputs or procedure not released' : 'needs model weights; no released measurement';
    return { status: 'not-recomputable', decisive: first, cause: first ? `${why}; closest computable: ${describeResult(first)}` : why };
  }
  if (!first) return { status: 'pending', decisive: null, cause: 'no stage regenerates this claim yet' };
  return { status: 'differs', decisive: first, cause: results.map(describeResult).join('; ') };
}

export function buildLedger(claims: ClaimRow[], results: ClaimResult[]): Ledger {
  const known = new Set(claims.map((c) => c.id));
  const stray = results.filter((r) => !known.has(r.id));
  if (stray.length > 0) throw new Error(`stages report claim ids that data/claims.csv does not have: ${[...new Set(stray.map((r) => r.id))].join(', ')}`);
  const rows = claims.map((claim) => {
    const mine = results.filter((r) => r.id === claim.id);
    return { claim, results: mine, tolerance: toleranceText(claim), ...judge(claim, mine) };
  });
  const empty = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const summary = { A: empty(), B: empty() };
  for (const r of rows) summary[r.claim.paper][r.status]++;
  return { rows, summary };
}

const valueOf = (row: LedgerRow, v: Variant) => row.results.find((r) => r.variant === v)?.value ?? null;

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
      as_described: valueOf(row, 'as described'),
      as_coded: valueOf(row, 'as coded'),
      audited: valueOf(row, 'audited'),
      released_measurement: valueOf(row, 'released measurement'),
      tolerance: row.tolerance,
      status: row.status,
      cause: row.cause,
    })),
    [],
    ['id'],
  );
}
