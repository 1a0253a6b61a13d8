/** `cape h-field`: a frontier model's residual from Paper B's GPQA-on-SWE line, with its lab's history. */
import { analyseFrontier } from '../frontier/analysis.ts';
import { phaseOf, playbookOf } from '../frontier/regression.ts';
import { bool, finiteNumber, str, type Args } from './args.ts';
import { DEFAULT_DATA, type Io } from './command.ts';
import { loadContext } from './context.ts';
import { EXIT, UsageError } from './exit.ts';
import { inputDir } from './paths.ts';
import { num, signed } from './text.ts';

export async function run({ values }: Args, io: Io): Promise<number> {
  const model = str(values, 'model');
  const percent = (flag: string) => finiteNumber(values, flag, (x) => x >= 0 && x <= 100, 'a percentage in [0, 100]');
  const sweGiven = percent('swe');
  const gpqaGiven = percent('gpqa');
  if (model !== undefined && (sweGiven !== undefined || gpqaGiven !== undefined || values.lab !== undefined))
    throw new UsageError('give either --model NAME or --swe and --gpqa (with --lab), not both');
  if (model === undefined && (sweGiven === undefined || gpqaGiven === undefined)) throw new UsageError('give --swe and --gpqa (percent), or --model NAME');
  const ctx = loadContext(undefined, inputDir('data', str(values, 'data') ?? DEFAULT_DATA));
  const cfg = ctx.config.frontier;
  const fa = analyseFrontier(ctx.data.frontier, ctx.data.claims, cfg);
  let swe: number;
  let gpqa: number;
  let lab: string | undefined = str(values, 'lab');
  let name = 'the given scores';
  if (model !== undefined) {
    const wanted = model.toLowerCase();
    const row = fa.rows.find((r) => r.model.model.toLowerCase() === wanted);
    if (!row) throw new UsageError(`--model: no frontier model "${model}" in data/frontier/models.csv; known: ${fa.rows.map((r) => r.model.model).join(', ')}`);
    swe = row.model.scores.swe_verified!;
    gpqa = row.model.scores.gpqa_diamond!;
    lab = row.model.lab;
    name = row.model.model;
  } else {
    swe = sweGiven!;
    gpqa = gpqaGiven!;
  }
  const h = gpqa - (fa.fit.slope * swe + fa.fit.intercept);
  const phase = phaseOf(h, cfg.cooperativeBand);
  const playbook = playbookOf(h, cfg.playbookBand);
  const labSummary = lab ? fa.labs.find((l) => l.lab.toLowerCase() === lab!.toLowerCase()) : undefined;
  const history = labSummary
    ? (fa.trajectories.get(labSummary.lab) ?? []).map((p) => ({ model: p.row.model.model, release: p.row.model.releaseDate, h: p.row.h }))
    : [];
  const result = {
    model: name,
    swe,
    gpqa,
    h,
    phase,
    playbook,
    line: { slope: fa.fit.slope, intercept: fa.fit.intercept, n: fa.fit.n },
    lab: labSummary ?? null,
    history,
  };
  if (bool(values, 'json')) io.out(JSON.stringify(result, null, 2));
  else {
    io.out(`h-field of ${name}: SWE-bench Verified ${num(swe)}%, GPQA Diamond ${num(gpqa)}%`);
    io.out(`  line (OLS on ${fa.fit.n} frozen models): GPQA = ${num(fa.fit.slope, 4)} · SWE + ${num(fa.fit.intercept, 4)}`);
    io.out(`  h = ${signed(h)} GPQA points: ${phase} (band ±${cfg.cooperativeBand}); playbook: ${playbook} (band ±${cfg.playbookBand})`);
    if (labSummary) {
      io.out(
        `  ${labSummary.lab}: mean h ${signed(labSummary.hFrozen)} over ${labSummary.nFrozen} frozen model(s)${labSummary.hCore === null ? '' : `, ${signed(labSummary.hCore)} over ${labSummary.nCore} core`}`,
      );
      for (const p of history) io.out(`    ${p.release.padEnd(10)} ${p.model.padEnd(24)} h ${signed(p.h)}`);
    } else if (lab) io.out(`  no lab "${lab}" in the frontier panel`);
  }
  return phase === 'cooperative' ? EXIT.ok : EXIT.finding;
}
