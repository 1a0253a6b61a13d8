/** `cape diff A B`: every changed table cell, figure spec and ledger status between two result versions; exit 1 when anything changed. */
import { availableVersions, diffResults, formatDiff, hasChanges, resolveVersion } from '../diff.ts';
import { bool, str, type Args } from './args.ts';
import { defaultResultsDir, type Io } from './command.ts';
import { EXIT, UsageError } from './exit.ts';
import { inputDir } from './paths.ts';

export async function run({ values, positionals }: Args, io: Io): Promise<number> {
  const [va, vb] = positionals;
  if (va === undefined || vb === undefined || positionals.length !== 2) throw new UsageError(`expected exactly two result versions, got ${positionals.length}`);
  const given = str(values, 'results');
  const resultsDir = given === undefined ? defaultResultsDir() : inputDir('results', given);
  const resolve = (v: string) => {
    const dir = resolveVersion(resultsDir, v);
    if (!dir)
      throw new UsageError(
        `no result version "${v}" (looked for ${resultsDir}/${v} and ./${v}); available: ${availableVersions(resultsDir).join(', ') || 'none — run `make reproduce` first'}`,
      );
    return dir;
  };
  const d = diffResults(resolve(va), resolve(vb));
  io.out(bool(values, 'json') ? JSON.stringify(d, null, 2) : formatDiff(d, va, vb));
  return hasChanges(d) ? EXIT.finding : EXIT.ok;
}
