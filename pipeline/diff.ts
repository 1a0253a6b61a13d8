import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TABLES_SCHEMA } from './io/format.ts';
import type { Cell } from './types.ts';

interface TableJson {
  id: string;
  key?: string[];
  columns: { key: string; label: string }[];
  rows: Record<string, Cell>[];
}

export interface CellChange {
  row: string;
  column: string;
  old: Cell;
  new: Cell;
  delta: number | null;
}

export interface TableDiff {
  table: string;
  added: string[];
  removed: string[];
  columnsAdded: string[];
  columnsRemoved: string[];
  changed: CellChange[];
}

export interface StatusChange {
  id: string;
  old: string;
  new: string;
}

export interface ResultDiff {
  tables: TableDiff[];
  tablesOnlyInA: string[];
  tablesOnlyInB: string[];
  specsChanged: string[];
  statusChanges: StatusChange[];
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as TableJson;

function rowKey(t: TableJson, row: Record<string, Cell>, index: number): string {
  const key = t.key ?? [];
  return key.length > 0 ? key.map((k) => `${k}=${row[k] ?? ''}`).join(', ') : `row ${index + 1}`;
}

export function diffTable(a: TableJson, b: TableJson): TableDiff {
  const index = (t: TableJson) => new Map(t.rows.map((r, i) => [rowKey(t, r, i), r]));
  const ra = index(a);
  const rb = index(b);
  const colsA = a.columns.map((c) => c.key);
  const colsB = b.columns.map((c) => c.key);
  const shared = colsA.filter((c) => colsB.includes(c));
  const changed: CellChange[] = [];
  for (const [k, rowA] of ra) {
    const rowB = rb.get(k);
    if (!rowB) continue;
    for (const c of shared) {
      const o = rowA[c] ?? null;
      const n = rowB[c] ?? null;
      if (o !== n) changed.push({ row: k, column: c, old: o, new: n, delta: typeof o === 'number' && typeof n === 'number' ? n - o : null });
    }
  }
  return {
    table: a.id,
    added: [...rb.keys()].filter((k) => !ra.has(k)),
    removed: [...ra.keys()].filter((k) => !rb.has(k)),
    columnsAdded: colsB.filter((c) => !colsA.includes(c)),
    columnsRemoved: colsA.filter((c) => !colsB.includes(c)),
    changed,
  };
}

const isEmpty = (d: TableDiff) => d.added.length + d.removed.length + d.columnsAdded.length + d.columnsRemoved.length + d.changed.length === 0;

/** Table files of a result folder (the column schema beside them is not a table). */
function listJson(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json') && f !== TABLES_SCHEMA)
        .sort()
    : [];
}

/** Compares two result folders: every table cell, every figure spec, every ledger status. */
export function diffResults(dirA: string, dirB: string): ResultDiff {
  const ta = listJson(join(dirA, 'tables'));
  const tb = listJson(join(dirB, 'tables'));
  const tables = ta
    .filter((f) => tb.includes(f))
    .map((f) => diffTable(readJson(join(dirA, 'tables', f)), readJson(join(dirB, 'tables', f))))
    .filter((d) => !isEmpty(d));
  const specs = (dir: string) => (existsSync(join(dir, 'figures')) ? readdirSync(join(dir, 'figures')).filter((f) => f.endsWith('.vl.json')) : []);
  const sa = specs(dirA);
  const sb = specs(dirB);
  const specsChanged = [...new Set([...sa, ...sb])]
    .sort()
    .filter((f) => !sa.includes(f) || !sb.includes(f) || readFileSync(join(dirA, 'figures', f), 'utf8') !== readFileSync(join(dirB, 'figures', f), 'utf8'));
  const statuses = (dir: string) => {
    const path = join(dir, 'claims.json');
    return existsSync(path) ? new Map(readJson(path).rows.map((r) => [String(r.id), String(r.status)])) : new Map<string, string>();
  };
  const qa = statuses(dirA);
  const qb = statuses(dirB);
  const statusChanges = [...new Set([...qa.keys(), ...qb.keys()])]
    .filter((id) => qa.get(id) !== qb.get(id))
    .map((id) => ({ id, old: qa.get(id) ?? '(absent)', new: qb.get(id) ?? '(absent)' }));
  return {
    tables,
    tablesOnlyInA: ta.filter((f) => !tb.includes(f)),
    tablesOnlyInB: tb.filter((f) => !ta.includes(f)),
    specsChanged,
    statusChanges,
  };
}

export function hasChanges(d: ResultDiff): boolean {
  return d.tables.length + d.tablesOnlyInA.length + d.tablesOnlyInB.length + d.specsChanged.length + d.statusChanges.length > 0;
}

const show = (v: Cell) => (v === null ? '∅' : typeof v === 'string' ? JSON.stringify(v) : String(v));

export function formatDiff(d: ResultDiff, nameA: string, nameB: string): string {
  if (!hasChanges(d)) return `${nameA} and ${nameB} hold the same tables, figure specs and ledger statuses.`;
  const out: string[] = [`Changes from ${nameA} to ${nameB}:`];
  for (const f of d.tablesOnlyInA) out.push(`\ntables/${f}: only in ${nameA}`);
  for (const f of d.tablesOnlyInB) out.push(`\ntables/${f}: only in ${nameB}`);
  for (const t of d.tables) {
    out.push(`\ntables/${t.table}: ${t.changed.length} cell(s) changed, ${t.added.length} row(s) added, ${t.removed.length} removed`);
    for (const c of t.columnsAdded) out.push(`  + column ${c}`);
    for (const c of t.columnsRemoved) out.push(`  - column ${c}`);
    for (const r of t.added) out.push(`  + [${r}]`);
    for (const r of t.removed) out.push(`  - [${r}]`);
    for (const c of t.changed)
      out.push(
        `  [${c.row}] ${c.column}: ${show(c.old)} → ${show(c.new)}${c.delta === null ? '' : ` (Δ ${c.delta >= 0 ? '+' : ''}${Number(c.delta.toPrecision(4))})`}`,
      );
  }
  if (d.specsChanged.length > 0) out.push(`\nfigure specs changed: ${d.specsChanged.join(', ')}`);
  if (d.statusChanges.length > 0) {
    out.push(`\nledger: ${d.statusChanges.length} status change(s)`);
    for (const s of d.statusChanges) out.push(`  ${s.id}: ${s.old} → ${s.new}`);
  }
  return out.join('\n');
}

/** A version name under results/ ("latest", "reference", a hash) or a path to a result folder. */
export function resolveVersion(resultsDir: string, arg: string): string | null {
  for (const candidate of [join(resultsDir, arg), arg]) {
    if (existsSync(candidate) && statSync(candidate).isDirectory() && (existsSync(join(candidate, 'tables')) || existsSync(join(candidate, 'claims.csv'))))
      return candidate;
  }
  return null;
}

export function availableVersions(resultsDir: string): string[] {
  return existsSync(resultsDir)
    ? readdirSync(resultsDir)
        .filter((f) => !f.startsWith('.') && f !== 'README.md')
        .sort()
    : [];
}
