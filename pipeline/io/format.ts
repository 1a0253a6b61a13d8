import type { Cell } from '../types.ts';

/**
 * Rounds to a fixed number of significant digits so that tables are
 * byte-identical across machines even when the last bits of a float differ.
 */
export function roundSig(x: number, digits: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  return Number(x.toPrecision(digits));
}

export function formatCell(v: Cell, digits: number): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(roundSig(v, digits)) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v;
}

/** The JSON form of a cell: numbers rounded, non-finite numbers as null. */
export function jsonCell(v: Cell, digits: number): Cell {
  if (typeof v === 'number') return Number.isFinite(v) ? roundSig(v, digits) : null;
  return v ?? null;
}

/** File name of the column schema beside the tables (tables/schema.json); readers of tables/*.json skip it. */
export const TABLES_SCHEMA = 'schema.json';
