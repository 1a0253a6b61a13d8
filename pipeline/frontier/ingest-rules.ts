import { conditionVariables, parseCondition, type Condition } from './conditions.ts';
import { readTable } from '../io/read-table.ts';
import type { FieldSpec, InputError, ParsedRow } from '../io/validate.ts';
import { FRONTIER_BENCHMARKS, type FrontierBenchmark } from './benchmarks.ts';

/** data/frontier/predictions.csv and prediction_quantities.csv: the seven predictions as rules (grammar in data/frontier/README.md). */

export interface PredictionRule {
  id: number;
  name: string;
  deadline: string;
  deadlineText: string;
  statement: string;
  passIf: Condition;
  failIf: Condition;
  failAtDeadlineIf: Condition;
  completeIf: Condition;
  raw: Record<'pass_if' | 'fail_if' | 'fail_at_deadline_if' | 'complete_if', string>;
}

export const METRICS = ['spread_topk', 'pair_count', 'pearson_r', 'lab_h_next'] as const;
export type Metric = (typeof METRICS)[number];

export interface PredictionQuantity {
  predictionId: number;
  variable: string;
  metric: Metric;
  benchmark: FrontierBenchmark | null;
  x: FrontierBenchmark | null;
  y: FrontierBenchmark | null;
  k: number | null;
  rankedBy: FrontierBenchmark | null;
  lab: string;
  count: number | null;
  agg: 'max' | 'min' | 'count' | null;
  population: string;
  minN: number | null;
}

const POPULATION = /^(all|frozen|released_after:\d{4}-(0[1-9]|1[0-2]))$/;

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const n = (v: unknown) => (typeof v === 'number' ? v : null);
const text = (name: string, required = false): FieldSpec => ({ name, kind: 'string', required });
const bench = (name: string): FieldSpec => ({ name, kind: 'enum', required: false, values: FRONTIER_BENCHMARKS });

type Report = (line: number, column: string, message: string) => void;
const reporter =
  (file: string, errors: InputError[]): Report =>
  (line, column, message) =>
    errors.push({ file: `data/${file}`, line, column, message });

export const PREDICTION_FIELDS: readonly FieldSpec[] = [
  { name: 'id', kind: 'integer', required: true, min: 1 },
  text('name', true),
  text('deadline'),
  text('deadline_text', true),
  text('statement', true),
  text('pass_if', true),
  text('fail_if'),
  text('fail_at_deadline_if'),
  text('complete_if'),
  text('source', true),
];

export const QUANTITY_FIELDS: readonly FieldSpec[] = [
  { name: 'prediction_id', kind: 'integer', required: true, min: 1 },
  text('var', true),
  { name: 'metric', kind: 'enum', required: true, values: METRICS },
  bench('benchmark'),
  bench('x'),
  bench('y'),
  { name: 'k', kind: 'integer', required: false, min: 1 },
  bench('ranked_by'),
  text('lab'),
  { name: 'count', kind: 'integer', required: false, min: 1 },
  { name: 'agg', kind: 'enum', required: false, values: ['max', 'min', 'count'] },
  text('population', true),
  { name: 'min_n', kind: 'integer', required: false, min: 2 },
  text('source', true),
];

function condition(raw: string, line: number, column: string, at: Report): Condition {
  const parsed = parseCondition(raw);
  if ('error' in parsed) {
    at(line, column, parsed.error);
    return [];
  }
  return parsed.condition;
}

function readPredictions(dataDir: string, errors: InputError[]): (PredictionRule & { line: number })[] {
  const file = 'frontier/predictions.csv';
  const at = reporter(file, errors);
  const seen = new Set<number>();
  return readTable(dataDir, file, PREDICTION_FIELDS, errors).map((r) => {
    const v = r.values;
    const id = n(v.id) ?? NaN;
    if (seen.has(id)) at(r.line, 'id', `duplicate prediction id ${id}`);
    seen.add(id);
    const deadline = s(v.deadline);
    if (deadline && !/^\d{4}-\d{2}-\d{2}$/.test(deadline))
      at(r.line, 'deadline', `expected an ISO date yyyy-mm-dd or an empty cell, got ${JSON.stringify(deadline)}`);
    const raw = { pass_if: s(v.pass_if), fail_if: s(v.fail_if), fail_at_deadline_if: s(v.fail_at_deadline_if), complete_if: s(v.complete_if) };
    return {
      id,
      name: s(v.name),
      deadline,
      deadlineText: s(v.deadline_text),
      statement: s(v.statement),
      passIf: condition(raw.pass_if, r.line, 'pass_if', at),
      failIf: condition(raw.fail_if, r.line, 'fail_if', at),
      failAtDeadlineIf: condition(raw.fail_at_deadline_if, r.line, 'fail_at_deadline_if', at),
      completeIf: condition(raw.complete_if, r.line, 'complete_if', at),
      raw,
      line: r.line,
    };
  });
}

