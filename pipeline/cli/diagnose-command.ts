import { existsSync, readFileSync } from 'node:fs';
import { minimist } from 'zx';
import { diagnoseFamily, type Diagnosis } from '../diagnose.ts';
import { parseFamily } from '../family-input.ts';
import type { Model, Panel } from '../types.ts';
import { diagnosisJson } from './diagnosis-json.ts';
import type { Command } from './command.ts';
import { loadContext, referenceFamilies } from './context.ts';
import { EXIT, UsageError } from './exit.ts';
import { columns, num, signed, wrap } from './text.ts';

function findModel(panel: Panel, name: string): Model {
  const wanted = name.toLowerCase();
  const hit = panel.models.find((m) => m.model.toLowerCase() === wanted || m.hfId.toLowerCase() === wanted);
  if (!hit) {
    const near = panel.models.filter((m) => m.model.toLowerCase().includes(wanted.slice(0, 4))).map((m) => m.model);
    throw new UsageError(`--model: no model "${name}" in the ${panel.name} panel (data/models.csv, data/families/)${near.length ? `; did you mean ${near.slice(0, 5).join(', ')}?` : ''}`);
  }
  return hit;
}

/** "tax", or "tax (within noise)" when score noise does not resolve the sign of the interval behind it. */
export function phaseText(phase: Diagnosis['phase'], sign: Diagnosis['phaseSign']): string {
  if (phase === null) return 'undetermined';
  return sign === '+' || sign === '-' || sign === null ? phase : `${phase} (sign ${sign === 'undefined' ? 'undefined: |ΔHS| within 2 SE' : 'within noise'})`;
}

const fixed2 = (x: number | null) => (x === null ? '—' : x.toFixed(2));

export function formatDiagnosis(d: Diagnosis, focus?: string, panel?: string): string {
  const judged = panel ? `; ${focus ?? d.family} judged within the ${panel} panel` : '';
  const out: string[] = [`Family ${d.family}: ${d.models.length} model(s), diagnosed from their own HellaSwag (10-shot) and TruthfulQA (MC2, 0-shot) scores${judged}`, ''];
  out.push(
    columns(
      ['interval', 'N (B)', 'ΔHS', 'SE', 'ΔTQA', 'SE', 'g12', 'P(g12>0)', 'sign', 'phase'],
      d.intervals.map((iv) => [
        `${iv.from} → ${iv.to}`,
        `${num(iv.fromB)}→${num(iv.toB)}`,
        signed(iv.dHs, 3),
        fixed2(iv.seDHs),
        signed(iv.dTqa, 3),
        fixed2(iv.seDTqa),
        iv.g12 === null ? iv.flag : signed(iv.g12, 3),
        fixed2(iv.pG12Positive),
        iv.sign ?? '—',
        iv.phase ?? '—',
      ]),
    ),
    '  (SE: standard error of the difference in points; sign "+"/"-" only where noise resolves it, P(g12>0) outside [0.1, 0.9])',
    '',
  );
  if (focus) {
    const m = d.models.find((x) => x.model === focus);
    out.push(`${focus}: phase ${m?.phase ?? 'none (the smallest model of its family has no interval ending at it)'}`, '');
  }
  out.push(`Phase now (interval ending at the largest model): ${phaseText(d.phase, d.phaseSign)}`);
  const rNoise = d.rNoise ? `, 95% range under score noise [${num(d.rNoise[0])}, ${num(d.rNoise[1])}]` : '';
  out.push(`r(HS, TQA) = ${num(d.hsTqa.r)} (n = ${d.hsTqa.n}, p = ${num(d.hsTqa.p, 2)}${rNoise}); partial r given log10 N = ${num(d.partialR)}`);
  const nc = d.nc;
  const ci = nc.ci95 ? ` [${num(nc.ci95[0])}, ${num(nc.ci95[1])}] B, 95% CI from ${nc.resamplesWithCrossing} of ${nc.resamples} within-family resamples that cross` : '';
  out.push(`N_c: ${nc.ncB === null ? nc.reason : `${num(nc.ncB)} B${ci} (${nc.reason})`}`);
  const dist = d.ncDistribution;
  if (dist) {
    const spread = dist.medianB === null ? '' : `; median ${num(dist.medianB)} B, 95% range [${num(dist.lowB)}, ${num(dist.highB)}] B`;
    out.push(`N_c under score noise: defined in ${(100 * dist.pDefined).toFixed(0)}% of ${dist.draws} draws${spread}`);
  }
  if (d.width) {
    const nulls = d.width.nulls.map((n) => `${n.kind}: real value at the ${num(n.realPercentile, 3)}th percentile`).join('; ');
    out.push(`Width-normalised r(HS/w, TQA/w), w = d_model/512: ${num(d.width.normalisedR)} (raw ${num(d.width.rawR)}); null models: ${nulls}`);
  } else out.push('Width normalisation: skipped (needs d_model for at least 3 models)');
  out.push(wrap(`Among the paper's families (audited panel): ${d.placement.summary}`, 88, '  '), '');
  if (d.interventions.length === 0) out.push('No intervention is suggested for an undetermined phase.');
  else {
    out.push(`What the papers suggest in the ${d.phase} phase (with their caveat and the strength of the evidence behind it):`);
    for (const i of d.interventions) {
      out.push(`  - ${i.intervention} [evidence: ${i.evidence}]`);
      for (const text of [i.suggestion, `Paper's caveat: ${i.paperCaveat}`, `Evidence: ${i.evidenceNote}`, `Source: ${i.source}`]) out.push(`    ${wrap(text, 84)}`);
    }
  }
  return out.join('\n');
}

