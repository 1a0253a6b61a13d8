import { CsvSyntaxError, parseCsv } from './io/csv.ts';
import { InputErrors, validateDocument, type InputError } from './io/validate.ts';
import { checkFamilyFile, checkModels, MODEL_FIELDS, toModel } from './model-schema.ts';
import type { Model } from './types.ts';

/**
 * Parses one family given as CSV text (a file for `cape diagnose`, or text
 * pasted into the dashboard), with the same checks and messages as ingest.
 * `label` names the source in error messages.
 */
export function parseFamily(text: string, label: string): Model[] {
  const errors: InputError[] = [];
  let models: Model[] = [];
  try {
    models = validateDocument(parseCsv(text, label), label, MODEL_FIELDS, errors, { closed: true }).map((r) => toModel(r, label, 'contributed'));
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    errors.push({ file: label, line: e.line, column: '', message: e.message.slice(label.length + String(e.line).length + 3) });
  }
  if (errors.length === 0) {
    checkFamilyFile(models, errors, label, 1);
    checkModels(models, errors);
  }
  if (errors.length > 0) throw new InputErrors(errors);
  return models.sort((a, b) => a.paramsB - b.paramsB);
}
