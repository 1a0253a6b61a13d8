/**
 * Reads the out-of-sample inputs: the whole Open LLM Leaderboard v1 table,
 * the pre-registered family list, the architecture table (widths), the
 * pre-registration and its record. Problems go to `errors` as file:line:
 * column, like every other input; a family row naming a repository the table
 * lacks names both files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../io/hash.ts';
import { readTable } from '../io/read-table.ts';
import type { FieldSpec, InputError } from '../io/validate.ts';
import { num, percent, str } from '../model-schema.ts';
import type { ArchitectureRow, BoardRow, FamilyRow, OosData, Prediction, Registration, ScoringSet } from './types.ts';

export const BOARD_FILE = 'open-llm-leaderboard-v1.csv';
export const FAMILIES_FILE = 'leaderboard-families.csv';
export const PREREGISTRATION_FILE = 'preregistration.csv';

/** The columns of the leaderboard export the test reads; the table's other columns are kept in the file but not used. */
const BOARD_FIELDS: readonly FieldSpec[] = [
  { name: 'fullname', kind: 'string', required: true },
  { name: 'precision', kind: 'string', required: true },
  ...['hellaswag', 'truthfulqa', 'arc', 'winogrande', 'mmlu', 'gsm8k'].map((b) => percent(b, true)),
];

const FAMILY_FIELDS: readonly FieldSpec[] = [
  { name: 'family', kind: 'string', required: true },
  { name: 'repo', kind: 'string', required: true },
  {
    name: 'params_b',
    kind: 'number',
    required: true,
    min: 0.0001,
    check: (x) => (x >= 1e5 ? `expected billions, got ${x} (looks like a raw parameter count)` : null),
  },
  { name: 'tier', kind: 'enum', required: true, values: ['scratch', 'derived'] },
  { name: 'in_panel_family', kind: 'enum', required: true, values: ['yes', 'no'] },
  { name: 'in_panel_model', kind: 'enum', required: true, values: ['yes', 'no'] },
  { name: 'size_source', kind: 'string', required: true },
  { name: 'note', kind: 'string', required: false },
  { name: 'source', kind: 'string', required: true },
];

const ARCHITECTURE_FIELDS: readonly FieldSpec[] = [
  { name: 'model', kind: 'string', required: true },
  { name: 'd_model', kind: 'integer', required: false, min: 1 },
  // Rows without a width say so in `notes` and have no source; a width always comes with one (checked below).
  { name: 'source', kind: 'string', required: false },
];

const optionalNumber = (name: string): FieldSpec => ({ name, kind: 'number', required: false, min: 0 });
const PREREGISTRATION_FIELDS: readonly FieldSpec[] = [
  { name: 'id', kind: 'string', required: true },
  { name: 'paper_statement', kind: 'string', required: true },
  { name: 'rule', kind: 'string', required: true },
  ...['threshold_low_b', 'threshold_high_b', 'range_low_b', 'range_high_b', 'min_models', 'max_mape_pct'].map(optionalNumber),
  { name: 'scoring_sets', kind: 'string', required: true },
  { name: 'pass_if', kind: 'string', required: true },
  { name: 'fail_if', kind: 'string', required: true },
  { name: 'baseline', kind: 'string', required: true },
];

const RECORD_FIELDS: readonly FieldSpec[] = [
  { name: 'file', kind: 'string', required: true },
  { name: 'sha256', kind: 'string', required: true },
  { name: 'commit', kind: 'string', required: true },
  { name: 'committed', kind: 'string', required: true },
  { name: 'first_code_commit', kind: 'string', required: true },
];

const SETS: readonly ScoringSet[] = ['out-of-sample-scratch', 'out-of-sample-derived', 'in-sample'];

/** What each prediction's rule needs from its row: a missing value is an input error, not a silent default. */
const NEEDS: Record<string, string[]> = {
  P1: ['threshold_low_b', 'threshold_high_b'],
  P2: ['range_low_b', 'range_high_b', 'min_models'],
  P3: ['threshold_low_b', 'threshold_high_b', 'min_models'],
  P4: ['min_models', 'max_mape_pct'],
  P5: ['min_models'],
};

