/**
 * The table of `cape` commands: summary, help and options of each, and a
 * loader for its code. This module imports nothing heavy, so `cape --help`,
 * `cape --version` and every usage error are answered without loading the
 * pipeline, vega or the renderer.
 */
import type { Options } from './args.ts';
import type { Command } from './command.ts';

const s = { type: 'string' } as const;
const b = { type: 'boolean' } as const;
const DATA = { data: s };

const REPRODUCE_HELP = `cape reproduce [--seed S] [--resamples N] [--config FILE] [--no-png] [--data DIR] [--out DIR] [--json]

Runs the whole pipeline on the data and writes a new, versioned result folder
DIR/<version>/. The version is a hash of the data, config and code; rerunning
unchanged inputs does nothing. DIR/latest points to the newest folder.
Progress goes to stderr (one live line on a terminal); the result folder's
path, or with --json an object describing it, goes to stdout.

  --seed S         seed of the one random number generator (default from config)
  --resamples N    number of bootstrap / null-model resamples for every stage
  --config FILE    a JSON file of config values to override, keyed as in
                   pipeline/config.ts (e.g. {"noise": {"draws": 2000}})
  --no-png         skip PNG rasterisation (SVG and Vega-Lite specs are still written)
  --data DIR       read the inputs from DIR (default: the data/ shipped with cape)
  --out DIR        write result versions under DIR (default: results/ of the
                   checkout, or ./results when cape is installed as a package)
  --json           print {version, path, created, claims} as JSON

Exit status: 0 written or already there, 2 usage or input error (nothing written).`;

const DIAGNOSE_HELP = `cape diagnose <family.csv> [--json] [--seed S] [--data DIR]
cape diagnose --model <name> [--panel audited|published] [--json] [--seed S] [--data DIR]

<family.csv> holds one family's models in the schema of data/models.csv
(columns model, family, params_b, hellaswag, truthfulqa_mc2, arc, winogrande,
mmlu, source; d_model enables width normalisation; <benchmark>_stderr columns
give standard errors in points, else they come from the item counts). "cape
import lm-eval" writes such a file from lm-evaluation-harness output. --model
diagnoses a model already in the dataset, within its family in the audited
panel (duplicates dropped, misfiled models in their own family) unless
--panel published is given; a model of a contributed family
(data/families/) is judged within that family.

Reports g12 = ΔTQA/ΔHS per interval with the standard errors of both
differences, P(g12 > 0) under score noise and whether noise resolves the sign
("+", "-", "within noise", or "undefined" when |ΔHS| is within 2 SE), the
phase of each model, N_c with a bootstrap CI (or "none" and why) and as a
distribution over score-noise draws, the width-normalised r and its null
percentile when widths are given, where the family sits among the paper's
families, and the interventions the papers suggest for its phase, each with
the paper's caveat and our grade of the evidence.

Exit status: 0 diagnosed, 1 the family is in the tax phase with a sign that
noise resolves (reasoning and truthfulness trade off), 2 usage or input error.`;

const IMPORT_HELP = `cape import lm-eval PATH... --family NAME [--params MODEL=SIZE_B ...] [--out FILE]
                  [--allow-shots-mismatch] [--allow-missing-stderr] [--data DIR]

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
  --data DIR                read the benchmarks' item counts from DIR/benchmarks.csv

Exit status: 0 written, 2 usage or input error (nothing written).`;

const HFIELD_HELP = `cape h-field --swe X --gpqa Y [--lab LAB] [--json] [--data DIR]
cape h-field --model NAME [--json] [--data DIR]

h = GPQA Diamond − (slope · SWE-bench Verified + intercept), with the line fitted
by OLS on the frozen March-2026 panel (data/frontier/models.csv). Reports h in
GPQA points, the phase label (|h| <= 10: cooperative; below: coding-specialist;
above: reasoning-specialist), the playbook label at ±5, and the lab's context:
its mean h and its models in release order.

Exit status: 0 cooperative, 1 specialist (|h| beyond the cooperative band), 2 usage error.`;

const PREDICT_HELP = `cape predict --family F --size N [--audited] [--json] [--data DIR]

Integrates the paper's ODE (as the authors coded it: a linear system fitted by
least squares to Pythia's finite differences over log10 N) from the family's
smallest model with all five scores up to N billion parameters, and prints the
predicted HellaSwag, TruthfulQA, ARC, WinoGrande and MMLU scores. Uses the
as-published panel unless --audited is given.

Exit status: 0 prediction inside the fitted range, 1 prediction with a warning
(extrapolation, divergence, backwards integration), 2 usage error.`;

const DIFF_HELP = `cape diff A B [--json] [--results DIR]

A and B are result versions under the results folder (a hash, "latest" or
"reference") or paths to result folders. Prints, table by table, every cell
that changed (old → new, with the delta for numbers), added and removed rows,
changed figure specs, and every ledger row whose status changed.

  --results DIR    where the versions live (default: results/ of the checkout,
                   or ./results when cape is installed as a package)

Exit status: 0 nothing changed, 1 something changed, 2 bad arguments.`;

