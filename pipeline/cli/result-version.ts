/** The result folder a dashboard command works on: VERSION (default latest) under the results folder, never the committed snapshot. */
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { availableVersions, resolveVersion } from '../diff.ts';
import { str, type Values } from './args.ts';
import { defaultResultsDir } from './command.ts';
import { UsageError } from './exit.ts';
import { inputDir } from './paths.ts';

/** The result folder of VERSION (default latest), or a usage error naming what exists. */
export function resultFolder(resultsDir: string, version: string | undefined): string {
  const name = version ?? 'latest';
  const dir = resolveVersion(resultsDir, name);
  const reference = join(resultsDir, 'reference');
  if (dir && existsSync(reference) && realpathSync(dir) === realpathSync(reference))
    throw new UsageError(
      'results/reference is the committed snapshot and takes no generated files; build from a version folder (run `make reproduce`, then `cape dashboard`)',
    );
  if (dir) return dir;
  const versions = availableVersions(resultsDir).filter((v) => v !== 'reference');
  if (versions.length === 0) throw new UsageError('there is no result folder under results/ yet; run `make reproduce` first');
  throw new UsageError(`no result version "${name}" under results/; available: ${versions.join(', ')}`);
}

/** VERSION from the positionals and --results DIR from the flags. */
export function chosenFolder(values: Values, positionals: string[]): string {
  if (positionals.length > 1) throw new UsageError(`expected at most one VERSION, got ${positionals.join(' ')}`);
  const given = str(values, 'results');
  return resultFolder(given === undefined ? defaultResultsDir() : inputDir('results', given), positionals[0]);
}
