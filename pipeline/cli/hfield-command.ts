import { minimist } from 'zx';
import { analyseFrontier } from '../frontier/analysis.ts';
import { phaseOf, playbookOf } from '../frontier/regression.ts';
import type { Command } from './command.ts';
import { loadContext } from './context.ts';
import { EXIT, UsageError } from './exit.ts';
import { num, signed } from './text.ts';

export const hfieldCommand: Command = {
  summary: "a frontier model's h-field: its residual from Paper B's GPQA-on-SWE line",
  help: `cape h-field --swe X --gpqa Y [--lab LAB] [--json]
cape h-field --model NAME [--json]

h = GPQA Diamond − (slope · SWE-bench Verified + intercept), with the line fitted
by OLS on the frozen March-2026 panel (data/frontier/models.csv). Reports h in
GPQA points, the phase label (|h| <= 10: cooperative; below: coding-specialist;
above: reasoning-specialist), the playbook label at ±5, and the lab's context:
its mean h and its models in release order.

Exit status: 0 cooperative, 1 specialist (|h| beyond the cooperative band), 2 usage error.`,
  async run(argv) {
    const a = minimist(argv, { string: ['model', 'lab'], boolean: ['json'] });
    const ctx = loadContext();
    const cfg = ctx.config.frontier;
    const fa = analyseFrontier(ctx.data.frontier, ctx.data.claims, cfg);
    let swe: number;
    let gpqa: number;
    let lab: string | undefined = a.lab as string | undefined;
    let name = 'the given scores';
    if (a.model !== undefined) {
      const wanted = String(a.model).toLowerCase();
      const row = fa.rows.find((r) => r.model.model.toLowerCase() === wanted);
      if (!row) throw new UsageError(`no frontier model "${a.model}" in data/frontier/models.csv; known: ${fa.rows.map((r) => r.model.model).join(', ')}`);
      swe = row.model.scores.swe_verified!;
      gpqa = row.model.scores.gpqa_diamond!;
      lab = row.model.lab;
      name = row.model.model;
    } else {
      swe = Number(a.swe);
      gpqa = Number(a.gpqa);
      if (a.swe === undefined || a.gpqa === undefined) throw new UsageError('give --swe and --gpqa (percent), or --model NAME');
      for (const [flag, v] of [['--swe', swe], ['--gpqa', gpqa]] as const) if (!(v >= 0 && v <= 100)) throw new UsageError(`${flag} expects a percentage in [0, 100], got ${a[flag.slice(2)]}`);
    }
    const h = gpqa - (fa.fit.slope * swe + fa.fit.intercept);
    const phase = phaseOf(h, cfg.cooperativeBand);
    const playbook = playbookOf(h, cfg.playbookBand);
    const labSummary = lab ? fa.labs.find((l) => l.lab.toLowerCase() === lab!.toLowerCase()) : undefined;
    const history = labSummary ? (fa.trajectories.get(labSummary.lab) ?? []).map((p) => ({ model: p.row.model.model, release: p.row.model.releaseDate, h: p.row.h })) : [];
    const result = { model: name, swe, gpqa, h, phase, playbook, line: { slope: fa.fit.slope, intercept: fa.fit.intercept, n: fa.fit.n }, lab: labSummary ?? null, history };
    if (a.json) console.log(JSON.stringify(result, null, 2));
    else {
      console.log(`h-field of ${name}: SWE-bench Verified ${num(swe)}%, GPQA Diamond ${num(gpqa)}%`);
      console.log(`  line (OLS on ${fa.fit.n} frozen models): GPQA = ${num(fa.fit.slope, 4)} · SWE + ${num(fa.fit.intercept, 4)}`);
      console.log(`  h = ${signed(h)} GPQA points: ${phase} (band ±${cfg.cooperativeBand}); playbook: ${playbook} (band ±${cfg.playbookBand})`);
      if (labSummary) {
        console.log(`  ${labSummary.lab}: mean h ${signed(labSummary.hFrozen)} over ${labSummary.nFrozen} frozen model(s)${labSummary.hCore === null ? '' : `, ${signed(labSummary.hCore)} over ${labSummary.nCore} core`}`);
        for (const p of history) console.log(`    ${p.release.padEnd(10)} ${p.model.padEnd(24)} h ${signed(p.h)}`);
      } else if (lab) console.log(`  no lab "${lab}" in the frontier panel`);
    }
    return phase === 'cooperative' ? EXIT.ok : EXIT.finding;
  },
};
