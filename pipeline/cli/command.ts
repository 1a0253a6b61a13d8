import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface Command {
  summary: string;
  help: string;
  run(argv: string[]): Promise<number>;
}
