import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface Command {
  summary: string;
  help: string;
  /** The command parses --help itself (it has subcommands with their own help). */
  ownHelp?: boolean;
  run(argv: string[]): Promise<number>;
}
