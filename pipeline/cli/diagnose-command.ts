/** `cape diagnose`: a family file or a model of the dataset, diagnosed from its own scores and placed among the paper's families. */
import { readFileSync } from 'node:fs';
import { diagnoseFamily, type Diagnosis } from '../diagnose.ts';
import { parseFamily } from '../family-input.ts';
import type { Model, Panel } from '../types.ts';
import { bool, nonEmpty, oneOf, str, type Args } from './args.ts';
import { DEFAULT_DATA, type Io } from './command.ts';
import { diagnosisJson } from './diagnosis-json.ts';
import { loadContext, referenceFamilies } from './context.ts';
import { EXIT, UsageError } from './exit.ts';
import { inputDir, inputFile } from './paths.ts';
import { columns, num, signed, wrap } from './text.ts';

const inPanel = (panel: Panel, name: string) =>
  panel.models.some((m) => m.model.toLowerCase() === name.toLowerCase() || m.hfId.toLowerCase() === name.toLowerCase());

function findModel(panel: Panel, name: string): Model {
  const wanted = name.toLowerCase();
  const hit = panel.models.find((m) => m.model.toLowerCase() === wanted || m.hfId.toLowerCase() === wanted);
  if (!hit) {
    const near = panel.models.filter((m) => m.model.toLowerCase().includes(wanted.slice(0, 4))).map((m) => m.model);
    throw new UsageError(
      `--model: no model "${name}" in the ${panel.name} panel (data/models.csv, data/families/)${near.length ? `; did you mean ${near.slice(0, 5).join(', ')}?` : ''}`,
    );
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
  const out: string[] = [
    `Family ${d.family}: ${d.models.length} model(s), diagnosed from their own HellaSwag (10-shot) and TruthfulQA (MC2, 0-shot) scores${judged}`,
    '',
  ];
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
  const ci = nc.ci95
    ? ` [${num(nc.ci95[0])}, ${num(nc.ci95[1])}] B, 95% CI from ${nc.resamplesWithCrossing} of ${nc.resamples} within-family resamples that cross`
    : '';
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
      for (const text of [i.suggestion, `Paper's caveat: ${i.paperCaveat}`, `Evidence: ${i.evidenceNote}`, `Source: ${i.source}`])
        out.push(`    ${wrap(text, 84)}`);
    }
  }
  return out.join('\n');
}

export async function run({ values, positionals }: Args, io: Io): Promise<number> {
  if (positionals.length > 1) throw new UsageError(`expected one family CSV file, got ${positionals.length}: ${positionals.join(' ')}`);
  const file = positionals[0];
  const model = str(values, 'model');
  if ((file === undefined) === (model === undefined)) throw new UsageError('give either a family CSV file or --model <name>');
  const panelFlag = oneOf(values, 'panel', ['audited', 'published'] as const) ?? 'audited';
  if (file !== undefined && values.panel !== undefined) throw new UsageError('--panel applies to --model only; a family file is judged on its own scores');
  const ctx = loadContext(nonEmpty(values, 'seed'), inputDir('data', str(values, 'data') ?? DEFAULT_DATA));
  let models: Model[];
  let focus: string | undefined;
  let panelName: string | undefined;
  if (file !== undefined) {
    models = parseFamily(readFileSync(inputFile('family file', file), 'utf8'), file);
  } else {
    // A model of a contributed family lives in its own panel; a paper model is judged in the panel asked for.
    const asked = panelFlag === 'audited' ? ctx.audited : ctx.published;
    const panel = values.panel === undefined && !inPanel(asked, model!) && inPanel(ctx.contributed, model!) ? ctx.contributed : asked;
    const m = findModel(panel, model!);
    focus = m.model;
    panelName = panel.name;
    models = panel.models.filter((x) => x.family === m.family);
  }
  const d = diagnoseFamily(models, referenceFamilies(ctx), ctx.data.interventions, ctx.config, ctx.noise, ctx.rng.fork('diagnose'));
  io.out(bool(values, 'json') ? JSON.stringify(diagnosisJson(d, focus ?? null, panelName ?? 'the given file'), null, 2) : formatDiagnosis(d, focus, panelName));
  return d.phase === 'tax' && d.phaseSign === '-' ? EXIT.finding : EXIT.ok;
}
