import { join } from 'node:path';
import { minimist } from 'zx';
import { availableVersions, diffResults, formatDiff, hasChanges, resolveVersion } from '../diff.ts';
import { ROOT, type Command } from './command.ts';
import { EXIT, UsageError } from './exit.ts';

export const diffCommand: Command = {
  summary: 'show every table cell and ledger status that changed between two result versions',
  help: `cape diff A B [--json]

A and B are result versions under results/ (a hash, "latest" or "reference")
or paths to result folders. Prints, table by table, every cell that changed
(old → new, with the delta for numbers), added and removed rows, changed
figure specs, and every ledger row whose status changed.

Exit status: 0 nothing changed, 1 something changed, 2 bad arguments.`,
  async run(argv) {
    const a = minimist(argv, { boolean: ['json'] });
    const [va, vb] = a._.map(String);
    if (!va || !vb || a._.length !== 2) throw new UsageError('expected exactly two result versions');
    const resultsDir = join(ROOT, 'results');
    const resolve = (v: string) => {
      const dir = resolveVersion(resultsDir, v);
      if (!dir) throw new UsageError(`no result version "${v}" (looked for results/${v} and ./${v}); available: ${availableVersions(resultsDir).join(', ') || 'none — run `make reproduce` first'}`);
      return dir;
    };
    const d = diffResults(resolve(va), resolve(vb));
    console.log(a.json ? JSON.stringify(d, null, 2) : formatDiff(d, va, vb));
    return hasChanges(d) ? EXIT.finding : EXIT.ok;
  },
};
