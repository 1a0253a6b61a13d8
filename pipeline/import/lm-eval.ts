/**
 * `cape import lm-eval`: merges evaluation-results files (one model's tasks
 * may come from several runs) into one family in the schema of
 * data/families/*.csv, with standard errors in points and a source naming
 * every file. Shots are checked against the panel's settings. Pure: files in
 * as text, CSV text out; errors name the file and the JSON path.
 */
import type { BenchmarkTable, ScoredBenchmark } from '../noise/benchmarks.ts';
import { SCORED_BENCHMARKS } from '../noise/benchmarks.ts';
import { InputErrors, type InputError } from '../io/validate.ts';
import { readEvalFile, type EvalFileResult, type Layout } from './lm-eval-layouts.ts';

export interface ImportOptions {
  family: string;
  /** Size in billions per model, keyed by the model id or its last path segment (from --params MODEL=SIZE_B). */
  params: Record<string, number>;
  /** Keep scores measured with other shots than the panel's, and say so in the row's note. */
  allowShotsMismatch: boolean;
  /** Use the item-count standard error where a file gives none, and say so in the row's note. */
  allowMissingStderr: boolean;
  benchmarks: BenchmarkTable;
}

interface Taken {
  value: number;
  stderr: number | null;
  shots: number | null;
  path: string;
  layout: Layout;
}

export interface ImportedModel {
  model: string;
  hfId: string;
  paramsB: number;
  scores: Partial<Record<ScoredBenchmark, Taken>>;
  notes: string[];
}

/** The short name of a model id: the last path segment of "ORG/NAME" or of a local folder. */
export function modelName(id: string): string {
  const parts = id.replace(/[\\/]+$/, '').split(/[\\/]/);
  return parts[parts.length - 1] || id;
}

/** A hub id looks like ORG/NAME; a local path (absolute, relative or deeper) has no hub id. */
const hubId = (id: string) => (/^[\w.-]+\/[\w.-]+$/.test(id) && !id.startsWith('.') ? id : '');

function collect(
  files: readonly EvalFileResult[],
  errors: InputError[],
): Map<string, { id: string; reportedParams: number | null; scores: Map<ScoredBenchmark, Taken & { at: string; stderrIssue: string | null }> }> {
  const byModel = new Map<
    string,
    { id: string; reportedParams: number | null; scores: Map<ScoredBenchmark, Taken & { at: string; stderrIssue: string | null }> }
  >();
  for (const f of files) {
    const entry = byModel.get(f.modelId) ?? { id: f.modelId, reportedParams: null, scores: new Map() };
    entry.reportedParams ??= f.reportedParams;
    for (const s of f.scores) {
      const prior = entry.scores.get(s.benchmark);
      if (prior) {
        errors.push({
          file: f.path,
          line: 0,
          column: s.at,
          message: `a second ${s.benchmark} result for ${f.modelId}; the first is in ${prior.path} (${prior.at}). Keep one file per model and task.`,
        });
        continue;
      }
      entry.scores.set(s.benchmark, { value: s.value, stderr: s.stderr, shots: s.shots, path: f.path, layout: f.layout, at: s.at, stderrIssue: s.stderrIssue });
    }
    byModel.set(f.modelId, entry);
  }
  return byModel;
}

