import { existsSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type FileMap = Map<string, string | Buffer>;

/**
 * Writes a complete result version or nothing: files go to a hidden temporary
 * folder that is renamed into place at the end. An existing version is never
 * touched. Returns false when the version already exists.
 */
export function writeResultFolder(resultsDir: string, version: string, files: FileMap): boolean {
  const target = join(resultsDir, version);
  if (existsSync(target)) return false;
  mkdirSync(resultsDir, { recursive: true });
  const tmp = join(resultsDir, `.tmp-${version}-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const [rel, content] of files) {
      const path = join(tmp, rel);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    if (existsSync(target)) return false;
    renameSync(tmp, target);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  pointLatest(resultsDir, version);
  return true;
}

/** results/latest is a relative symlink, swapped atomically by rename. */
export function pointLatest(resultsDir: string, version: string): void {
  const tmpLink = join(resultsDir, `.latest-${process.pid}`);
  rmSync(tmpLink, { force: true });
  symlinkSync(version, tmpLink);
  renameSync(tmpLink, join(resultsDir, 'latest'));
}
