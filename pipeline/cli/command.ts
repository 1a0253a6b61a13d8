/**
 * What a `cape` command is (its help, its options and a loader for its code,
 * so that nothing heavy is imported before the command runs) and where the
 * package and its default folders are.
 */
import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Args, Options } from './args.ts';

/** The folder holding package.json: two levels above this file in the sources, one above a chunk of dist/. */
function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));

/** True when cape runs from an installed package (its root inside node_modules) rather than a source checkout. */
export const INSTALLED = ROOT.split(sep).includes('node_modules');

/** The data cape reads unless --data says otherwise: the paper's data shipped with the package. */
export const DEFAULT_DATA = join(ROOT, 'data');

/** Where results go unless --out says otherwise: the checkout's results/, or ./results where cape is installed. */
export function defaultResultsDir(cwd = process.cwd()): string {
  return INSTALLED ? join(cwd, 'results') : join(ROOT, 'results');
}

/** Streams: results on stdout (`out`), logs and progress on stderr. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal, where progress is one line rewritten in place. */
  tty: boolean;
}

export const defaultIo: Io = {
  out: (t) => console.log(t),
  err: (t) => console.error(t),
  tty: process.stderr.isTTY === true,
};

export interface CommandModule {
  run(args: Args, io: Io): Promise<number>;
}

export interface Command {
  summary: string;
  help: string;
  options: Options;
  positionals: boolean;
  load(): Promise<CommandModule>;
  /** The command parses its own arguments and --help (it has subcommands with their own help): it gets them as positionals. */
  raw?: true;
}