export function importLmEval(files: readonly { path: string; text: string }[], opts: ImportOptions): ImportedModel[] {
  const errors: InputError[] = [];
  const read = files.map((f) => readEvalFile(f.path, f.text, errors)).filter((x): x is EvalFileResult => x !== null);
  const byModel = collect(read, errors);
  const usedParams = new Set<string>();
  const names = new Map<string, string>();
  const out: ImportedModel[] = [];
  for (const { id, reportedParams, scores } of byModel.values()) {
    const name = modelName(id);
    const twin = names.get(name);
    if (twin)
      errors.push({
        file: scores.values().next().value!.path,
        line: 0,
        column: 'config.model_args',
        message: `models "${twin}" and "${id}" share the name "${name}"; rename one folder`,
      });
    names.set(name, id);
    const notes: string[] = [];
    for (const [b, s] of scores) {
      const want = opts.benchmarks[b].shots;
      if (s.shots !== want) {
        const found = s.shots === null ? 'no shot count recorded' : `${s.shots}-shot`;
        if (opts.allowShotsMismatch) notes.push(`${b} ${found}, the panel uses ${want}-shot`);
        else
          errors.push({
            file: s.path,
            line: 0,
            column: s.at,
            message: `${b} was run ${found}; the panel (Open LLM Leaderboard v1) uses ${want}-shot, so the scores are not comparable. Rerun with --num_fewshot ${want}, or pass --allow-shots-mismatch to keep it with a note.`,
          });
      }
      if (s.stderrIssue !== null) {
        if (opts.allowMissingStderr) notes.push(`${b} stderr from the item count (${s.stderrIssue})`);
        else
          errors.push({
            file: s.path,
            line: 0,
            column: s.at,
            message: `${s.stderrIssue}: expected the standard error as a fraction (runs with --bootstrap_iters 0 write "N/A"); pass --allow-missing-stderr to use the item-count standard error instead`,
          });
      }
    }
    const missing = (['hellaswag', 'truthfulqa_mc2'] as const).filter((b) => !scores.has(b));
    if (missing.length > 0) {
      const seen = [...new Set([...scores.values()].map((s) => s.path))].join(', ');
      errors.push({
        file: seen,
        line: 0,
        column: '',
        message: `${id}: no ${missing.join(' and ')} result (tasks read: ${[...scores.keys()].join(', ')}); the coupling needs hellaswag (10-shot) and truthfulqa_mc2 (0-shot)`,
      });
    }
    const key = [id, name].find((k) => k in opts.params);
    if (key === undefined) {
      const hint =
        reportedParams === null
          ? ''
          : ` (the file reports model_num_parameters = ${reportedParams}, i.e. --params ${name}=${(reportedParams / 1e9).toPrecision(3)})`;
      errors.push({
        file: scores.values().next().value!.path,
        line: 0,
        column: '--params',
        message: `no parameter count for model "${id}": pass --params ${name}=<size in billions>${hint}`,
      });
      continue;
    }
    usedParams.add(key);
    out.push({
      model: name,
      hfId: hubId(id),
      paramsB: opts.params[key]!,
      scores: Object.fromEntries([...scores].map(([b, s]) => [b, { value: s.value, stderr: s.stderr, shots: s.shots, path: s.path, layout: s.layout }])),
      notes,
    });
  }
  for (const k of Object.keys(opts.params)) {
    if (!usedParams.has(k))
      errors.push({ file: '--params', line: 0, column: k, message: `names no model in the files read (models: ${[...byModel.keys()].join(', ') || 'none'})` });
  }
  if (errors.length > 0) throw new InputErrors(errors);
  return out.sort((a, b) => a.paramsB - b.paramsB || (a.model < b.model ? -1 : 1));
}

const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
/** Fractions to percentage points, rounded to the harness's own precision so the CSV does not carry float noise. */
const points = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(Number((100 * x).toPrecision(10))));

export const IMPORT_HEADER = ['model', 'family', 'hf_id', 'params_b', ...SCORED_BENCHMARKS, ...SCORED_BENCHMARKS.map((b) => `${b}_stderr`), 'note', 'source'];

function sourceOf(m: ImportedModel): string {
  const byFile = new Map<string, string[]>();
  for (const b of SCORED_BENCHMARKS) {
    const s = m.scores[b];
    if (s) byFile.set(`${s.layout}: ${s.path}`, [...(byFile.get(`${s.layout}: ${s.path}`) ?? []), `${b} ${s.shots ?? '?'}-shot`]);
  }
  return [...byFile].map(([file, tasks]) => `${file} (${tasks.join(', ')})`).join('; ');
}

/** The family file: one row per model, scores and stderrs in percentage points. */
export function importedFamilyCsv(models: readonly ImportedModel[], family: string): string {
  const rows = models.map((m) =>
    [
      m.model,
      family,
      m.hfId,
      String(m.paramsB),
      ...SCORED_BENCHMARKS.map((b) => points(m.scores[b]?.value)),
      ...SCORED_BENCHMARKS.map((b) => points(m.scores[b]?.stderr)),
      m.notes.join('; '),
      sourceOf(m),
    ]
      .map(quote)
      .join(','),
  );
  return [IMPORT_HEADER.join(','), ...rows].join('\n') + '\n';
}
