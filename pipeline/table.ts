import type { Cell, Column, Table } from './types.ts';

/** Builds a Table from [key, header label] pairs; labels name benchmark variants and units. */
export function makeTable(
  id: string,
  title: string,
  columns: [string, string][],
  rows: Record<string, Cell>[],
  notes: string[] = [],
  key: string[] = [],
): Table {
  const cols: Column[] = columns.map(([key, label]) => ({ key, label }));
  for (const [i, row] of rows.entries()) {
    for (const key of Object.keys(row)) {
      if (!cols.some((c) => c.key === key)) throw new Error(`table ${id}: row ${i} has key "${key}" that is not a column`);
    }
  }
  for (const k of key) if (!cols.some((c) => c.key === k)) throw new Error(`table ${id}: key column "${k}" is not a column`);
  return { id, title, columns: cols, rows, notes, key };
}
