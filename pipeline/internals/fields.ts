import type { FieldSpec } from '../io/validate.ts';

/** Column schemas of the data/internals/ files the eigen, loss and internals stages read. */

const text = (name: string, required = true): FieldSpec => ({ name, kind: 'string', required });
const num = (name: string, required = true, min?: number, max?: number): FieldSpec => ({
  name,
  kind: 'number',
  required,
  ...(min !== undefined ? { min } : {}),
  ...(max !== undefined ? { max } : {}),
});
const int = (name: string, required = true, min = 0): FieldSpec => ({ name, kind: 'integer', required, min });
const cosine = (name: string, required = true): FieldSpec => num(name, required, -1, 1);
const percent = (name: string, required = true): FieldSpec => num(name, required, 0, 100);
const fraction = (name: string, required = true): FieldSpec => num(name, required, 0, 1);

export const HEAD_COUPLING_QWEN_FIELDS: readonly FieldSpec[] = [
  text('model'),
  { name: 'family', kind: 'enum', required: true, values: ['Qwen2.5', 'Qwen3'] },
  num('params_b', true, 0.001),
  int('n_layers', true, 1),
  int('n_heads_per_layer', true, 1),
  int('total_heads', true, 1),
  fraction('coop_frac'),
  fraction('comp_frac'),
  cosine('net_coupling'),
  cosine('last_layer_dip', false),
  text('notes', false),
  text('source'),
];

export const INTERNAL_COUPLING_FIELDS: readonly FieldSpec[] = [
  text('model'),
  text('family'),
  num('params_b', true, 0.001),
  { name: 'analysis', kind: 'enum', required: true, values: ['tl_layer', 'internal_summary', 'nc2_units'] },
  int('n_layers', true, 1),
  int('total_units', false, 1),
  percent('cooperative_pct'),
  int('competing_count', true),
  cosine('net_coupling'),
  text('source'),
];

export const LAYER_COUPLING_FIELDS: readonly FieldSpec[] = [
  text('model'),
  text('family'),
  num('params_b', true, 0.001),
  { name: 'analysis', kind: 'enum', required: true, values: ['tl_layer', 'nc2_units'] },
  int('layer'),
  cosine('coupling'),
  percent('coop_pct', false),
  text('source'),
];

export const UNIT_HISTOGRAM_FIELDS: readonly FieldSpec[] = [text('model'), int('bin'), cosine('bin_low'), cosine('bin_high'), int('count'), text('source')];

export const PROJECTION_FIELDS: readonly FieldSpec[] = [
  text('model'),
  num('params_b', true, 0.001),
  int('hidden_size', true, 1),
  { name: 'space', kind: 'enum', required: true, values: ['hidden', 'original_proj', 'wider_proj'] },
  cosine('cosine'),
  text('source'),
];

export const BENCHMARK_PAIR_FIELDS: readonly FieldSpec[] = [
  text('model'),
  text('family'),
  text('label', false),
  num('params_b', false, 0.001),
  text('pair'),
  cosine('net_coupling'),
  text('notes', false),
  text('source'),
];

export const BENCHMARK_PAIR_MODEL_FIELDS: readonly FieldSpec[] = [
  text('model'),
  text('family'),
  num('params_b', true, 0.001),
  num('d_eff', true, 0),
  text('source'),
];

export const STEERING_RUN_FIELDS: readonly FieldSpec[] = [
  text('run'),
  text('model'),
  text('hf_id', false),
  text('phase_label', false),
  int('probe_layer', false),
  int('n_changed'),
  int('n_total', true, 1),
  text('source'),
];

export const GRADIENT_MODEL_FIELDS: readonly FieldSpec[] = [
  text('model'),
  num('params', true, 1e6),
  num('loss_mean', true, 0, 20),
  num('grad_norm_mean', true, 0),
  int('n_samples', true, 1),
  text('text_type', false),
  text('source'),
];

export const BENCHMARKS_26_FIELDS: readonly FieldSpec[] = [
  text('model'),
  text('family'),
  num('params_b', true, 0.001),
  ...['hellaswag', 'truthfulqa', 'arc', 'winogrande', 'mmlu'].map((b) => percent(b)),
  text('source'),
];

/** Authors' computed values: cross-check columns only, never an input to a computation. */
export const AUTHORS_AI_FREE_ENERGY_FIELDS: readonly FieldSpec[] = [text('quantity'), text('key1', false), text('key2', false), text('value'), text('source')];
export const AUTHORS_26_LABEL_FIELDS: readonly FieldSpec[] = [text('model'), text('phase'), text('source')];
export const AUTHORS_26_PCA_FIELDS: readonly FieldSpec[] = [
  text('component'),
  num('eigenvalue', true, 0),
  fraction('explained_variance_ratio'),
  ...['hellaswag', 'truthfulqa', 'arc', 'winogrande', 'mmlu'].map((b) => num(`loading_${b}`, true, -1, 1)),
  text('source'),
];
export const AUTHORS_BETA_FIT_FIELDS: readonly FieldSpec[] = [text('quantity'), text('value'), text('source')];

/** The only per-model IFEval scores (hard-coded in the authors' Nc3 script); used for the App. A.9 frontier d_eff. */
