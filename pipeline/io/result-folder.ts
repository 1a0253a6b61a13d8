/**
 * Writes result versions so that results/ only ever holds complete ones: each
 * version is written to a hidden temporary folder and renamed into place under
 * a lock, `latest` is swapped atomically, and temporary folders left by runs
 * that were killed are removed by the next run.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputErrors } from './validate.ts';

export type FileMap = Map<string, string | Buffer>;

const LOCK = '.lock';
/** How long a run waits for another run's rename to finish before giving up (it holds the lock for milliseconds). */
const LOCK_WAIT_MS = 30_000;

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Hidden leftovers of runs whose process is gone: .tmp-<version>-<pid> folders, .latest-<pid> links, a dead run's lock. */
export function removeStale(resultsDir: string): string[] {
  if (!existsSync(resultsDir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(resultsDir)) {
    const m = /^\.(?:tmp-.+|latest|add-.+)-(\d+)$/.exec(name);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) {
      rmSync(join(resultsDir, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  const lock = join(resultsDir, LOCK);
  if (existsSync(lock) && !alive(Number(readFileSync(lock, 'utf8').trim()))) {
    rmSync(lock, { force: true });
    removed.push(LOCK);
  }
  return removed;
}

/** Runs `f` holding results/.lock; waits for another live run to release it, takes over a dead run's lock. */
function withLock<T>(resultsDir: string, f: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = join(resultsDir, LOCK);
  const start = Date.now();
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeFileSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(readFileSync(lock, 'utf8').trim());
      if (!alive(holder)) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() - start > waitMs) {
        throw new InputErrors([
          {
            file: lock,
            line: 0,
            column: '',
            message: `another cape run (pid ${holder}) has held the results lock for over ${waitMs / 1000} s; wait for it to finish, or remove the file if that process is not cape`,
          },
        ]);
      }
      sleep(50);
    }
  }
  try {
    return f();
  } finally {
    rmSync(lock, { force: true });
  }
}

function writeAll(dir: string, files: FileMap): void {
  for (const [rel, content] of files) {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}

/**
 * Writes a complete result version or nothing. An existing version is never
 * touched. Returns false when the version already exists (written by another
 * run in the meantime, for instance).
 */
export function writeResultFolder(resultsDir: string, version: string, files: FileMap, lockWaitMs = LOCK_WAIT_MS): boolean {
  const target = join(resultsDir, version);
  if (existsSync(target)) return false;
  mkdirSync(resultsDir, { recursive: true });
  removeStale(resultsDir);
  const tmp = join(resultsDir, `.tmp-${version}-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    writeAll(tmp, files);
    return withLock(
      resultsDir,
      () => {
        if (existsSync(target)) return false;
        renameSync(tmp, target);
        pointLatest(resultsDir, version);
        return true;
      },
      lockWaitMs,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Adds files an existing version lacks (e.g. PNGs of a version first written
 * with --no-png), each written beside its place and renamed in, so a reader
 * never sees half a file. Files the version already has are left as they are.
 */
export function addMissingFiles(resultsDir: string, version: string, files: FileMap): string[] {
  const target = join(resultsDir, version);
  const missing = new Map([...files].filter(([rel]) => !existsSync(join(target, rel))));
  if (missing.size === 0) return [];
  const tmp = join(resultsDir, `.add-${version}-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    writeAll(tmp, missing);
    withLock(resultsDir, () => {
      for (const rel of missing.keys()) {
        if (existsSync(join(target, rel))) continue;
        mkdirSync(dirname(join(target, rel)), { recursive: true });
        renameSync(join(tmp, rel), join(target, rel));
      }
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return [...missing.keys()];
}

/** results/latest is a relative symlink, swapped atomically by rename. */
export function pointLatest(resultsDir: string, version: string): void {
  const tmpLink = join(resultsDir, `.latest-${process.pid}`);
  rmSync(tmpLink, { force: true });
  symlinkSync(version, tmpLink);
  renameSync(tmpLink, join(resultsDir, 'latest'));
}
