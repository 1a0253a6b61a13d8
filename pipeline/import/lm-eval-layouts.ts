/**
 * Reads one evaluation-results JSON file in any of the layouts users bring:
 * lm-evaluation-harness 0.4 (`results.<task>["<metric>,<filter>"]`), 0.3
 * (`results.<task>.<metric>`) and the Open LLM Leaderboard v1 per-model files
 * (`results["harness|<task>|<shots>"]`). Out: the model id and, per panel
 * benchmark found, the score and stderr as fractions with the shots used.
 * Pure (text in, values out), so the dashboard can read dropped files too.
 */
import type { ScoredBenchmark } from '../noise/benchmarks.ts';
import type { InputError } from '../io/validate.ts';

export type Layout = 'lm-evaluation-harness 0.4' | 'lm-evaluation-harness 0.3' | 'Open LLM Leaderboard v1';

export interface TaskScore {
  benchmark: ScoredBenchmark;
  /** Fraction in [0, 1]. */
  value: number;
  /** Fraction; null when the file gives none. */
  stderr: number | null;
  /** Why a stderr the harness should have written is missing; null when present or not expected (MMLU averaged here). */
  stderrIssue: string | null;
  shots: number | null;
  /** Where in the file the value was read, e.g. results.hellaswag["acc_norm,none"]. */
  at: string;
}

export interface EvalFileResult {
  path: string;
  layout: Layout;
  modelId: string;
  /** Parameter count the file itself reports (recent harness versions), for the error hint only. */
  reportedParams: number | null;
  scores: TaskScore[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Harness task and metric of each panel benchmark (0.4 names; 0.3 differs for TruthfulQA and MMLU). */
const TASKS_04: [ScoredBenchmark, string, string][] = [
  ['hellaswag', 'hellaswag', 'acc_norm'],
  ['truthfulqa_mc2', 'truthfulqa_mc2', 'acc'],
  ['arc', 'arc_challenge', 'acc_norm'],
  ['winogrande', 'winogrande', 'acc'],
  ['mmlu', 'mmlu', 'acc'],
  ['gsm8k', 'gsm8k', 'exact_match'],
];
/** Filter suffixes in order of preference; GSM8K's strict match is what the v1 leaderboard scored. */
const FILTERS = ['none', 'strict-match', 'flexible-extract'];

const LEADERBOARD: [ScoredBenchmark, string, string][] = [
  ['hellaswag', 'harness|hellaswag|', 'acc_norm'],
  ['truthfulqa_mc2', 'harness|truthfulqa:mc|', 'mc2'],
  ['arc', 'harness|arc:challenge|', 'acc_norm'],
  ['winogrande', 'harness|winogrande|', 'acc'],
  ['gsm8k', 'harness|gsm8k|', 'acc'],
];

/** JSON with bare NaN (reported in some leaderboard files) parses with NaN read as null. */
export function parseJsonLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    if (!/\bNaN\b/.test(text)) throw e;
    return JSON.parse(text.replace(/(?<!")\bNaN\b(?!")/g, 'null'));
  }
}

function modelIdFrom(root: Json): string | null {
  const cfg = isObject(root.config) ? root.config : {};
  const args = cfg.model_args;
  if (typeof args === 'string') {
    const m = /(?:^|,)\s*pretrained=([^,]+)/.exec(args);
    if (m) return m[1]!.trim();
  }
  if (isObject(args) && typeof args.pretrained === 'string') return args.pretrained;
  if (typeof root.model_name === 'string' && root.model_name) return root.model_name;
  if (typeof cfg.model_name === 'string' && cfg.model_name) return cfg.model_name;
  const general = root.config_general;
  if (isObject(general) && typeof general.model_name === 'string') return general.model_name;
  return null;
}

function reportedParams(root: Json): number | null {
  const cfg = isObject(root.config) ? root.config : {};
  const v = root.model_num_parameters ?? cfg.model_num_parameters;
  return typeof v === 'number' && v > 0 ? v : null;
}

