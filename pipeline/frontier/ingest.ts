import { FRONTIER_BENCHMARKS, type FrontierBenchmark } from './benchmarks.ts';
import { readReleased, type ReleasedData } from './ingest-released.ts';
import { readRules, type PredictionQuantity, type PredictionRule } from './ingest-rules.ts';
import { readTable } from '../io/read-table.ts';
import type { FieldSpec, InputError } from '../io/validate.ts';

export { FRONTIER_BENCHMARKS, type FrontierBenchmark } from './benchmarks.ts';
export type { Metric, PredictionQuantity, PredictionRule } from './ingest-rules.ts';

export const SUBSETS = ['core', 'extended', 'post-cutoff'] as const;

/** One row of data/frontier/models.csv; scores in percent, null where the source has none. */
export interface FrontierModel {
  model: string;
  lab: string;
  scores: Record<FrontierBenchmark, number | null>;
  subset: (typeof SUBSETS)[number];
  computeTier: string;
  computeTierVariant: boolean;
  variantOf: string;
  /** The authors' own mask for "no compute-tier variants" (regen_frontier_stats.py). */
  inNoComputeTierSubset: boolean;
  /** ISO 8601 at the precision given: yyyy, yyyy-mm or yyyy-mm-dd; '' when unknown. */
  releaseDate: string;
  panel: string;
  source: string;
  line: number;
}

export const EVIDENCE_KINDS = ['computed', 'released-measurement', 'statement-without-data'] as const;

export interface CascadeEntry {
  stage: string;
  item: string;
  scaleText: string;
  event: string;
  evidenceKind: (typeof EVIDENCE_KINDS)[number];
  evidenceData: string;
  source: string;
}

/** The authors' hard-coded Nc3 script table (the only per-model IFEval they give). */
export interface Nc3ScriptRow {
  scriptModel: string;
  panelModel: string;
  scores: Record<'swe_verified' | 'gpqa_diamond' | 'ifeval', number | null>;
}

export interface FrontierData {
  models: FrontierModel[];
  predictions: PredictionRule[];
  quantities: PredictionQuantity[];
  cascade: CascadeEntry[];
  nc3Script: Nc3ScriptRow[];
  /** Released internal measurements and the authors' stored numbers (cross-checks only). */
  released: ReleasedData;
}

const pct = (name: string): FieldSpec => ({ name, kind: 'number', required: false, min: 0, max: 100 });
const text = (name: string, required = false): FieldSpec => ({ name, kind: 'string', required });

export const FRONTIER_MODEL_FIELDS: readonly FieldSpec[] = [
  text('model', true),
  text('lab', true),
  ...FRONTIER_BENCHMARKS.map(pct),
  { name: 'subset', kind: 'enum', required: true, values: SUBSETS },
  text('compute_tier'),
  { name: 'compute_tier_variant', kind: 'boolean', required: true },
  text('variant_of'),
  { name: 'in_no_compute_tier_subset', kind: 'boolean', required: true },
  text('release_date'),
  text('panel', true),
  text('notes'),
  text('source', true),
];

export const CASCADE_FIELDS: readonly FieldSpec[] = [
  text('stage', true),
  text('item', true),
  text('scale_text', true),
  text('event', true),
  { name: 'evidence_kind', kind: 'enum', required: true, values: EVIDENCE_KINDS },
  text('evidence_data'),
  text('source', true),
];

export const NC3_SCRIPT_FIELDS: readonly FieldSpec[] = [
  text('script_model', true),
  text('panel_model'),
  text('lab', true),
  pct('swe_verified'),
  pct('gpqa_diamond'),
  pct('ifeval'),
  text('source', true),
];

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const n = (v: unknown) => (typeof v === 'number' ? v : null);

type Report = (line: number, column: string, message: string) => void;
const reporter =
  (file: string, errors: InputError[]): Report =>
  (line, column, message) =>
    errors.push({ file: `data/${file}`, line, column, message });

function readModels(dataDir: string, errors: InputError[]): FrontierModel[] {
  const file = 'frontier/models.csv';
  const at = reporter(file, errors);
  const rows = readTable(dataDir, file, FRONTIER_MODEL_FIELDS, errors);
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const v = r.values;
    const m: FrontierModel = {
      model: s(v.model),
      lab: s(v.lab),
      scores: Object.fromEntries(FRONTIER_BENCHMARKS.map((b) => [b, n(v[b])])) as FrontierModel['scores'],
      subset: s(v.subset) as FrontierModel['subset'],
      computeTier: s(v.compute_tier),
      computeTierVariant: v.compute_tier_variant === true,
      variantOf: s(v.variant_of),
      inNoComputeTierSubset: v.in_no_compute_tier_subset === true,
      releaseDate: s(v.release_date),
      panel: s(v.panel),
      source: s(v.source),
      line: r.line,
    };
    if (seen.has(m.model)) at(r.line, 'model', `duplicate model name "${m.model}" (first on line ${seen.get(m.model)})`);
    seen.set(m.model, r.line);
    if (m.releaseDate && !DATE.test(m.releaseDate)) at(r.line, 'release_date', `expected yyyy, yyyy-mm or yyyy-mm-dd, got ${JSON.stringify(m.releaseDate)}`);
    // core and extended rows are the fit population; a fit cannot use a row without both axes.
    for (const b of ['swe_verified', 'gpqa_diamond'] as const) {
      if (m.subset !== 'post-cutoff' && v[b] === null && !errors.some((e) => e.line === r.line && e.column === b && e.file === `data/${file}`)) {
        at(r.line, b, `a ${m.subset} model needs a score (it enters the frontier regression)`);
      }
    }
    if (m.computeTierVariant && !m.variantOf) at(r.line, 'variant_of', 'a compute-tier variant must name its base model');
    return m;
  });
}

function readCascade(dataDir: string, errors: InputError[]): CascadeEntry[] {
  return readTable(dataDir, 'frontier/cascade.csv', CASCADE_FIELDS, errors).map((r) => ({
    stage: s(r.values.stage),
    item: s(r.values.item),
    scaleText: s(r.values.scale_text),
    event: s(r.values.event),
    evidenceKind: s(r.values.evidence_kind) as CascadeEntry['evidenceKind'],
    evidenceData: s(r.values.evidence_data),
    source: s(r.values.source),
  }));
}

function readNc3Script(dataDir: string, models: FrontierModel[], errors: InputError[]): Nc3ScriptRow[] {
  const file = 'frontier/nc3_script_scores.csv';
  const at = reporter(file, errors);
  const names = new Set(models.map((m) => m.model));
  return readTable(dataDir, file, NC3_SCRIPT_FIELDS, errors).map((r) => {
    const panelModel = s(r.values.panel_model);
    if (panelModel && models.length > 0 && !names.has(panelModel)) at(r.line, 'panel_model', `"${panelModel}" is not a model in data/frontier/models.csv`);
    return {
      scriptModel: s(r.values.script_model),
      panelModel,
      scores: { swe_verified: n(r.values.swe_verified), gpqa_diamond: n(r.values.gpqa_diamond), ifeval: n(r.values.ifeval) },
    };
  });
}

export function ingestFrontier(dataDir: string, errors: InputError[]): FrontierData {
  const models = readModels(dataDir, errors);
  const { predictions, quantities } = readRules(dataDir, errors);
  return {
    models,
    predictions,
    quantities,
    cascade: readCascade(dataDir, errors),
    nc3Script: readNc3Script(dataDir, models, errors),
    released: readReleased(dataDir, errors),
  };
}
