/** Checks of the folders a command is pointed at (--data, --out, --results), each naming its flag. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './exit.ts';

/** An existing folder to read from. */
export function inputDir(flag: string, dir: string): string {
  const st = statSync(dir, { throwIfNoEntry: false });
  if (!st) throw new UsageError(`--${flag}: no such folder "${dir}"`);
  if (!st.isDirectory()) throw new UsageError(`--${flag}: "${dir}" is a file, expected a folder`);
  return resolve(dir);
}

/** A folder to write into: it may not exist yet (it is created), but it must not be a file. */
export function outputDir(flag: string, dir: string): string {
  const st = statSync(dir, { throwIfNoEntry: false });
  if (st && !st.isDirectory()) throw new UsageError(`--${flag}: "${dir}" is a file, expected a folder`);
  return resolve(dir);
}

/** An existing regular file to read (a directory or a missing file is a usage error naming it). */
export function inputFile(what: string, file: string): string {
  const st = statSync(file, { throwIfNoEntry: false });
  if (!st) throw new UsageError(`${what}: no such file "${file}"`);
  if (st.isDirectory()) throw new UsageError(`${what}: "${file}" is a directory, expected a file`);
  if (!st.isFile()) throw new UsageError(`${what}: "${file}" is not a regular file`);
  return file;
}
