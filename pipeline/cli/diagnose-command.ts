import { existsSync, readFileSync } from 'node:fs';
import { minimist } from 'zx';
import { diagnoseFamily, type Diagnosis } from '../diagnose.ts';
import { parseFamily } from '../family-input.ts';
import type { Model } from '../types.ts';
import type { Command } from './command.ts';
import { loadContext, referenceFamilies, type CliContext } from './context.ts';
import { EXIT, UsageError } from './exit.ts';
import { columns, num, signed, wrap } from './text.ts';

function findModel(ctx: CliContext, name: string): Model {
  const wanted = name.toLowerCase();
  const hit = ctx.published.models.find((m) => m.model.toLowerCase() === wanted || m.hfId.toLowerCase() === wanted);
  if (!hit) {
    const near = ctx.published.models.filter((m) => m.model.toLowerCase().includes(wanted.slice(0, 4))).map((m) => m.model);
    throw new UsageError(`no model "${name}" in data/models.csv or data/families/${near.length ? `; did you mean ${near.slice(0, 5).join(', ')}?` : ''}`);
  }
  return hit;
}

export function formatDiagnosis(d: Diagnosis, focus?: string): string {
  const out: string[] = [`Family ${d.family}: ${d.models.length} model(s), diagnosed from their own HellaSwag (10-shot) and TruthfulQA (MC2, 0-shot) scores`, ''];
  out.push(
    columns(
      ['interval', 'N (B)', 'ΔHS', 'ΔTQA', 'g12', 'phase'],
      d.intervals.map((iv) => [`${iv.from} → ${iv.to}`, `${num(iv.fromB)}→${num(iv.toB)}`, signed(iv.dHs, 3), signed(iv.dTqa, 3), iv.g12 === null ? iv.flag : signed(iv.g12, 3), iv.phase ?? '—']),
    ),
    '',
  );
  if (focus) {
    const m = d.models.find((x) => x.model === focus);
    out.push(`${focus}: phase ${m?.phase ?? 'none (the smallest model of its family has no interval ending at it)'}`, '');
  }
  out.push(`Phase now (interval ending at the largest model): ${d.phase ?? 'undetermined'}`);
  out.push(`r(HS, TQA) = ${num(d.hsTqa.r)} (n = ${d.hsTqa.n}, p = ${num(d.hsTqa.p, 2)}); partial r given log10 N = ${num(d.partialR)}`);
  const nc = d.nc;
  const ci = nc.ci95 ? ` [${num(nc.ci95[0])}, ${num(nc.ci95[1])}] B, 95% CI from ${nc.resamplesWithCrossing} of ${nc.resamples} within-family resamples that cross` : '';
  out.push(`N_c: ${nc.ncB === null ? nc.reason : `${num(nc.ncB)} B${ci} (${nc.reason})`}`);
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
cape diagnose --model <name> [--json] [--seed S]

<family.csv> holds one family's models in the schema of data/models.csv
(columns model, family, params_b, hellaswag, truthfulqa_mc2, arc, winogrande,
mmlu, source; d_model enables width normalisation). --model diagnoses a model
already in the dataset, within its family.

Reports g12 = ΔTQA/ΔHS per interval with the phase of each model, N_c with a
bootstrap CI (or "none" and why), the width-normalised r and its null
percentile when widths are given, where the family sits among the paper's
families, and the interventions the papers suggest for its phase, each with
the paper's caveat and our grade of the evidence.

Exit status: 0 diagnosed, 1 the family is in the tax phase (reasoning and
truthfulness trade off), 2 usage or input error.`,
  async run(argv) {
    const a = minimist(argv, { string: ['model', 'seed'], boolean: ['json'] });
    const file = a._[0] === undefined ? undefined : String(a._[0]);
    if ((file === undefined) === (a.model === undefined)) throw new UsageError('give either a family CSV file or --model <name>');
    const ctx = loadContext(a.seed as string | undefined);
    let models: Model[];
    let focus: string | undefined;
    if (file !== undefined) {
      if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
      models = parseFamily(readFileSync(file, 'utf8'), file);
    } else {
      const m = findModel(ctx, String(a.model));
      focus = m.model;
      models = ctx.published.models.filter((x) => x.family === m.family);
    }
    const d = diagnoseFamily(models, referenceFamilies(ctx), ctx.data.interventions, ctx.config, ctx.rng.fork('diagnose'));
    console.log(a.json ? JSON.stringify({ ...d, focus: focus ?? null }, null, 2) : formatDiagnosis(d, focus));
    return d.phase === 'tax' ? EXIT.finding : EXIT.ok;
  },
};
