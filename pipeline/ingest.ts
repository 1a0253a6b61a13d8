import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { BENCHMARKS } from './config.ts';
import { checkFamilyFile, checkModels, MODEL_FIELDS, num, percent, str, toModel } from './model-schema.ts';
import { ingestFrontier, type FrontierData } from './frontier/ingest.ts';
import { ingestInternals, type InternalsData } from './internals/ingest.ts';
import { ingestOutOfSample } from './out-of-sample/ingest.ts';
import type { OosData } from './out-of-sample/types.ts';
import { readTable } from './io/read-table.ts';
import { InputErrors, type FieldSpec, type InputError } from './io/validate.ts';
import { BENCHMARK_FIELDS, SCORED_BENCHMARKS, type BenchmarkTable, type ScoredBenchmark } from './noise/benchmarks.ts';
import type { Model } from './types.ts';

export const LEADERBOARD_FIELDS: readonly FieldSpec[] = [
  { name: 'fullname', kind: 'string', required: true },
  { name: 'type', kind: 'string', required: false },
  { name: 'precision', kind: 'string', required: true },
  { name: 'params_b', kind: 'number', required: false, min: 0 },
  ...['arc', 'hellaswag', 'mmlu', 'truthfulqa_mc2', 'winogrande', 'gsm8k'].map((b) => percent(b, true)),
  { name: 'model_sha', kind: 'string', required: false },
  { name: 'date', kind: 'string', required: false },
  { name: 'source', kind: 'string', required: true },
];

export const POOLED_FIELDS: readonly FieldSpec[] = [
  { name: 'family', kind: 'string', required: true },
  { name: 'model', kind: 'string', required: true },
  { name: 'params', kind: 'number', required: true, min: 1e6 },
  percent('hellaswag', true),
  percent('truthfulqa_mc2', true),
  { name: 'source', kind: 'string', required: true },
];

export const PYTHIA_FIGURE_FIELDS: readonly FieldSpec[] = [
  { name: 'model', kind: 'string', required: true },
  { name: 'params', kind: 'number', required: true, min: 1e6 },
  ...BENCHMARKS.map((b) => percent(b, true)),
  { name: 'loss', kind: 'number', required: true, min: 0, max: 20 },
  { name: 'source', kind: 'string', required: true },
];

export const CLAIM_FIELDS: readonly FieldSpec[] = [
  { name: 'id', kind: 'string', required: true },
  { name: 'paper', kind: 'enum', required: true, values: ['A', 'B'] },
  { name: 'location', kind: 'string', required: true },
  { name: 'quantity', kind: 'string', required: true },
  { name: 'value', kind: 'string', required: false },
  { name: 'ci_low', kind: 'string', required: false },
  { name: 'ci_high', kind: 'string', required: false },
  { name: 'unit', kind: 'string', required: true },
  { name: 'data', kind: 'string', required: false },
  { name: 'recomputable', kind: 'enum', required: true, values: ['yes', 'from-released-measurements', 'needs-weights', 'no-data'] },
  { name: 'notes', kind: 'string', required: false },
];

export const INTERVENTION_FIELDS: readonly FieldSpec[] = [
  { name: 'phase', kind: 'enum', required: true, values: ['tax', 'transition', 'bonus'] },
  { name: 'intervention', kind: 'string', required: true },
  { name: 'suggestion', kind: 'string', required: true },
  { name: 'paper_caveat', kind: 'string', required: true },
  { name: 'evidence', kind: 'enum', required: true, values: ['strong', 'moderate', 'weak', 'anecdotal', 'descriptive'] },
  { name: 'evidence_note', kind: 'string', required: true },
  { name: 'source', kind: 'string', required: true },
];

/** What the papers suggest doing in each phase, with their caveat and our reading of the evidence. */
export interface Intervention {
  phase: 'tax' | 'transition' | 'bonus';
  intervention: string;
  suggestion: string;
  paperCaveat: string;
  evidence: string;
  evidenceNote: string;
  source: string;
}

export interface LeaderboardRow {
  fullname: string;
  precision: string;
  scores: Record<(typeof BENCHMARKS)[number] | 'gsm8k', number>;
  source: string;
  line: number;
}

export interface PooledRow {
  family: string;
  model: string;
  paramsB: number;
  hellaswag: number;
  truthfulqa: number;
}

export interface PythiaFigureRow {
  model: string;
  paramsB: number;
  scores: Record<(typeof BENCHMARKS)[number], number>;
  loss: number;
}

export interface ClaimRow {
  id: string;
  paper: 'A' | 'B';
  location: string;
  quantity: string;
  value: string;
  ciLow: string;
  ciHigh: string;
  unit: string;
  recomputable: string;
  notes: string;
}