const DASHBOARD_HELP = `cape dashboard [VERSION] [--no-screenshots] [--results DIR] [--json]

Builds a static site from results/VERSION (default: latest) into
results/VERSION/dashboard/: index.html, app.js and chunks/ (vega and the
pipeline's diagnosis, ODE and h-field code bundled for the browser; each
tab's code loads when the tab opens), style.css, and data/ (each tab's
tables and its figures compiled from Vega-Lite to Vega). Nothing is fetched
from the network. A dashboard already there is replaced. Then takes one
screenshot per tab into dashboard/screenshots/ with Debian's
/usr/bin/chromium (set CAPE_CHROMIUM to use another).

Open it with \`cape serve [VERSION]\`; browsers do not run the page's
modules from a file on disk. The dashboard's path (with --json, an object
with the path and the screenshots) goes to stdout, progress to stderr.

Exit status: 0 built, 2 usage error or no such version.`;

const SERVE_HELP = `cape serve [VERSION] [--port N] [--results DIR]

Serves results/VERSION (default: latest) on http://127.0.0.1:N/ (default
port 8765; --port 0 picks a free one) and prints the dashboard's URL.
Text is sent compressed (brotli or gzip, as the browser accepts).
Builds the dashboard first when the folder has none (without screenshots).
Only this machine can connect. Stop with Ctrl+C.`;

const CHECK_REFERENCE_HELP = `cape check-reference [--json]

Runs the pipeline into a scratch folder and compares its tables, figure specs
and ledger with results/reference, printing every differing cell (with
--json, the comparison as an object).
Exit status: 0 identical, 1 different.`;

const SNAPSHOT_HELP = `cape snapshot [--json]

Runs the pipeline and copies its deterministic outputs (tables, figure specs,
ledger; no PNG, SVG or manifest) into results/reference. Commit the snapshot
together with the change that moved the numbers, so the move is visible in review.`;

const RESULTS = { results: s };
const noOptions: Options = {};

export const COMMANDS: Record<string, Command> = {
  reproduce: {
    summary: 'regenerate every table, figure and the claims ledger into results/<version>/',
    help: REPRODUCE_HELP,
    options: { seed: s, resamples: s, config: s, 'no-png': b, out: s, json: b, ...DATA },
    positionals: false,
    load: () => import('./reproduce-command.ts'),
  },
  diagnose: {
    summary: 'diagnose a model family from its scores: g12, phases, N_c, width, interventions',
    help: DIAGNOSE_HELP,
    options: { model: s, panel: s, seed: s, json: b, ...DATA },
    positionals: true,
    load: () => import('./diagnose-command.ts'),
  },
  import: {
    summary: 'turn lm-evaluation-harness results into a family file (cape import lm-eval PATH... --family NAME)',
    help: IMPORT_HELP,
    options: { family: s, params: { type: 'string', multiple: true }, out: s, 'allow-shots-mismatch': b, 'allow-missing-stderr': b, ...DATA },
    positionals: true,
    load: () => import('./import-command.ts'),
  },
  'h-field': {
    summary: "a frontier model's h-field: its residual from Paper B's GPQA-on-SWE line",
    help: HFIELD_HELP,
    options: { swe: s, gpqa: s, lab: s, model: s, json: b, ...DATA },
    positionals: false,
    load: () => import('./hfield-command.ts'),
  },
  predict: {
    summary: "predict a family's five benchmark scores at a size with the paper's ODE",
    help: PREDICT_HELP,
    options: { family: s, size: s, audited: b, json: b, ...DATA },
    positionals: false,
    load: () => import('./predict-command.ts'),
  },
  diff: {
    summary: 'show every table cell and ledger status that changed between two result versions',
    help: DIFF_HELP,
    options: { json: b, ...RESULTS },
    positionals: true,
    load: () => import('./diff-command.ts'),
  },
  dashboard: {
    summary: 'build the interactive dashboard of a result version into results/<version>/dashboard/',
    help: DASHBOARD_HELP,
    options: { 'no-screenshots': b, json: b, ...RESULTS },
    positionals: true,
    load: () => import('./dashboard-command.ts'),
  },
  serve: {
    summary: 'serve a result version and its dashboard on 127.0.0.1 and print the URL',
    help: SERVE_HELP,
    options: { port: s, ...RESULTS },
    positionals: true,
    load: () => import('./serve-command.ts'),
  },
  steer: {
    summary: 'activation steering for local open-weight models (direction, generate, eval, probe, inspect, export)',
    help: 'cape steer <direction|generate|eval|probe|inspect|export> --help  (see steer/README.md)',
    options: noOptions,
    positionals: true,
    raw: true,
    load: () => import('./steer-command.ts'),
  },
  'check-reference': {
    summary: 'regenerate and compare against the committed snapshot results/reference',
    help: CHECK_REFERENCE_HELP,
    options: { json: b },
    positionals: false,
    load: () => import('./reference-commands.ts').then((m) => m.checkReference),
  },
  snapshot: {
    summary: 'regenerate and replace the committed snapshot results/reference',
    help: SNAPSHOT_HELP,
    options: { json: b },
    positionals: false,
    load: () => import('./reference-commands.ts').then((m) => m.snapshot),
  },
};
