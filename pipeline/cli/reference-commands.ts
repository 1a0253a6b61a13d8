/**
 * `cape check-reference` and `cape snapshot`: a fresh run into a scratch
 * folder, compared with or copied into the committed snapshot results/reference.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkReference as compare, formatReferenceCheck, referenceMatches, writeSnapshot } from '../reference.ts';
import { bool, type Args } from './args.ts';
import { ROOT, type CommandModule, type Io } from './command.ts';
import { EXIT } from './exit.ts';
import { liveLine } from './progress.ts';
import { reproduce } from './reproduce.ts';

const REFERENCE = join(ROOT, 'results', 'reference');

async function withFreshRun<T>(io: Io, use: (path: string) => T): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'cape-fresh-'));
  const line = liveLine(io);
  try {
    const r = await reproduce({ root: ROOT, resultsDir: dir, png: false, log: line.log, progress: line.update });
    line.clear();
    return use(r.path);
  } finally {
    line.clear();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const checkReference: CommandModule = {
  async run({ values }: Args, io: Io) {
    const check = await withFreshRun(io, (path) => compare(path, REFERENCE));
    io.out(bool(values, 'json') ? JSON.stringify({ matches: referenceMatches(check), ...check }, null, 2) : formatReferenceCheck(check));
    return referenceMatches(check) ? EXIT.ok : EXIT.finding;
  },
};

export const snapshot: CommandModule = {
  async run({ values }: Args, io: Io) {
    const files = await withFreshRun(io, (path) => writeSnapshot(path, REFERENCE));
    io.out(
      bool(values, 'json') ? JSON.stringify({ reference: REFERENCE, files }, null, 2) : `results/reference now holds ${files.length} files from a fresh run.`,
    );
    return EXIT.ok;
  },
};