export interface Dataset {
  models: Model[];
  /** Things worth telling the user that do not stop the run (e.g. a stray file in data/families/). */
  warnings: string[];
  /** Item counts and shots per benchmark, the noise model's inputs. */
  benchmarks: BenchmarkTable;
  leaderboard: LeaderboardRow[];
  pooled14: PooledRow[];
  pythiaFigure: PythiaFigureRow[];
  claims: ClaimRow[];
  interventions: Intervention[];
  frontier: FrontierData;
  internals: InternalsData;
  /** The whole Open LLM Leaderboard v1 table, the pre-registered families and predictions. */
  outOfSample: OosData;
}

/** The family files of data/families/ (paths under data/), and a warning for every other entry there, which is skipped. */
export function familyFiles(dataDir: string): { files: string[]; warnings: string[] } {
  const dir = join(dataDir, 'families');
  if (!existsSync(dir)) return { files: [], warnings: [] };
  const names = readdirSync(dir).sort();
  const files = names.filter((f) => f.endsWith('.csv')).map((f) => `families/${f}`);
  const warnings = names.filter((f) => !f.endsWith('.csv')).map((f) => `data/families/${f} is not a .csv file; skipped`);
  return { files, warnings };
}

export function readBenchmarks(dataDir: string, errors: InputError[]): BenchmarkTable {
  const file = 'data/benchmarks.csv';
  const rows = readTable(dataDir, 'benchmarks.csv', BENCHMARK_FIELDS, errors);
  const out: Partial<BenchmarkTable> = {};
  for (const r of rows) {
    const b = str(r.values.benchmark) as ScoredBenchmark;
    if (out[b]) errors.push({ file, line: r.line, column: 'benchmark', message: `"${b}" appears twice` });
    out[b] = {
      benchmark: b,
      metric: str(r.values.metric),
      shots: num(r.values.shots) ?? 0,
      nItems: num(r.values.n_items) ?? 1,
      itemSd: num(r.values.item_sd),
      source: str(r.values.source),
    };
  }
  if (rows.length > 0) {
    for (const b of SCORED_BENCHMARKS)
      if (!out[b])
        errors.push({
          file,
          line: 1,
          column: 'benchmark',
          message: `no row for "${b}"; the noise model needs one per benchmark (${SCORED_BENCHMARKS.join(', ')})`,
        });
  }
  return out as BenchmarkTable;
}

/** data/models.csv: the authors' 63 rows (cross-row checks are the caller's, over every model it reads). */
export function readPaperModels(dataDir: string, errors: InputError[]): Model[] {
  const before = errors.length;
  const rows = readTable(dataDir, 'models.csv', MODEL_FIELDS, errors, { closed: true });
  if (rows.length === 0 && errors.length === before)
    errors.push({ file: 'data/models.csv', line: 2, column: '', message: 'no model rows after the header; the paper’s panel cannot be empty' });
  return rows.map((r) => toModel(r, 'data/models.csv', 'paper'));
}

/** data/leaderboard-v1.csv: the leaderboard rows of the panel's models, which the audited panel takes scores from. */
export function readLeaderboardExtract(dataDir: string, errors: InputError[]): LeaderboardRow[] {
  return readTable(dataDir, 'leaderboard-v1.csv', LEADERBOARD_FIELDS, errors).map((r) => ({
    fullname: str(r.values.fullname),
    precision: str(r.values.precision),
    scores: Object.fromEntries([...BENCHMARKS, 'gsm8k'].map((b) => [b, num(r.values[b]) ?? NaN])) as LeaderboardRow['scores'],
    source: str(r.values.source),
    line: r.line,
  }));
}

/** An intervention under the column names of data/interventions.csv, as tables and `--json` write it. */
export function interventionRecord(i: Intervention) {
  return {
    phase: i.phase,
    intervention: i.intervention,
    suggestion: i.suggestion,
    paper_caveat: i.paperCaveat,
    evidence: i.evidence,
    evidence_note: i.evidenceNote,
    source: i.source,
  };
}

export function readInterventions(dataDir: string, errors: InputError[]): Intervention[] {
  return readTable(dataDir, 'interventions.csv', INTERVENTION_FIELDS, errors).map((r) => ({
    phase: str(r.values.phase) as Intervention['phase'],
    intervention: str(r.values.intervention),
    suggestion: str(r.values.suggestion),
    paperCaveat: str(r.values.paper_caveat),
    evidence: str(r.values.evidence),
    evidenceNote: str(r.values.evidence_note),
    source: str(r.values.source),
  }));
}