function shots04(root: Json, task: string): number | null {
  const n = isObject(root['n-shot']) ? root['n-shot'][task] : undefined;
  if (typeof n === 'number') return n;
  const c = isObject(root.configs) && isObject(root.configs[task]) ? root.configs[task].num_fewshot : undefined;
  return typeof c === 'number' ? c : null;
}

const key = (task: string, k: string) => (/^[a-z_][a-z0-9_]*$/i.test(task) ? `results.${task}["${k}"]` : `results["${task}"]["${k}"]`);

/** Reads a score and its stderr; a bad score goes to `errors`, a missing stderr is reported with the score. */
function readMetric(
  path: string,
  task: string,
  entry: Json,
  metric: string,
  stderrKey: string,
  errors: InputError[],
): Pick<TaskScore, 'value' | 'stderr' | 'stderrIssue'> | null {
  const v = entry[metric];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
    errors.push({
      file: path,
      line: 0,
      column: key(task, metric),
      message:
        v === undefined
          ? `no "${metric}" in task "${task}" (keys: ${Object.keys(entry).join(', ') || 'none'})`
          : `expected a fraction in [0, 1], got ${JSON.stringify(v)}`,
    });
    return null;
  }
  const se = entry[stderrKey];
  if (typeof se === 'number' && Number.isFinite(se) && se >= 0 && se <= 1) return { value: v, stderr: se, stderrIssue: null };
  return { value: v, stderr: null, stderrIssue: `${key(task, stderrKey)} is ${se === undefined ? 'missing' : JSON.stringify(se)}` };
}

function read04(path: string, root: Json, results: Json, errors: InputError[]): TaskScore[] {
  const out: TaskScore[] = [];
  for (const [benchmark, task, metric] of TASKS_04) {
    const entry = results[task];
    if (!isObject(entry)) continue;
    const filters = Object.keys(entry)
      .filter((k) => k.startsWith(`${metric},`))
      .map((k) => k.slice(metric.length + 1));
    if (filters.length === 0) {
      errors.push({
        file: path,
        line: 0,
        column: `results.${task}`,
        message: `no "${metric},<filter>" score in task "${task}" (keys: ${Object.keys(entry).join(', ') || 'none'})`,
      });
      continue;
    }
    const filter = FILTERS.find((f) => filters.includes(f)) ?? filters.sort()[0]!;
    const m = readMetric(path, task, entry, `${metric},${filter}`, `${metric}_stderr,${filter}`, errors);
    if (m) out.push({ benchmark, ...m, shots: shots04(root, task), at: key(task, `${metric},${filter}`) });
  }
  return out;
}

/** Mean accuracy over MMLU's subject tasks (0.3 hendrycksTest-*, leaderboard harness|hendrycksTest-*|5), as the v1 leaderboard averaged them. */
function mmluMean(path: string, results: Json, match: RegExp, errors: InputError[]): { value: number; shots: number | null; n: number } | null {
  const subjects = Object.entries(results).filter(([k]) => match.test(k));
  if (subjects.length === 0) return null;
  let sum = 0;
  for (const [k, v] of subjects) {
    const acc = isObject(v) ? v.acc : undefined;
    if (typeof acc !== 'number' || !(acc >= 0 && acc <= 1)) {
      errors.push({ file: path, line: 0, column: `results["${k}"].acc`, message: `expected a fraction in [0, 1], got ${JSON.stringify(acc)}` });
      return null;
    }
    sum += acc;
  }
  const shots = /\|(\d+)$/.exec(subjects[0]![0]);
  return { value: sum / subjects.length, shots: shots ? Number(shots[1]) : null, n: subjects.length };
}

