import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { diffResults, formatDiff, type ResultDiff } from './diff.ts';
import { listFiles } from './io/hash.ts';

/** The deterministic outputs a reviewer diffs: tables, figure specs and the ledger (no rasters, no manifest). */
export function isSnapshotFile(rel: string): boolean {
  return /^tables\/[^/]+\.(csv|json|md)$/.test(rel) || /^figures\/[^/]+\.vl\.json$/.test(rel) || /^claims\.(csv|json|md)$/.test(rel) || rel === 'config.json';
}

/** Replaces the committed snapshot with a result folder's deterministic outputs. */
export function writeSnapshot(resultDir: string, referenceDir: string): string[] {
  const files = listFiles(resultDir, '.', isSnapshotFile);
  const tmp = `${referenceDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  for (const f of files) {
    mkdirSync(dirname(join(tmp, f)), { recursive: true });
    cpSync(join(resultDir, f), join(tmp, f));
  }
  rmSync(referenceDir, { recursive: true, force: true });
  renameSync(tmp, referenceDir);
  return files;
}

export interface ReferenceCheck {
  missing: string[];
  unexpected: string[];
  differing: string[];
  cells: ResultDiff;
}

export function checkReference(resultDir: string, referenceDir: string): ReferenceCheck {
  const fresh = listFiles(resultDir, '.', isSnapshotFile);
  const committed = existsSync(referenceDir) ? listFiles(referenceDir, '.', isSnapshotFile) : [];
  const both = fresh.filter((f) => committed.includes(f));
  return {
    missing: fresh.filter((f) => !committed.includes(f)),
    unexpected: committed.filter((f) => !fresh.includes(f)),
    differing: both.filter((f) => !readFileSync(join(resultDir, f)).equals(readFileSync(join(referenceDir, f)))),
    cells: diffResults(referenceDir, resultDir),
  };
}

export function referenceMatches(c: ReferenceCheck): boolean {
  return c.missing.length + c.unexpected.length + c.differing.length === 0;
}

export function formatReferenceCheck(c: ReferenceCheck): string {
  if (referenceMatches(c)) return 'The regenerated tables, specs and ledger match results/reference byte for byte.';
  const out = [
    'The regenerated results differ from the committed snapshot results/reference.',
    'If the change is intended, run `make snapshot` and commit results/reference with the change.',
    '',
  ];
  if (c.missing.length) out.push(`not in the snapshot: ${c.missing.join(', ')}`);
  if (c.unexpected.length) out.push(`only in the snapshot: ${c.unexpected.join(', ')}`);
  if (c.differing.length) out.push(`differing files: ${c.differing.join(', ')}`);
  out.push('', formatDiff(c.cells, 'reference', 'regenerated'));
  return out.join('\n');
}