/** Reads and validates every input; throws InputErrors listing all problems before anything is computed. */
export function ingest(dataDir: string): Dataset {
  const errors: InputError[] = [];
  const paperModels = readPaperModels(dataDir, errors);
  const contributed: Model[] = [];
  const { files: extra, warnings } = familyFiles(dataDir);
  const paperFamilies = new Map<string, Model>();
  for (const m of paperModels) for (const f of [m.family, m.auditedFamily]) if (f && !paperFamilies.has(f)) paperFamilies.set(f, m);
  const claimed = new Map<string, string>();
  for (const f of extra) {
    const before = errors.length;
    const rows = readTable(dataDir, f, MODEL_FIELDS, errors, { closed: true }).map((r) => toModel(r, `data/${f}`, 'contributed'));
    if (errors.length === before) checkFamilyFile(rows, errors, `data/${f}`, 2);
    const name = rows[0]?.family;
    if (name && paperFamilies.has(name)) {
      const m = paperFamilies.get(name)!;
      errors.push({
        file: `data/${f}`,
        line: rows[0]!.line,
        column: 'family',
        message: `"${name}" is a family of the paper's panel (${m.file}:${m.line}); a contributed family needs a name of its own so that it never changes the papers' results`,
      });
    } else if (name && claimed.has(name)) {
      errors.push({
        file: `data/${f}`,
        line: rows[0]!.line,
        column: 'family',
        message: `family "${name}" is already contributed by ${claimed.get(name)}; put one family in one file`,
      });
    } else if (name) claimed.set(name, `data/${f}`);
    contributed.push(...rows);
  }
  const models = [...paperModels, ...contributed];
  checkModels(models, errors);
  const benchmarks = readBenchmarks(dataDir, errors);

  const leaderboard = readLeaderboardExtract(dataDir, errors);

  const families = new Set(models.map((m) => m.family));
  const pooledRows = readTable(dataDir, 'extracted/pooled-nc-14-models.csv', POOLED_FIELDS, errors);
  // Checked against the paper's families only when models.csv itself could be read; otherwise every row would repeat its error.
  for (const r of paperModels.length > 0 ? pooledRows : []) {
    const fam = str(r.values.family);
    if (fam && !families.has(fam)) {
      errors.push({
        file: 'data/extracted/pooled-nc-14-models.csv',
        line: r.line,
        column: 'family',
        message: `unknown family "${fam}"; expected one of the families in data/models.csv`,
      });
    }
  }
  const pooled14 = pooledRows.map((r) => ({
    family: str(r.values.family),
    model: str(r.values.model),
    paramsB: (num(r.values.params) ?? NaN) / 1e9,
    hellaswag: num(r.values.hellaswag) ?? NaN,
    truthfulqa: num(r.values.truthfulqa_mc2) ?? NaN,
  }));
  const pythiaFigure = readTable(dataDir, 'extracted/pythia-figure-table.csv', PYTHIA_FIGURE_FIELDS, errors).map((r) => ({
    model: str(r.values.model),
    paramsB: (num(r.values.params) ?? NaN) / 1e9,
    scores: Object.fromEntries(BENCHMARKS.map((b) => [b, num(r.values[b]) ?? NaN])) as PythiaFigureRow['scores'],
    loss: num(r.values.loss) ?? NaN,
  }));

  const claimRows = readTable(dataDir, 'claims.csv', CLAIM_FIELDS, errors);
  const seen = new Map<string, number>();
  for (const r of claimRows) {
    const id = str(r.values.id);
    if (seen.has(id))
      errors.push({ file: 'data/claims.csv', line: r.line, column: 'id', message: `duplicate claim id "${id}" (first on line ${seen.get(id)})` });
    seen.set(id, r.line);
    for (const col of ['value', 'ci_low', 'ci_high']) {
      const raw = str(r.values[col]);
      if (raw !== '' && !Number.isFinite(Number(raw)))
        errors.push({ file: 'data/claims.csv', line: r.line, column: col, message: `expected a number or an empty cell, got ${JSON.stringify(raw)}` });
    }
  }
  const claims = claimRows.map((r) => ({
    id: str(r.values.id),
    paper: str(r.values.paper) as 'A' | 'B',
    location: str(r.values.location),
    quantity: str(r.values.quantity),
    value: str(r.values.value),
    ciLow: str(r.values.ci_low),
    ciHigh: str(r.values.ci_high),
    unit: str(r.values.unit),
    recomputable: str(r.values.recomputable),
    notes: str(r.values.notes),
  }));

  const interventions = readInterventions(dataDir, errors);
  const frontier = ingestFrontier(dataDir, errors);
  const internals = ingestInternals(dataDir, errors);
  const outOfSample = ingestOutOfSample(dataDir, errors);

  if (errors.length > 0) throw new InputErrors(errors);
  return { models, warnings, benchmarks, leaderboard, pooled14, pythiaFigure, claims, interventions, frontier, internals, outOfSample };
}
