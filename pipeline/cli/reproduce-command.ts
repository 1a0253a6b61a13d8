/** `cape reproduce`: flags to options, progress to stderr, the result folder (or JSON about it) to stdout. */
import { config as defaults } from '../config.ts';
import { bool, nonEmpty, positiveInt, str, type Args } from './args.ts';
import { DEFAULT_DATA, defaultResultsDir, ROOT, type Io } from './command.ts';
import { readConfigFile } from './config-file.ts';
import { EXIT } from './exit.ts';
import { inputDir, outputDir } from './paths.ts';
import { liveLine } from './progress.ts';
import { reproduce } from './reproduce.ts';

export async function run({ values }: Args, io: Io): Promise<number> {
  const seed = nonEmpty(values, 'seed');
  const resamples = positiveInt(values, 'resamples');
  const configFile = str(values, 'config');
  const config = configFile === undefined ? defaults : readConfigFile(configFile, defaults);
  const dataDir = inputDir('data', str(values, 'data') ?? DEFAULT_DATA);
  const resultsDir = outputDir('out', str(values, 'out') ?? defaultResultsDir());
  const line = liveLine(io);
  try {
    const r = await reproduce({ root: ROOT, dataDir, resultsDir, config, seed, resamples, png: !bool(values, 'no-png'), log: line.log, progress: line.update });
    line.clear();
    io.out(bool(values, 'json') ? JSON.stringify(r, null, 2) : r.path);
    return EXIT.ok;
  } finally {
    line.clear();
  }
}
