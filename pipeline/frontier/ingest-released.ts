import { readTable } from '../io/read-table.ts';
import type { FieldSpec, InputError } from '../io/validate.ts';

/**
 * Read-only views of released measurements that Paper B cites (owned by the
 * internals stage's data folder) and of the authors' stored frontier numbers.
 * Only the columns used here are validated; the internals ingest owns the rest.
 * The authors_computed_* values feed cross-check tables, never a computation.
 */

export interface InternalRun {
  model: string;
  family: string;
  paramsB: number;
  analysis: string;
  cooperativePct: number | null;
  competingCount: number | null;
  netCoupling: number;
  source: string;
}

export interface SteeringRun {
  run: string;
  model: string;
  nChanged: number;
  nTotal: number;
  source: string;
}

export interface PairCoupling {
  model: string;
  label: string;
  pair: string;
  netCoupling: number;
  source: string;
}

export interface AuthorsStored {
  regression: { file: string; quantity: string; subset: string; value: string }[];
  holdout: { lab: string; group: string; nTest: number; maePp: number }[];
  h: { model: string; file: string; h: number }[];
  predictionStatus: { id: number; status: string; currentSpread: number | null }[];
}

export interface ReleasedData {
  internalRuns: InternalRun[];
  steering: SteeringRun[];
  pairCoupling: PairCoupling[];
  authors: AuthorsStored;
}

const text = (name: string, required = false): FieldSpec => ({ name, kind: 'string', required });
const num = (name: string, required = false, min?: number, max?: number): FieldSpec => ({ name, kind: 'number', required, min, max });

const INTERNAL_FIELDS: readonly FieldSpec[] = [
  text('model', true),
  text('family', true),
  num('params_b', true, 0),
  text('analysis', true),
  num('cooperative_pct', false, 0, 100),
  { name: 'competing_count', kind: 'integer', required: false, min: 0 },
  num('net_coupling', true, -1, 1),
  text('source', true),
];
const STEERING_FIELDS: readonly FieldSpec[] = [
  text('run', true),
  text('model', true),
  { name: 'n_changed', kind: 'integer', required: true, min: 0 },
  { name: 'n_total', kind: 'integer', required: true, min: 1 },
  text('source', true),
];
const PAIR_FIELDS: readonly FieldSpec[] = [text('model', true), text('label'), text('pair', true), num('net_coupling', true, -1, 1), text('source', true)];
const REGRESSION_FIELDS: readonly FieldSpec[] = [text('file', true), text('quantity', true), text('subset'), text('value')];
const HOLDOUT_FIELDS: readonly FieldSpec[] = [
  text('lab', true),
  text('group', true),
  { name: 'n_test', kind: 'integer', required: true, min: 1 },
  num('mae_pp', true, 0),
];
const H_FIELDS: readonly FieldSpec[] = [text('model', true), text('file', true), num('h', true)];
const STATUS_FIELDS: readonly FieldSpec[] = [{ name: 'id', kind: 'integer', required: true, min: 1 }, text('status', true), num('current_spread')];

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const n = (v: unknown) => (typeof v === 'number' ? v : null);

export function readReleased(dataDir: string, errors: InputError[]): ReleasedData {
  const internalRuns = readTable(dataDir, 'internals/internal_coupling_models.csv', INTERNAL_FIELDS, errors).map((r) => ({
    model: s(r.values.model),
    family: s(r.values.family),
    paramsB: n(r.values.params_b) ?? NaN,
    analysis: s(r.values.analysis),
    cooperativePct: n(r.values.cooperative_pct),
    competingCount: n(r.values.competing_count),
    netCoupling: n(r.values.net_coupling) ?? NaN,
    source: s(r.values.source),
  }));
  const steering = readTable(dataDir, 'internals/steering_runs.csv', STEERING_FIELDS, errors).map((r) => ({
    run: s(r.values.run),
    model: s(r.values.model),
    nChanged: n(r.values.n_changed) ?? NaN,
    nTotal: n(r.values.n_total) ?? NaN,
    source: s(r.values.source),
  }));
  const pairCoupling = readTable(dataDir, 'internals/benchmark_pair_coupling.csv', PAIR_FIELDS, errors).map((r) => ({
    model: s(r.values.model),
    label: s(r.values.label),
    pair: s(r.values.pair),
    netCoupling: n(r.values.net_coupling) ?? NaN,
    source: s(r.values.source),
  }));
  const authors: AuthorsStored = {
    regression: readTable(dataDir, 'frontier/authors_computed_regression.csv', REGRESSION_FIELDS, errors).map((r) => ({
      file: s(r.values.file),
      quantity: s(r.values.quantity),
      subset: s(r.values.subset),
      value: s(r.values.value),
    })),
    holdout: readTable(dataDir, 'frontier/authors_computed_holdout.csv', HOLDOUT_FIELDS, errors).map((r) => ({
      lab: s(r.values.lab),
      group: s(r.values.group),
      nTest: n(r.values.n_test) ?? NaN,
      maePp: n(r.values.mae_pp) ?? NaN,
    })),
    h: readTable(dataDir, 'frontier/authors_computed_h.csv', H_FIELDS, errors).map((r) => ({
      model: s(r.values.model),
      file: s(r.values.file),
      h: n(r.values.h) ?? NaN,
    })),
    predictionStatus: readTable(dataDir, 'frontier/authors_computed_predictions_status.csv', STATUS_FIELDS, errors).map((r) => ({
      id: n(r.values.id) ?? NaN,
      status: s(r.values.status),
      currentSpread: n(r.values.current_spread),
    })),
  };
  return { internalRuns, steering, pairCoupling, authors };
}