function read03(path: string, root: Json, results: Json, errors: InputError[]): TaskScore[] {
  const cfg = isObject(root.config) ? root.config : {};
  const shots = typeof cfg.num_fewshot === 'number' ? cfg.num_fewshot : null;
  const out: TaskScore[] = [];
  const tasks: [ScoredBenchmark, string, string][] = [
    ['hellaswag', 'hellaswag', 'acc_norm'],
    ['truthfulqa_mc2', 'truthfulqa_mc', 'mc2'],
    ['arc', 'arc_challenge', 'acc_norm'],
    ['winogrande', 'winogrande', 'acc'],
    ['gsm8k', 'gsm8k', 'acc'],
  ];
  for (const [benchmark, task, metric] of tasks) {
    const entry = results[task];
    if (!isObject(entry)) continue;
    const m = readMetric(path, task, entry, metric, `${metric}_stderr`, errors);
    if (m) out.push({ benchmark, ...m, shots, at: key(task, metric) });
  }
  const mmlu = mmluMean(path, results, /^hendrycksTest-/, errors);
  if (mmlu) out.push({ benchmark: 'mmlu', value: mmlu.value, stderr: null, stderrIssue: null, shots, at: `mean of ${mmlu.n} results["hendrycksTest-*"].acc` });
  return out;
}

function readLeaderboard(path: string, results: Json, errors: InputError[]): TaskScore[] {
  const out: TaskScore[] = [];
  for (const [benchmark, prefix, metric] of LEADERBOARD) {
    const hit = Object.keys(results).find((k) => k.startsWith(prefix) && /\|\d+$/.test(k));
    if (!hit) continue;
    const entry = results[hit];
    if (!isObject(entry)) continue;
    const m = readMetric(path, hit, entry, metric, `${metric}_stderr`, errors);
    if (m) out.push({ benchmark, ...m, shots: Number(hit.slice(prefix.length)), at: key(hit, metric) });
  }
  const mmlu = mmluMean(path, results, /^harness\|hendrycksTest-.*\|\d+$/, errors);
  if (mmlu)
    out.push({
      benchmark: 'mmlu',
      value: mmlu.value,
      stderr: null,
      stderrIssue: null,
      shots: mmlu.shots,
      at: `mean of ${mmlu.n} results["harness|hendrycksTest-*|N"].acc`,
    });
  return out;
}

function layoutOf(root: Json, results: Json): Layout {
  if (isObject(root.config_general) || Object.keys(results).some((k) => k.startsWith('harness|'))) return 'Open LLM Leaderboard v1';
  const has04Keys = Object.values(results).some((v) => isObject(v) && Object.keys(v).some((k) => k.includes(',')));
  return has04Keys || 'n-shot' in root || 'configs' in root ? 'lm-evaluation-harness 0.4' : 'lm-evaluation-harness 0.3';
}

/** One file's scores, or null (with errors) when the file cannot be read as a results file. */
export function readEvalFile(path: string, text: string, errors: InputError[]): EvalFileResult | null {
  let root: unknown;
  try {
    root = parseJsonLenient(text);
  } catch (e) {
    errors.push({ file: path, line: 0, column: '', message: `not valid JSON (${(e as Error).message})` });
    return null;
  }
  if (!isObject(root) || !isObject(root.results)) {
    errors.push({ file: path, line: 0, column: '', message: 'not an lm-evaluation-harness results file: no top-level "results" object' });
    return null;
  }
  const results = root.results;
  const layout = layoutOf(root, results);
  const before = errors.length;
  const scores =
    layout === 'Open LLM Leaderboard v1'
      ? readLeaderboard(path, results, errors)
      : layout === 'lm-evaluation-harness 0.4'
        ? read04(path, root, results, errors)
        : read03(path, root, results, errors);
  if (scores.length === 0 && errors.length === before) {
    const tasks = Object.keys(results);
    errors.push({
      file: path,
      line: 0,
      column: 'results',
      message: `none of the panel's tasks (hellaswag, truthfulqa_mc2, arc_challenge, winogrande, mmlu, gsm8k) is in this file; tasks found: ${tasks.slice(0, 8).join(', ')}${tasks.length > 8 ? `, … (${tasks.length})` : ''}`,
    });
    return null;
  }
  const modelId = modelIdFrom(root);
  if (!modelId) {
    errors.push({
      file: path,
      line: 0,
      column: 'config.model_args',
      message: 'no model id: expected config.model_args with pretrained=<id>, model_name or config_general.model_name',
    });
    return null;
  }
  return { path, layout, modelId, reportedParams: reportedParams(root), scores };
}
