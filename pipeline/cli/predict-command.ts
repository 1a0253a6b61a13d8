import { minimist } from 'zx';
import { BENCHMARKS, BENCHMARK_LABEL } from '../config.ts';
import { predictScores, PredictError } from '../ode/predict.ts';
import type { Command } from './command.ts';
import { loadContext } from './context.ts';
import { EXIT, UsageError } from './exit.ts';
import { columns, num } from './text.ts';

export const predictCommand: Command = {
  summary: "predict a family's five benchmark scores at a size with the paper's ODE",
  help: `cape predict --family F --size N [--audited] [--json]

Integrates the paper's ODE (as the authors coded it: a linear system fitted by
least squares to Pythia's finite differences over log10 N) from the family's
smallest model with all five scores up to N billion parameters, and prints the
predicted HellaSwag, TruthfulQA, ARC, WinoGrande and MMLU scores. Uses the
as-published panel unless --audited is given.

Exit status: 0 prediction inside the fitted range, 1 prediction with a warning
(extrapolation, divergence, backwards integration), 2 usage error.`,
  async run(argv) {
    const a = minimist(argv, { string: ['family'], boolean: ['json', 'audited'] });
    if (a.family === undefined || a.size === undefined) throw new UsageError('give --family F and --size N (billions of parameters)');
    const size = Number(a.size);
    if (!(size > 0)) throw new UsageError(`--size expects a positive number of billions of parameters, got ${a.size}`);
    const ctx = loadContext();
    let p;
    try {
      p = predictScores(a.audited ? ctx.audited : ctx.published, String(a.family), size, ctx.config);
    } catch (e) {
      if (e instanceof PredictError) throw new UsageError(e.message);
      throw e;
    }
    if (a.json) console.log(JSON.stringify(p, null, 2));
    else {
      console.log(`ODE prediction for ${p.family} at ${num(size)} B, starting from ${p.startModel} (${num(p.startB)} B); ${p.trainedOn}`);
      const actual = p.actual.find((m) => Math.abs(m.paramsB - size) < 1e-9);
      console.log(
        columns(
          ['benchmark', 'predicted (%)', ...(actual ? [`${actual.model} actual (%)`] : [])],
          BENCHMARKS.map((b, j) => [BENCHMARK_LABEL[b], p.scores ? num(p.scores[b], 4) : 'diverged', ...(actual ? [num(actual.scores[j], 4)] : [])]),
        ),
      );
      for (const w of p.warnings) console.log(`warning: ${w}`);
    }
    return p.warnings.some((w) => !w.startsWith('the ODE was fitted on Pythia only')) ? EXIT.finding : EXIT.ok;
  },
};
