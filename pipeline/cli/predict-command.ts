/** `cape predict`: the paper's ODE (as coded) integrated from a family's smallest model to a size. */
import { BENCHMARKS, BENCHMARK_LABEL } from '../config.ts';
import { predictScores, PredictError } from '../ode/predict.ts';
import { bool, finiteNumber, str, type Args } from './args.ts';
import { DEFAULT_DATA, type Io } from './command.ts';
import { loadContext } from './context.ts';
import { EXIT, UsageError } from './exit.ts';
import { inputDir } from './paths.ts';
import { columns, num } from './text.ts';

export async function run({ values }: Args, io: Io): Promise<number> {
  const family = str(values, 'family');
  const size = finiteNumber(values, 'size', (x) => x > 0, 'a positive number of billions of parameters');
  if (family === undefined || size === undefined) throw new UsageError('give --family F and --size N (billions of parameters)');
  const ctx = loadContext(undefined, inputDir('data', str(values, 'data') ?? DEFAULT_DATA));
  const p = (() => {
    try {
      return predictScores(bool(values, 'audited') ? ctx.audited : ctx.published, family, size, ctx.config);
    } catch (e) {
      if (e instanceof PredictError) throw new UsageError(e.message);
      throw e;
    }
  })();
  if (bool(values, 'json')) io.out(JSON.stringify(p, null, 2));
  else {
    io.out(`ODE prediction for ${p.family} at ${num(size)} B, starting from ${p.startModel} (${num(p.startB)} B); ${p.trainedOn}`);
    const actual = p.actual.find((m) => Math.abs(m.paramsB - size) < 1e-9);
    io.out(
      columns(
        ['benchmark', 'predicted (%)', ...(actual ? [`${actual.model} actual (%)`] : [])],
        BENCHMARKS.map((b, j) => [BENCHMARK_LABEL[b], p.scores ? num(p.scores[b], 4) : 'diverged', ...(actual ? [num(actual.scores[j], 4)] : [])]),
      ),
    );
    for (const w of p.warnings) io.err(`warning: ${w}`);
  }
  return p.warnings.some((w) => !w.startsWith('the ODE was fitted on Pythia only')) ? EXIT.finding : EXIT.ok;
}
