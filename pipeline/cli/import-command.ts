/**
 * `cape import lm-eval PATH... --family NAME`: turns a user's own
 * lm-evaluation-harness (or Open LLM Leaderboard v1) result files into a
 * family file that `cape diagnose`, the dashboard and `make reproduce` (via
 * data/families/) accept. Folders are searched recursively for *.json.
 */
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { parseFamily } from '../family-input.ts';
import { importedFamilyCsv, importLmEval } from '../import/lm-eval.ts';
import { readBenchmarks } from '../ingest.ts';
import { InputErrors, type InputError } from '../io/validate.ts';
import { bool, str, type Args } from './args.ts';
import { DEFAULT_DATA, type Io } from './command.ts';
import { EXIT, UsageError } from './exit.ts';
import { inputDir } from './paths.ts';

function parseParams(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) {
    const m = /^(.+)=(.+)$/.exec(v);
    const size = m ? Number(m[2]) : NaN;
    if (!m || !(Number.isFinite(size) && size > 0)) throw new UsageError(`--params expects MODEL=SIZE_B with a positive size in billions, got "${v}"`);
    if (size >= 1e5) throw new UsageError(`--params ${v}: expected billions, got ${size} (looks like a raw parameter count)`);
    out[m[1]!] = size;
  }
  return out;
}

/** Files to read: named files as given, folders searched for *.json (sorted, so the output is stable). */
function findFiles(paths: string[], errors: InputError[], warn: (s: string) => void): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const visit = (p: string, named: boolean) => {
    let st: Stats;
    try {
      st = statSync(p);
    } catch (e) {
      errors.push({ file: p, line: 0, column: '', message: `cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        const child = join(p, name);
        if (name.endsWith('.json') || statSync(child, { throwIfNoEntry: false })?.isDirectory()) visit(child, false);
      }
      return;
    }
    const text = readFileSync(p, 'utf8');
    if (!named && !/"results"\s*:/.test(text)) {
      warn(`cape import: skipping ${p}: no "results" object, not a results file`);
      return;
    }
    out.push({ path: p, text });
  };
  for (const p of paths) visit(p, true);
  if (out.length === 0 && errors.length === 0)
    errors.push({ file: paths.join(', '), line: 0, column: '', message: 'no results file found (expected *.json files with a "results" object)' });
  return out;
}

export async function run({ values, positionals }: Args, io: Io): Promise<number> {
  const [kind, ...paths] = positionals;
  if (kind !== 'lm-eval')
    throw new UsageError(
      kind === undefined ? 'name the format to import: cape import lm-eval PATH...' : `unknown format "${kind}"; the one supported is lm-eval`,
    );
  if (paths.length === 0) throw new UsageError('give at least one results file or folder');
  const family = str(values, 'family')?.trim();
  if (!family) throw new UsageError('--family NAME is required (the family name written in every row)');
  const params = parseParams((values.params as string[] | undefined) ?? []);
  const out = str(values, 'out');
  if (out !== undefined && statSync(out, { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(`--out: "${out}" is a directory, expected a file name`);
  const errors: InputError[] = [];
  const benchmarks = readBenchmarks(inputDir('data', str(values, 'data') ?? DEFAULT_DATA), errors);
  const files = findFiles(paths, errors, (s) => io.err(s));
  if (errors.length > 0) throw new InputErrors(errors);
  const models = importLmEval(files, {
    family,
    params,
    allowShotsMismatch: bool(values, 'allow-shots-mismatch'),
    allowMissingStderr: bool(values, 'allow-missing-stderr'),
    benchmarks,
  });
  const csv = importedFamilyCsv(models, family);
  parseFamily(csv, out ?? 'the imported family'); // the schema diagnose and ingest apply: fail here, not later
  if (out === undefined) {
    io.out(csv.replace(/\n$/, ''));
  } else {
    const tmp = `${out}.tmp-${process.pid}`;
    writeFileSync(tmp, csv);
    renameSync(tmp, out);
    io.err(`cape import: wrote ${models.length} model(s) of ${family} to ${out}`);
  }
  return EXIT.ok;
}
