import * as aq from 'arquero';
import type { Table } from '../types.ts';
import { formatCell, jsonCell, roundSig } from './format.ts';

/** CSV with human headers (benchmark variant and shots named), numbers at fixed significant digits. */
/** CSV for programs: the header is the columns' snake_case keys; labels, units and variants are in tables/schema.json and the .md. */
export function tableToCsv(t: Table, digits: number): string {
  const cols = Object.fromEntries(t.columns.map((c) => [c.key, t.rows.map((r) => formatCell(r[c.key] ?? null, digits))]));
  return aq.table(cols).toCSV();
}

/** tables/schema.json: per table, its title, key columns and each column's key and label (benchmark variant, shots, unit). */
export function tablesSchema(tables: readonly Table[]): string {
  const byId = Object.fromEntries([...tables].sort((a, b) => (a.id < b.id ? -1 : 1)).map((t) => [t.id, { title: t.title, key: t.key, columns: t.columns }]));
  return JSON.stringify(byId, null, 2) + '\n';
}

export function tableToMarkdown(t: Table, digits: number): string {
  const escape = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const cols = Object.fromEntries(t.columns.map((c) => [escape(c.label), t.rows.map((r) => escape(formatCell(r[c.key] ?? null, digits)))]));
  const notes = t.notes.length > 0 ? '\n' + t.notes.map((n) => `- ${n}`).join('\n') + '\n' : '';
  const body = t.rows.length > 0 ? aq.table(cols).toMarkdown() : '_(no rows)_\n';
  return `### ${t.title}\n\n${body}${notes}`;
}

export function tableToJson(t: Table, digits: number): string {
  const rows = t.rows.map((r) => Object.fromEntries(t.columns.map((c) => [c.key, jsonCell(r[c.key] ?? null, digits)])));
  return JSON.stringify({ id: t.id, title: t.title, key: t.key, columns: t.columns, rows, notes: t.notes }, null, 2) + '\n';
}

/** Rounds every number inside a JSON value (used for figure specs). */
export function roundDeep<T>(value: T, digits: number): T {
  if (typeof value === 'number') return roundSig(value, digits) as T;
  if (Array.isArray(value)) return value.map((v) => roundDeep(v, digits)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundDeep(v, digits)])) as T;
  return value;
}