function readPredictions(dataDir: string, errors: InputError[]): Prediction[] {
  const file = `data/${PREREGISTRATION_FILE}`;
  return readTable(dataDir, PREREGISTRATION_FILE, PREREGISTRATION_FIELDS, errors).map((r) => {
    const v = r.values;
    const id = str(v.id);
    for (const col of NEEDS[id] ?? []) if (v[col] === null) errors.push({ file, line: r.line, column: col, message: `${id}'s rule needs a value here` });
    if (!(id in NEEDS))
      errors.push({ file, line: r.line, column: 'id', message: `unknown prediction "${id}"; the scoring code knows ${Object.keys(NEEDS).join(', ')}` });
    const sets = str(v.scoring_sets)
      .split(';')
      .map((s) => s.trim()) as ScoringSet[];
    for (const s of sets)
      if (!SETS.includes(s)) errors.push({ file, line: r.line, column: 'scoring_sets', message: `unknown scoring set "${s}"; expected ${SETS.join(', ')}` });
    return {
      id,
      statement: str(v.paper_statement),
      thresholdLowB: num(v.threshold_low_b),
      thresholdHighB: num(v.threshold_high_b),
      rangeLowB: num(v.range_low_b),
      rangeHighB: num(v.range_high_b),
      minModels: num(v.min_models),
      maxMapePct: num(v.max_mape_pct),
      scoringSets: sets,
      line: r.line,
    };
  });
}

function readRegistration(dataDir: string, errors: InputError[]): Registration {
  const rows = readTable(dataDir, 'preregistration-record.csv', RECORD_FIELDS, errors);
  const rec = rows.find((r) => str(r.values.file) === `data/${PREREGISTRATION_FILE}`);
  if (!rec && rows.length > 0)
    errors.push({ file: 'data/preregistration-record.csv', line: 2, column: 'file', message: `no row for data/${PREREGISTRATION_FILE}` });
  let current = '';
  try {
    current = sha256(readFileSync(join(dataDir, PREREGISTRATION_FILE)));
  } catch {
    // readPredictions has already reported the unreadable file.
  }
  const registered = rec ? str(rec.values.sha256) : '';
  return {
    commit: rec ? str(rec.values.commit) : '',
    committed: rec ? str(rec.values.committed) : '',
    firstCodeCommit: rec ? str(rec.values.first_code_commit) : '',
    registeredSha256: registered,
    currentSha256: current,
    amended: current !== registered,
  };
}

export function ingestOutOfSample(dataDir: string, errors: InputError[]): OosData {
  const board: BoardRow[] = readTable(dataDir, BOARD_FILE, BOARD_FIELDS, errors).map((r) => ({
    fullname: str(r.values.fullname),
    precision: str(r.values.precision),
    hellaswag: num(r.values.hellaswag) ?? NaN,
    truthfulqa_mc2: num(r.values.truthfulqa) ?? NaN,
    arc: num(r.values.arc) ?? NaN,
    winogrande: num(r.values.winogrande) ?? NaN,
    mmlu: num(r.values.mmlu) ?? NaN,
    gsm8k: num(r.values.gsm8k) ?? NaN,
    line: r.line,
  }));
  const inBoard = new Set(board.map((b) => b.fullname));
  const seen = new Map<string, number>();
  const families: FamilyRow[] = readTable(dataDir, FAMILIES_FILE, FAMILY_FIELDS, errors).map((r) => {
    const repo = str(r.values.repo);
    const at = (column: string, message: string) => errors.push({ file: `data/${FAMILIES_FILE}`, line: r.line, column, message });
    if (board.length > 0 && repo && !inBoard.has(repo)) at('repo', `"${repo}" is not in data/${BOARD_FILE} (no row with that fullname)`);
    if (seen.has(repo)) at('repo', `"${repo}" is listed twice (first on line ${seen.get(repo)})`);
    seen.set(repo, r.line);
    return {
      family: str(r.values.family),
      repo,
      paramsB: num(r.values.params_b) ?? NaN,
      tier: str(r.values.tier) as FamilyRow['tier'],
      inPanelFamily: r.values.in_panel_family === 'yes',
      inPanelModel: r.values.in_panel_model === 'yes',
      note: str(r.values.note),
      line: r.line,
    };
  });
  const architecture: ArchitectureRow[] = readTable(dataDir, 'architecture.csv', ARCHITECTURE_FIELDS, errors).map((r) => {
    if (r.values.d_model !== null && !str(r.values.source))
      errors.push({ file: 'data/architecture.csv', line: r.line, column: 'source', message: 'a width needs its source' });
    return { model: str(r.values.model), dModel: num(r.values.d_model) };
  });
  const predictions = readPredictions(dataDir, errors);
  return { board, families, architecture, predictions, registration: readRegistration(dataDir, errors) };
}
