/**
 * The schema of a model row (data/models.csv, data/families/*.csv, a family
 * file given to `cape diagnose`, a family pasted into the dashboard) and the
 * cross-row rules. Pure: no file system, so the dashboard bundles it too.
 */
import { BENCHMARKS } from './config.ts';
import { SCORED_BENCHMARKS } from './noise/benchmarks.ts';
import type { FieldSpec, InputError, ParsedRow } from './io/validate.ts';
import type { Model, Quirk } from './types.ts';

export const percent = (name: string, required = false): FieldSpec => ({ name, kind: 'number', required, min: 0, max: 100 });

const billions: FieldSpec = {
  name: 'params_b',
  kind: 'number',
  required: true,
  min: 0.001,
  check: (x) => (x >= 1e5 ? `expected parameters in billions, got ${x} (looks like a raw parameter count)` : null),
};

export const MODEL_FIELDS: readonly FieldSpec[] = [
  { name: 'model', kind: 'string', required: true },
  { name: 'family', kind: 'string', required: true },
  { name: 'hf_id', kind: 'string', required: false, optionalColumn: true },
  billions,
  { name: 'd_model', kind: 'integer', required: false, min: 1, optionalColumn: true },
  { name: 'n_layers', kind: 'integer', required: false, min: 1, optionalColumn: true },
  ...BENCHMARKS.map((b) => percent(b)),
  { ...percent('gsm8k'), optionalColumn: true },
  // Standard errors in percentage points, as lm-evaluation-harness reports them; absent columns fall back to the noise model.
  ...SCORED_BENCHMARKS.map((b): FieldSpec => ({ name: `${b}_stderr`, kind: 'number', required: false, min: 0, max: 50, optionalColumn: true })),
  { name: 'quirk', kind: 'enum', required: false, values: ['duplicate', 'misfiled'], optionalColumn: true },
  { name: 'audited_family', kind: 'string', required: false, optionalColumn: true },
  { name: 'source', kind: 'string', required: true },
  { name: 'arch_source', kind: 'string', required: false, optionalColumn: true },
  // Free text about how a row was measured, e.g. the shots mismatch `cape import lm-eval --allow-shots-mismatch` records.
  { name: 'note', kind: 'string', required: false, optionalColumn: true },
];

export const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
export const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function toModel(r: ParsedRow, file: string, origin: Model['origin']): Model {
  const v = r.values;
  const scores = Object.fromEntries(BENCHMARKS.map((b) => [b, num(v[b])])) as Model['scores'];
  return {
    model: str(v.model),
    family: str(v.family),
    hfId: str(v.hf_id),
    paramsB: num(v.params_b) ?? NaN,
    dModel: num(v.d_model),
    nLayers: num(v.n_layers),
    scores,
    gsm8k: num(v.gsm8k),
    stderr: Object.fromEntries(SCORED_BENCHMARKS.map((b) => [b, num(v[`${b}_stderr`])])) as Model['stderr'],
    quirk: str(v.quirk) as Quirk,
    auditedFamily: str(v.audited_family),
    source: str(v.source),
    origin,
    file,
    line: r.line,
  };
}

/** Cross-row rules that a single cell cannot show. */
export function checkModels(models: Model[], errors: InputError[]): void {
  const byName = new Map<string, Model>();
  const byHf = new Map<string, Model>();
  for (const m of models) {
    const at = (column: string, message: string) => errors.push({ file: m.file, line: m.line, column, message });
    const prior = byName.get(m.model);
    if (prior) at('model', `duplicate model name "${m.model}" (first at ${prior.file}:${prior.line})`);
    byName.set(m.model, m);
    if (m.hfId) {
      const twin = byHf.get(m.hfId);
      if (twin && m.quirk !== 'duplicate' && twin.quirk !== 'duplicate') {
        at('hf_id', `"${m.hfId}" already appears at ${twin.file}:${twin.line}; mark one of them quirk=duplicate`);
      }
      if (!twin || twin.quirk === 'duplicate') byHf.set(m.hfId, m);
    }
    if (m.quirk === 'misfiled' && !m.auditedFamily) at('audited_family', 'quirk=misfiled needs the real family in audited_family');
    if (m.auditedFamily && m.quirk !== 'misfiled') at('audited_family', 'audited_family is only used with quirk=misfiled');
    const present = BENCHMARKS.map((b) => m.scores[b]).filter((x): x is number => x !== null);
    if (present.length > 0 && present.every((x) => x <= 1)) at('hellaswag', 'every score is <= 1; expected percent (0-100), not fractions');
  }
  for (const m of models) {
    if (m.quirk === 'duplicate' && !models.some((o) => o !== m && o.hfId === m.hfId && o.quirk !== 'duplicate')) {
      errors.push({ file: m.file, line: m.line, column: 'quirk', message: `quirk=duplicate but no other row has hf_id "${m.hfId}"` });
    }
  }
}

/**
 * One file, one family: every row names the same family. `minModels` is 2 for
 * data/families/ (a one-model family has no interval and would be computed
 * into nothing) and 1 where a single model is still worth a diagnosis.
 */
export function checkFamilyFile(rows: Model[], errors: InputError[], file: string, minModels: number): void {
  if (rows.length < minModels) {
    errors.push({
      file,
      line: rows[0]?.line ?? 2,
      column: '',
      message:
        rows.length === 0
          ? 'no model rows after the header; a family file needs at least one model per line'
          : `a family needs at least ${minModels} models (sizes) to have an interval; this file has ${rows.length}`,
    });
  }
  const family = rows[0]?.family;
  for (const m of rows) {
    if (m.family !== family) {
      errors.push({
        file: m.file,
        line: m.line,
        column: 'family',
        message: `a family file holds one family; expected "${family}" (as on line ${rows[0]!.line}), got "${m.family}"`,
      });
    }
  }
}
