import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, CsvSyntaxError } from './csv.ts';
import { validateDocument, type FieldSpec, type InputError, type ParsedRow } from './validate.ts';

/**
 * Reads one CSV under the data folder and validates it. Problems are appended
 * to `errors` (never thrown) so that one run reports every bad cell at once.
 * `label` is the path shown to the user, relative to the project root.
 */
export function readTable(dataDir: string, relPath: string, fields: readonly FieldSpec[], errors: InputError[]): ParsedRow[] {
  const label = `data/${relPath}`;
  let text: string;
  try {
    text = readFileSync(join(dataDir, relPath), 'utf8');
  } catch (e) {
    errors.push({ file: label, line: 0, column: '', message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
    return [];
  }
  try {
    return validateDocument(parseCsv(text, label), label, fields, errors);
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      errors.push({ file: e.file, line: e.line, column: '', message: e.message.slice(e.file.length + String(e.line).length + 3) });
      return [];
    }
    throw e;
  }
}