/** Which columns each metric needs (README "Metrics"). */
const NEEDS: Record<Metric, string[]> = {
  spread_topk: ['benchmark', 'k', 'ranked_by'],
  pair_count: ['x', 'y'],
  pearson_r: ['x', 'y'],
  lab_h_next: ['lab', 'count', 'agg'],
};

function readQuantities(dataDir: string, errors: InputError[]): (PredictionQuantity & { line: number })[] {
  const file = 'frontier/prediction_quantities.csv';
  const at = reporter(file, errors);
  return readTable(dataDir, file, QUANTITY_FIELDS, errors).map((r: ParsedRow) => {
    const v = r.values;
    const metric = s(v.metric) as Metric;
    for (const col of NEEDS[metric] ?? []) if (v[col] === null) at(r.line, col, `metric ${metric} needs a value here`);
    const population = s(v.population);
    if (population && !POPULATION.test(population))
      at(r.line, 'population', `expected all, frozen or released_after:YYYY-MM, got ${JSON.stringify(population)}`);
    const b = (c: string) => (v[c] === null ? null : (s(v[c]) as FrontierBenchmark));
    return {
      predictionId: n(v.prediction_id) ?? NaN,
      variable: s(v.var),
      metric,
      benchmark: b('benchmark'),
      x: b('x'),
      y: b('y'),
      k: n(v.k),
      rankedBy: b('ranked_by'),
      lab: s(v.lab),
      count: n(v.count),
      agg: v.agg === null ? null : (s(v.agg) as PredictionQuantity['agg']),
      population,
      minN: n(v.min_n),
      line: r.line,
    };
  });
}

/** Rules and variables must refer to each other; a dangling name would silently read as undefined. */
function crossCheckRules(
  predictions: (PredictionRule & { line: number })[],
  quantities: (PredictionQuantity & { line: number })[],
  errors: InputError[],
): void {
  const atQ = reporter('frontier/prediction_quantities.csv', errors);
  const atP = reporter('frontier/predictions.csv', errors);
  const ids = new Set(predictions.map((p) => p.id));
  const seen = new Set<string>();
  for (const q of quantities) {
    if (!ids.has(q.predictionId)) atQ(q.line, 'prediction_id', `no prediction with id ${q.predictionId} in data/frontier/predictions.csv`);
    const key = `${q.predictionId}/${q.variable}`;
    if (seen.has(key)) atQ(q.line, 'var', `variable "${q.variable}" is defined twice for prediction ${q.predictionId}`);
    seen.add(key);
  }
  for (const p of predictions) {
    for (const [column, c] of [
      ['pass_if', p.passIf],
      ['fail_if', p.failIf],
      ['fail_at_deadline_if', p.failAtDeadlineIf],
      ['complete_if', p.completeIf],
    ] as const) {
      for (const name of conditionVariables(c)) {
        if (!seen.has(`${p.id}/${name}`))
          atP(p.line, column, `variable "${name}" is not defined for prediction ${p.id} in data/frontier/prediction_quantities.csv`);
      }
    }
  }
}

export function readRules(dataDir: string, errors: InputError[]): { predictions: PredictionRule[]; quantities: PredictionQuantity[] } {
  const predictions = readPredictions(dataDir, errors);
  const quantities = readQuantities(dataDir, errors);
  crossCheckRules(predictions, quantities, errors);
  return { predictions: predictions.map(({ line: _line, ...p }) => p), quantities: quantities.map(({ line: _line, ...q }) => q) };
}
