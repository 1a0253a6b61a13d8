/**
 * A table's files: CSV for programs (snake_case keys as the header), Markdown
 * for people (labels naming benchmark variant, shots and unit), JSON with both,
 * and tables/schema.json. Numbers are written at fixed significant digits.
 */
import type { Table } from '../types.ts';
import { formatCell, jsonCell, roundSig } from './format.ts';

/** A CSV field: quoted when it holds a quote, a comma or a line break (RFC 4180). */
const csvField = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** CSV for programs: the header is the columns' snake_case keys; labels, units and variants are in tables/schema.json and the .md. */
export function tableToCsv(t: Table, digits: number): string {
  const lines = [t.columns.map((c) => c.key), ...t.rows.map((r) => t.columns.map((c) => formatCell(r[c.key] ?? null, digits)))];
  return lines.map((cells) => cells.map(csvField).join(',') + '\n').join('');
}

/** tables/schema.json: per table, its title, key columns and each column's key and label (benchmark variant, shots, unit). */
export function tablesSchema(tables: readonly Table[]): string {
  const byId = Object.fromEntries([...tables].sort((a, b) => (a.id < b.id ? -1 : 1)).map((t) => [t.id, { title: t.title, key: t.key, columns: t.columns }]));
  return JSON.stringify(byId, null, 2) + '\n';
}

/** A Markdown table cell: a pipe is escaped once (so "|ΔHS|" stays in its cell) and a line break becomes a space. */
const mdCell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function tableToMarkdown(t: Table, digits: number): string {
  const row = (cells: string[]) => `|${cells.map(mdCell).join('|')}|\n`;
  const table =
    row(t.columns.map((c) => c.label)) +
    `|${t.columns.map(() => ':-').join('|')}|\n` +
    t.rows.map((r) => row(t.columns.map((c) => formatCell(r[c.key] ?? null, digits)))).join('');
  const notes = t.notes.length > 0 ? '\n' + t.notes.map((n) => `- ${n}`).join('\n') + '\n' : '';
  const body = t.rows.length > 0 ? table : '_(no rows)_\n';
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
