import type { CsvDocument } from './csv.ts';

/** One problem in one input cell, reported as file:line: column: what was expected. */
export interface InputError {
  file: string;
  line: number;
  column: string;
  message: string;
}

/** Line 0 means "the whole file" (an unreadable file, a JSON document): no line number is shown. */
export function formatInputError(e: InputError): string {
  const at = e.line > 0 ? `${e.file}:${e.line}` : e.file;
  const where = e.column ? `${at}: ${e.line > 0 ? 'column' : 'at'} "${e.column}"` : at;
  return `${where}: ${e.message}`;
}

/** How many problems a message lists before it says how many more there are (a junk file can have hundreds of thousands). */
export const SHOWN_ERRORS = 20;

export class InputErrors extends Error {
  constructor(readonly errors: InputError[]) {
    const shown = errors.slice(0, SHOWN_ERRORS).map((e) => '  ' + formatInputError(e));
    const more = errors.length > SHOWN_ERRORS ? [`  ... and ${errors.length - SHOWN_ERRORS} more`] : [];
    super(`${errors.length} input error(s):\n` + [...shown, ...more].join('\n'));
  }
}

export interface ValidateOptions {
  /** Every column the file may have is in the schema: any other header is an error (a typo such as d_modle). */
  closed?: boolean;
}

/** The first control character other than tab, CR and LF (never meaningful in a data cell; they break renderers), or -1. */
function controlChar(cell: string): number {
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) return c;
  }
  return -1;
}

export type FieldKind = 'string' | 'number' | 'integer' | 'enum' | 'boolean';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  min?: number;
  max?: number;
  values?: readonly string[];
  /** The column may be absent from the header; every cell then reads as null. */
  optionalColumn?: boolean;
  /** Extra check on a parsed number; returns an error message or null. */
  check?: (value: number) => string | null;
}

export type Parsed = string | number | boolean | null;

export interface ParsedRow {
  line: number;
  values: Record<string, Parsed>;
}

/** Checks the header and every cell against the schema; collects all errors rather than stopping at the first. */
export function validateDocument(doc: CsvDocument, file: string, fields: readonly FieldSpec[], errors: InputError[], opts: ValidateOptions = {}): ParsedRow[] {
  const index = new Map<string, number>();
  const headerErrors = errors.length;
  doc.header.forEach((h, i) => {
    if (index.has(h)) errors.push({ file, line: 1, column: h, message: `appears twice in the header (columns ${index.get(h)! + 1} and ${i + 1})` });
    else index.set(h, i);
  });
  if (opts.closed) {
    const known = new Set(fields.map((f) => f.name));
    for (const h of doc.header)
      if (!known.has(h)) errors.push({ file, line: 1, column: h, message: `unknown column; expected columns: ${fields.map((f) => f.name).join(', ')}` });
  }
  const missing = fields.filter((f) => !f.optionalColumn && !index.has(f.name));
  for (const f of missing) {
    errors.push({ file, line: 1, column: f.name, message: `required column is missing from the header (found: ${doc.header.join(', ')})` });
  }
  // With a broken header every row would only repeat the problem.
  if (errors.length > headerErrors) return [];
  const rows: ParsedRow[] = [];
  for (const rec of doc.records) {
    if (rec.cells.length !== doc.header.length) {
      errors.push({ file, line: rec.line, column: '', message: `expected ${doc.header.length} fields, found ${rec.cells.length}` });
      continue;
    }
    const values: Record<string, Parsed> = {};
    rec.cells.forEach((cell, i) => {
      const c = controlChar(cell);
      if (c >= 0) errors.push({ file, line: rec.line, column: doc.header[i] ?? '', message: `holds a control character (code ${c}); expected plain text` });
    });
    for (const f of fields) {
      const at = index.get(f.name);
      const raw = at === undefined ? '' : rec.cells[at]!;
      const parsed = parseCell(raw, f);
      if (typeof parsed === 'object' && parsed !== null) {
        errors.push({ file, line: rec.line, column: f.name, message: parsed.error });
        values[f.name] = null;
      } else values[f.name] = parsed;
    }
    rows.push({ line: rec.line, values });
  }
  return rows;
}

function parseCell(raw: string, f: FieldSpec): Parsed | { error: string } {
  if (raw === '') return f.required ? { error: `a value is required (${describe(f)})` } : null;
  switch (f.kind) {
    case 'string':
      return raw;
    case 'enum':
      return f.values!.includes(raw) ? raw : { error: `expected one of ${f.values!.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(raw)}` };
    case 'boolean':
      if (raw === 'true') return true;
      if (raw === 'false') return false;
      return { error: `expected true or false, got ${JSON.stringify(raw)}` };
    case 'number':
    case 'integer': {
      const x = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isFinite(x)) return { error: `expected ${describe(f)}, got ${JSON.stringify(raw)}` };
      if (f.kind === 'integer' && !Number.isInteger(x)) return { error: `expected ${describe(f)}, got ${raw}` };
      if ((f.min !== undefined && x < f.min) || (f.max !== undefined && x > f.max)) return { error: `expected ${describe(f)}, got ${raw}` };
      const custom = f.check?.(x);
      return custom ? { error: custom } : x;
    }
  }
}

function describe(f: FieldSpec): string {
  const noun =
    f.kind === 'integer'
      ? 'an integer'
      : f.kind === 'number'
        ? 'a number'
        : f.kind === 'enum'
          ? `one of ${f.values!.join(', ')}`
          : f.kind === 'boolean'
            ? 'true or false'
            : 'text';
  if (f.min !== undefined && f.max !== undefined) return `${noun} in [${f.min}, ${f.max}]`;
  if (f.min !== undefined) return `${noun} >= ${f.min}`;
  return noun;
}
