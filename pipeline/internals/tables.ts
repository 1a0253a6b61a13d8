import type { InternalsCore } from './types.ts';
import type { StageContext } from '../stage-context.ts';
import { makeTable } from '../table.ts';
import type { Table } from '../types.ts';

const PROVENANCE =
  'Re-plotted from released measurements (data/internals/, the authors’ released JSON); not recomputed from model weights. "Coupling" here is a cosine between mean hidden-state (or attention-unit) representations, not the benchmark g12.';

function qwenTable(c: InternalsCore): Table {
  const rows = c.qwen.map((q) => ({
    model: q.model,
    family: q.family,
    params_b: q.paramsB,
    layers: q.nLayers,
    heads: q.totalHeads,
    coop: 100 * q.coopFrac,
    comp: 100 * q.compFrac,
    net: q.netCoupling,
    dip: q.lastLayerDip,
  }));
  return makeTable(
    'A-fig4a-net-internal-coupling',
    'Net internal coupling and cooperative heads of Qwen2.5 and Qwen3 (Paper A Fig. 4a, §5.2)',
    [
      ['model', 'model'],
      ['family', 'family'],
      ['params_b', 'N (B params, as stored)'],
      ['layers', 'layers'],
      ['heads', 'heads'],
      ['coop', 'cooperative heads (%)'],
      ['comp', 'competing heads (%)'],
      ['net', 'net internal coupling (cosine)'],
      ['dip', 'last-layer coupling where stored (cosine)'],
    ],
    rows,
    [PROVENANCE, 'Source: qwen_generation.json; the prompts and analysis code are not released.'],
    ['model'],
  );
}

function fig5Table(c: InternalsCore): Table {
  const rows = c.fig5.map((f) => ({
    family: f.family,
    in_fig5: f.inFig5,
    paper: f.paperCount,
    released: f.released,
    coop: f.meanCooperativePct,
    models: f.models.join('; '),
  }));
  return makeTable(
    'A-fig5-cooperative-heads',
    'Percent cooperative heads by family from the released per-model head data (Paper A Fig. 5)',
    [
      ['family', 'family'],
      ['in_fig5', 'family shown in Fig. 5'],
      ['paper', 'models per family printed in Fig. 5 (claims.csv note)'],
      ['released', 'models with released head data'],
      ['coop', 'mean cooperative heads over released models (%)'],
      ['models', 'released models'],
    ],
    rows,
    [PROVENANCE, 'Qwen rows: qwen_generation.json coop_frac; Pythia, OPT, Llama-2: the TransformerLens layer files (attention-pattern analysis).'],
    ['family'],
  );
}

function projectionTable(c: InternalsCore): Table {
  const models = [...new Set(c.projection.map((p) => p.model))];
  const rows = models.map((m) => {
    const v = (s: string) => c.projection.find((p) => p.model === m && p.space === s)?.cosine ?? null;
    const [h, o, w] = [v('hidden'), v('original_proj'), v('wider_proj')];
    return {
      model: m,
      params_b: c.projection.find((p) => p.model === m)!.paramsB,
      hidden: h,
      original: o,
      wider: w,
      d_orig: h !== null && o !== null ? o - h : null,
      d_wider: h !== null && w !== null ? w - h : null,
      rel: h !== null && o !== null ? (100 * (h - o)) / h : null,
    };
  });
  return makeTable(
    'A-fig6-projection-bottleneck',
    'Reasoning–truthfulness cosine before and after the output projection (Paper A Fig. 6)',
    [
      ['model', 'model'],
      ['params_b', 'N (B params, nominal)'],
      ['hidden', 'hidden state (cosine)'],
      ['original', 'after the original unembedding (cosine)'],
      ['wider', 'after the untrained wider projection (cosine)'],
      ['d_orig', 'original − hidden'],
      ['d_wider', 'wider − hidden'],
      ['rel', 'relative loss through the original projection (%)'],
    ],
    rows,
    [PROVENANCE, 'Source: intervention_results_v2.json (10 reasoning and 10 misconception prompts, last token, last layer).'],
    ['model'],
  );
}

function fig7Table(c: InternalsCore): Table {
  return makeTable(
    'A-fig7-gemma-qwen',
    'Gemma and Qwen internal coupling (Paper A Fig. 7): (a) coupling against d_rep, (b) Qwen generations',
    [
      ['panel', 'panel'],
      ['model', 'model'],
      ['coupling', 'internal coupling (cosine)'],
      ['d_rep', 'd_rep (stored d_eff of per-layer hidden states)'],
      ['measure', 'measure'],
    ],
    c.fig7.map((p) => ({ panel: p.panel, model: p.model, coupling: p.coupling, d_rep: p.dRep, measure: p.measure })),
    [
      PROVENANCE,
      'Quoted rows (Gemma-4 base, Qwen2.5) exist only as comparison fields inside another model’s file. Panel (b) mixes two measures, as the paper’s figure does.',
    ],
    ['panel', 'model'],
  );
}

function findingsTable(c: InternalsCore): Table {
  return makeTable(
    'A-s5-internal-findings',
    'Consistency checks on the released internal measurements (findings; the data are not changed)',
    [
      ['check', 'check'],
      ['subject', 'subject'],
      ['value', 'value'],
      ['unit', 'unit of value'],
      ['paper', 'paper’s number (claims.csv, display only)'],
      ['finding', 'finding'],
    ],
    c.findings.map((f) => ({ check: f.check, subject: f.subject, value: f.value, unit: f.unit, paper: f.paper, finding: f.finding })),
    [PROVENANCE],
    ['check', 'subject'],
  );
}

function steeringTable(ctx: StageContext): Table {
  const rows = ctx.data.internals.steeringRuns.map((r) => ({
    run: r.run,
    model: r.model,
    phase: r.phaseLabel,
    layer: r.probeLayer,
    changed: r.nChanged,
    total: r.nTotal,
    pct: (100 * r.nChanged) / r.nTotal,
  }));
  return makeTable(
    'A-s7_4-steering-runs',
    'Released steering runs: prompts whose generated text changed (Paper A §7.4, v2 abstract)',
    [
      ['run', 'run (file)'],
      ['model', 'model'],
      ['phase', 'stored phase label'],
      ['layer', 'probe layer (0-based)'],
      ['changed', 'prompts with changed text'],
      ['total', 'prompts'],
      ['pct', 'changed (%)'],
    ],
    rows,
    [
      '"Changed" = the steered generation differs as a string from the unsteered one; there is no truthfulness judge and no random-direction control, so "changed" is not "corrected". The 10-prompt runs release counts only.',
    ],
    ['run', 'model'],
  );
}

export function internalsTables(c: InternalsCore, ctx: StageContext): Table[] {
  return [qwenTable(c), fig5Table(c), projectionTable(c), fig7Table(c), findingsTable(c), steeringTable(ctx)];
}
