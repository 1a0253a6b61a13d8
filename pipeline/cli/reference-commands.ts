import { join } from 'node:path';
import { checkReference, formatReferenceCheck, referenceMatches, writeSnapshot } from '../reference.ts';
import { ROOT, type Command } from './command.ts';
import { EXIT } from './exit.ts';
import { reproduce } from './reproduce.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

async function freshRun(): Promise<{ path: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'cape-fresh-'));
  const r = await reproduce({ root: ROOT, resultsDir: dir, png: false, log: (l) => console.error(l) });
  return { path: r.path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const checkReferenceCommand: Command = {
  summary: 'regenerate and compare against the committed snapshot results/reference',
  help: `cape check-reference

Runs the pipeline into a scratch folder and compares its tables, figure specs
and ledger with results/reference, printing every differing cell.
Exit status: 0 identical, 1 different.`,
  async run() {
    const fresh = await freshRun();
    try {
      const check = checkReference(fresh.path, join(ROOT, 'results', 'reference'));
      console.log(formatReferenceCheck(check));
      return referenceMatches(check) ? EXIT.ok : EXIT.finding;
    } finally {
      fresh.cleanup();
    }
  },
};

export const snapshotCommand: Command = {
  summary: 'regenerate and replace the committed snapshot results/reference',
  help: `cape snapshot

Runs the pipeline and copies its deterministic outputs (tables, figure specs,
ledger; no PNG, SVG or manifest) into results/reference. Commit the snapshot
together with the change that moved the numbers, so the move is visible in review.`,
  async run() {
    const fresh = await freshRun();
    try {
      const files = writeSnapshot(fresh.path, join(ROOT, 'results', 'reference'));
      console.log(`results/reference now holds ${files.length} files from a fresh run.`);
      return EXIT.ok;
    } finally {
      fresh.cleanup();
    }
  },
};
