import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, CsvSyntaxError } from './csv.ts';
import { validateDocument, type FieldSpec, type InputError, type ParsedRow, type ValidateOptions } from './validate.ts';

/** Why a data file cannot be read, in words a user can act on. */
function unreadable(path: string, e: NodeJS.ErrnoException): string {
  if (e.code === 'EISDIR') return 'is a directory; expected a CSV file';
  if (e.code === 'ENOENT' && lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) return 'is a symbolic link to a file that does not exist';
  return `cannot read the file (${e.code ?? String(e)})`;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The text of a UTF-8 file, or the 1-based line of its first byte sequence that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { badLine: number } {
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 10) continue;
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return { badLine: line };
      }
      line++;
      start = i + 1;
    }
    return { badLine: line };
  }
}

/**
 * Reads one CSV under the data folder and validates it. Problems are appended
 * to `errors` (never thrown) so that one run reports every bad cell at once.
 * `label` is the path shown to the user, relative to the project root.
 */
export function readTable(dataDir: string, relPath: string, fields: readonly FieldSpec[], errors: InputError[], opts: ValidateOptions = {}): ParsedRow[] {
  const label = `data/${relPath}`;
  const path = join(dataDir, relPath);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    errors.push({ file: label, line: 0, column: '', message: unreadable(path, e as NodeJS.ErrnoException) });
    return [];
  }
  const decoded = decodeUtf8(bytes);
  if ('badLine' in decoded) {
    errors.push({ file: label, line: decoded.badLine, column: '', message: 'not valid UTF-8 text; save the file as UTF-8' });
    return [];
  }
  try {
    return validateDocument(parseCsv(decoded.text, label), label, fields, errors, opts);
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      errors.push({ file: e.file, line: e.line, column: '', message: e.message.slice(e.file.length + String(e.line).length + 3) });
      return [];
    }
    throw e;
  }
}
