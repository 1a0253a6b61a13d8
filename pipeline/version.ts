/**
 * The result version: a hash of what decides a result (every data file, the
 * config, the pipeline and figure sources, and the lockfile), and the list of
 * inputs the manifest records.
 */
import { existsSync } from 'node:fs';
import { BUILD } from './build-info.ts';
import type { Config } from './config.ts';
import { hashFiles, listFiles, sha256 } from './io/hash.ts';

const SOURCE_DIRS = ['pipeline', 'figures'];

export interface VersionInfo {
  version: string;
  inputs: { path: string; sha256: string }[];
  configHash: string;
}

/** The code that decides a result: the TypeScript and JavaScript of pipeline/ and figures/ (the renderer is .mjs) and the lockfile, with their hashes. */
export function codeInputs(root: string): { path: string; sha256: string }[] {
  const files = [
    ...SOURCE_DIRS.flatMap((d) => listFiles(root, d, (f) => /\.(ts|mts|mjs)$/.test(f))),
    ...(existsSync(`${root}/package-lock.json`) ? ['package-lock.json'] : []),
  ];
  return hashFiles(root, files);
}

/**
 * From the sources the code inputs are hashed as they are; from dist/ they
 * are the hashes of the sources the bundle was built from, embedded at build
 * time, so the same sources give the same version either way.
 */
export function computeVersion(root: string, dataDir: string, config: Config): VersionInfo {
  const data = hashFiles(dataDir, listFiles(dataDir, '.')).map((f) => ({ path: `data/${f.path}`, sha256: f.sha256 }));
  const inputs = [...data, ...(BUILD?.codeInputs ?? codeInputs(root))];
  const configHash = sha256(JSON.stringify(config));
  return { version: sha256(JSON.stringify({ inputs, configHash })).slice(0, 12), inputs, configHash };
}
