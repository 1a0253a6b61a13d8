import { BENCHMARKS, BENCHMARK_LABEL } from './config.ts';
import { interventionRecord, type Dataset } from './ingest.ts';
import { SCORED_BENCHMARKS } from './noise/benchmarks.ts';
import { auditedPanel, contributedPanel, familiesOf, publishedPanel, type AuditChange } from './panels.ts';
import { makeTable } from './table.ts';
import type { ClaimResult, Panel, StageOutput } from './types.ts';

export interface PanelsOutput extends StageOutput {
  published: Panel;
  audited: Panel;
  /** Families from data/families/, in rows of their own. */
  contributed: Panel;
  changes: AuditChange[];
}

/** Builds both panels and the tables that let a reviewer see exactly how they differ. */
export function runPanels(data: Dataset): PanelsOutput {
  const published = publishedPanel(data);
  const { panel: audited, changes } = auditedPanel(data);
  const contributed = contributedPanel(data);
  const pubFam = familiesOf(published);
  const audFam = familiesOf(audited);
  const conFam = familiesOf(contributed);
  const names = [...new Set([...pubFam.keys(), ...audFam.keys(), ...conFam.keys()])].sort();
  const familyRows = names.map((f) => ({
    family: f,
    n_published: pubFam.get(f)?.length ?? 0,
    n_audited: audFam.get(f)?.length ?? 0,
    n_contributed: conFam.get(f)?.length ?? 0,
    origin: (pubFam.get(f) ?? audFam.get(f) ?? conFam.get(f))![0]!.origin,
  }));
  const modelRows = [published, audited, contributed].flatMap((p) =>
    p.models.map((m) => ({
      panel: p.name,
      model: m.model,
      family: m.family,
      params_b: m.paramsB,
      d_model: m.dModel,
      ...Object.fromEntries(BENCHMARKS.map((b) => [b, m.scores[b]])),
      gsm8k: m.gsm8k,
      ...Object.fromEntries(SCORED_BENCHMARKS.map((b) => [`${b}_stderr`, m.stderr[b]])),
      quirk: m.quirk,
      source: m.source,
    })),
  );
  const claims: ClaimResult[] = [
    { id: 'A.abs.n_models', variant: 'as described', value: published.models.length, note: 'rows of the authors’ panel as published' },
    { id: 'A.abs.n_models', variant: 'audited', value: audited.models.length, note: 'distinct models once the two duplicated Llama-3 rows are dropped' },
    { id: 'A.abs.n_families', variant: 'as described', value: new Set(published.models.map((m) => m.family)).size, note: 'families in the authors’ data file' },
    {
      id: 'A.abs.n_families',
      variant: 'audited',
      value: new Set(audited.models.map((m) => m.family)).size,
      note: 'GPT-J and GPT-NeoX moved out of Pythia into their own families',
    },
  ];
  return {
    published,
    audited,
    contributed,
    changes,
    claims,
    tables: [
      makeTable(
        'panel-families',
        'Models per family in the two panels, and in contributed families (data/families/, never pooled with the paper’s)',
        [
          ['family', 'family'],
          ['n_published', 'models, as published'],
          ['n_audited', 'models, audited'],
          ['n_contributed', 'models, contributed'],
          ['origin', 'origin (paper = authors’ data; contributed = data/families/)'],
        ],
        familyRows,
        [],
        ['family'],
      ),
      makeTable(
        'panel-models',
        'Every model in both panels with the scores used',
        [
          ['panel', 'panel'],
          ['model', 'model'],
          ['family', 'family'],
          ['params_b', 'N (B params)'],
          ['d_model', 'd_model'],
          ...BENCHMARKS.map((b) => [b, `${BENCHMARK_LABEL[b]} (%)`] as [string, string]),
          ['gsm8k', `${BENCHMARK_LABEL.gsm8k} (%)`],
          ...SCORED_BENCHMARKS.map(
            (b) => [`${b}_stderr`, `standard error of ${BENCHMARK_LABEL[b]} given in the input (pp; empty: from the item count)`] as [string, string],
          ),
          ['quirk', 'quirk in the published panel'],
          ['source', 'source'],
        ],
        modelRows,
        [],
        ['panel', 'model'],
      ),
      makeTable(
        'panel-audit-changes',
        'What the audited panel changes relative to the published one',
        [
          ['model', 'model'],
          ['field', 'field'],
          ['published', 'as published'],
          ['audited', 'audited'],
          ['reason', 'reason / source'],
        ],
        changes.map((c) => ({ ...c })),
        ['Scores are replaced only where the Open LLM Leaderboard v1 table has a float16 or bfloat16 evaluation of the same Hugging Face id.'],
        ['model', 'field'],
      ),
      makeTable(
        'interventions',
        'What the papers suggest in each phase, with their own caveat and our grade of the evidence (data/interventions.csv)',
        [
          ['phase', 'phase'],
          ['intervention', 'intervention'],
          ['suggestion', 'what the papers suggest'],
          ['paper_caveat', 'the papers’ own caveat'],
          ['evidence', 'evidence grade'],
          ['evidence_note', 'why this grade'],
          ['source', 'source'],
        ],
        data.interventions.map(interventionRecord),
        [],
        ['phase', 'intervention'],
      ),
    ],
  };
}
