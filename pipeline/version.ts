import { existsSync } from 'node:fs';
import type { Config } from './config.ts';
import { hashFiles, listFiles, sha256 } from './io/hash.ts';

const SOURCE_DIRS = ['pipeline', 'figures'];

export interface VersionInfo {
  version: string;
  inputs: { path: string; sha256: string }[];
  configHash: string;
}

/**
 * A result version is the hash of what decides it: every data file, the
 * config, the pipeline and figure sources, and the lockfile.
 */
export function computeVersion(root: string, dataDir: string, config: Config): VersionInfo {
  const data = hashFiles(dataDir, listFiles(dataDir, '.')).map((f) => ({ path: `data/${f.path}`, sha256: f.sha256 }));
  const sourceFiles = [...SOURCE_DIRS.flatMap((d) => listFiles(root, d, (f) => f.endsWith('.ts'))), ...(existsSync(`${root}/package-lock.json`) ? ['package-lock.json'] : [])];
  const inputs = [...data, ...hashFiles(root, sourceFiles)];
  const configHash = sha256(JSON.stringify(config));
  return { version: sha256(JSON.stringify({ inputs, configHash })).slice(0, 12), inputs, configHash };
}
