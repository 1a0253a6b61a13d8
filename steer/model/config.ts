// A model folder's config.json -> the ModelConfig the forward pass runs,
// plus the file's hash, which identifies the model in vector files.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelConfig } from './architecture.ts';
import { parseConfig } from './architectures.ts';
import { ConfigError } from './config-reader.ts';

export type { Activation, ModelConfig } from './architecture.ts';
export { parseConfig, SUPPORTED_MODEL_TYPES } from './architectures.ts';
export { ConfigError } from './config-reader.ts';

export interface LoadedConfig {
  config: ModelConfig;
  /** sha256 of the config.json bytes: the model identity recorded in vector files. */
  sha256: string;
}

export function loadConfig(dir: string): LoadedConfig {
  const path = join(dir, 'config.json');
  if (!existsSync(path)) throw new ConfigError(`${path}: file not found`);
  const bytes = readFileSync(path);
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new ConfigError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${path}: not a JSON object`);
  return { config: parseConfig(raw as Record<string, unknown>, path), sha256: createHash('sha256').update(bytes).digest('hex') };
}