export const diagnoseCommand: Command = {
  summary: 'diagnose a model family from its scores: g12, phases, N_c, width, interventions',
  help: `cape diagnose <family.csv> [--json] [--seed S]
cape diagnose --model <name> [--panel audited|published] [--json] [--seed S]

<family.csv> holds one family's models in the schema of data/models.csv
(columns model, family, params_b, hellaswag, truthfulqa_mc2, arc, winogrande,
mmlu, source; d_model enables width normalisation; <benchmark>_stderr columns
give standard errors in points, else they come from the item counts). "cape
import lm-eval" writes such a file from lm-evaluation-harness output. --model
diagnoses a model already in the dataset, within its family in the audited
panel (duplicates dropped, misfiled models in their own family) unless
--panel published is given.

Reports g12 = ΔTQA/ΔHS per interval with the standard errors of both
differences, P(g12 > 0) under score noise and whether noise resolves the sign
("+", "-", "within noise", or "undefined" when |ΔHS| is within 2 SE), the
phase of each model, N_c with a bootstrap CI (or "none" and why) and as a
distribution over score-noise draws, the width-normalised r and its null
percentile when widths are given, where the family sits among the paper's
families, and the interventions the papers suggest for its phase, each with
the paper's caveat and our grade of the evidence.

Exit status: 0 diagnosed, 1 the family is in the tax phase with a sign that
noise resolves (reasoning and truthfulness trade off), 2 usage or input error.`,
  async run(argv) {
    const a = minimist(argv, { string: ['model', 'seed', 'panel'], boolean: ['json'], default: { panel: 'audited' } });
    const file = a._[0] === undefined ? undefined : String(a._[0]);
    if ((file === undefined) === (a.model === undefined)) throw new UsageError('give either a family CSV file or --model <name>');
    if (a.panel !== 'audited' && a.panel !== 'published') throw new UsageError(`--panel expects "audited" or "published", got "${a.panel}"`);
    const ctx = loadContext(a.seed as string | undefined);
    let models: Model[];
    let focus: string | undefined;
    let panelName: string | undefined;
    if (file !== undefined) {
      if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
      models = parseFamily(readFileSync(file, 'utf8'), file);
    } else {
      const panel = a.panel === 'audited' ? ctx.audited : ctx.published;
      const m = findModel(panel, String(a.model));
      focus = m.model;
      panelName = panel.name;
      models = panel.models.filter((x) => x.family === m.family);
    }
    const d = diagnoseFamily(models, referenceFamilies(ctx), ctx.data.interventions, ctx.config, ctx.noise, ctx.rng.fork('diagnose'));
    console.log(a.json ? JSON.stringify(diagnosisJson(d, focus ?? null, panelName ?? 'the given file'), null, 2) : formatDiagnosis(d, focus, panelName));
    return d.phase === 'tax' && d.phaseSign === '-' ? EXIT.finding : EXIT.ok;
  },
};
