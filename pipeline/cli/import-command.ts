/**
 * `cape import lm-eval PATH... --family NAME`: turns a user's own
 * lm-evaluation-harness (or Open LLM Leaderboard v1) result files into a
 * family file that `cape diagnose`, the dashboard and `make reproduce` (via
 * data/families/) accept. Folders are searched recursively for *.json.
 */
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseFamily } from '../family-input.ts';
import { importedFamilyCsv, importLmEval } from '../import/lm-eval.ts';
import { readBenchmarks } from '../ingest.ts';
import { InputErrors, type InputError } from '../io/validate.ts';
import { ROOT, type Command } from './command.ts';
import { EXIT, UsageError } from './exit.ts';

const HELP = `cape import lm-eval PATH... --family NAME [--params MODEL=SIZE_B ...] [--out FILE]
                  [--allow-shots-mismatch] [--allow-missing-stderr]

Reads evaluation results and writes one family file (the schema of
data/families/*.csv) with scores and standard errors in percentage points and
a source naming every file read. PATH is a results JSON file or a folder
searched recursively for *.json (files there without a "results" object are
skipped with a warning). Layouts read:

  lm-evaluation-harness >= 0.4   results.hellaswag["acc_norm,none"], results.truthfulqa_mc2["acc,none"],
                                 arc_challenge, winogrande, mmlu, gsm8k when present; shots from n-shot
  lm-evaluation-harness 0.3      results.hellaswag.acc_norm, results.truthfulqa_mc.mc2, ...; config.num_fewshot
  Open LLM Leaderboard v1        results["harness|hellaswag|10"].acc_norm, results["harness|truthfulqa:mc|0"].mc2, ...

One model's tasks may come from several files; two results for one model and
task are an error naming both files. The TruthfulQA group row (mean of MC1
and MC2) is never read as MC2.

  --family NAME             family name written in every row (required)
  --params MODEL=SIZE_B     parameter count in billions, per model (by its id or
                            last path segment); repeat for every model
  --out FILE                write the family file there (atomically) instead of stdout;
                            put it in data/families/ to include it in make reproduce
  --allow-shots-mismatch    keep scores run with other shots than the panel's
                            (HellaSwag 10, TruthfulQA 0, ARC 25, MMLU 5, WinoGrande 5,
                            GSM8K 5) and record the mismatch in the row's note
  --allow-missing-stderr    where a file has no stderr (e.g. "N/A"), use the
                            item-count standard error and record it in the note

Exit status: 0 written, 2 usage or input error (nothing written).`;

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
    let st;
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
  if (out.length === 0 && errors.length === 0) errors.push({ file: paths.join(', '), line: 0, column: '', message: 'no results file found (expected *.json files with a "results" object)' });
  return out;
}

export const importCommand: Command = {
  summary: "turn lm-evaluation-harness results into a family file (cape import lm-eval PATH... --family NAME)",
  help: HELP,
  async run(argv) {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
          family: { type: 'string' },
          params: { type: 'string', multiple: true },
          out: { type: 'string' },
          'allow-shots-mismatch': { type: 'boolean' },
          'allow-missing-stderr': { type: 'boolean' },
        },
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const { values, positionals } = parsed;
    const [kind, ...paths] = positionals;
    if (kind !== 'lm-eval') throw new UsageError(kind === undefined ? 'name the format to import: cape import lm-eval PATH...' : `unknown format "${kind}"; the one supported is lm-eval`);
    if (paths.length === 0) throw new UsageError('give at least one results file or folder');
    const family = values.family?.trim();
    if (!family) throw new UsageError('--family NAME is required (the family name written in every row)');
    const params = parseParams(values.params ?? []);
    const errors: InputError[] = [];
    const benchmarks = readBenchmarks(join(ROOT, 'data'), errors);
    const files = findFiles(paths, errors, (s) => console.error(s));
    if (errors.length > 0) throw new InputErrors(errors);
    const models = importLmEval(files, { family, params, allowShotsMismatch: values['allow-shots-mismatch'] ?? false, allowMissingStderr: values['allow-missing-stderr'] ?? false, benchmarks });
    const csv = importedFamilyCsv(models, family);
    parseFamily(csv, values.out ?? 'the imported family'); // the schema diagnose and ingest apply: fail here, not later
    if (values.out === undefined) {
      process.stdout.write(csv);
    } else {
      const tmp = `${values.out}.tmp-${process.pid}`;
      writeFileSync(tmp, csv);
      renameSync(tmp, values.out);
      console.error(`cape import: wrote ${models.length} model(s) of ${family} to ${values.out}`);
    }
    return EXIT.ok;
  },
};
