/**
 * `cape reproduce --config FILE`: a JSON file of config values that override
 * pipeline/config.ts, keyed as there. A syntax error names the file, line and
 * column; an unknown key or a value of the wrong type names the key. Ranges
 * of values are the pipeline's own config check.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Config } from '../config.ts';
import { UsageError } from './exit.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Line and column (1-based) of a character offset, for JSON.parse's "at position N". */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

function parseJson(text: string, file: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (e) {
    const message = (e as Error).message;
    const pos = /at position (\d+)/.exec(message);
    const at = pos ? `${file}:${lineColumn(text, Number(pos[1]))}` : file;
    throw new UsageError(`--config: ${at}: not valid JSON (${message.replace(/\s*in JSON at position \d+.*$/, '')})`);
  }
}

/** Checks `value` against the default it replaces, key by key, and returns the merged config value. */
function merge(base: unknown, value: Json, key: string, file: string): unknown {
  const expected = kind(base);
  const got = kind(value);
  if (expected !== got)
    throw new UsageError(
      `--config: ${file}: key "${key}" expects ${expected === 'object' ? 'an object' : `a ${expected}`}, got ${got === 'object' ? 'an object' : `a ${got}`} (${JSON.stringify(value)})`,
    );
  if (got === 'number' && !Number.isFinite(value)) throw new UsageError(`--config: ${file}: key "${key}" expects a finite number`);
  if (Array.isArray(base)) {
    const arr = value as Json[];
    const element = base.length > 0 ? kind(base[0]) : undefined;
    arr.forEach((v, i) => {
      if (element !== undefined && kind(v) !== element)
        throw new UsageError(`--config: ${file}: key "${key}[${i}]" expects a ${element}, got ${JSON.stringify(v)}`);
    });
    return arr;
  }
  if (got !== 'object') return value;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(value as Record<string, Json>)) {
    const path = key ? `${key}.${k}` : k;
    if (!Object.hasOwn(out, k)) throw new UsageError(`--config: ${file}: unknown key "${path}"; known keys here: ${Object.keys(out).join(', ')}`);
    out[k] = merge(out[k], v, path, file);
  }
  return out;
}

/** The default config with the file's values put over it. */
export function readConfigFile(file: string, base: Config): Config {
  const st = statSync(file, { throwIfNoEntry: false });
  if (!st) throw new UsageError(`--config: no such file "${file}"`);
  if (!st.isFile()) throw new UsageError(`--config: "${file}" is ${st.isDirectory() ? 'a directory' : 'not a regular file'}, expected a JSON file`);
  const json = parseJson(readFileSync(file, 'utf8'), file);
  if (kind(json) !== 'object')
    throw new UsageError(`--config: ${file}: expected a JSON object of config keys, got ${kind(json) === 'object' ? 'an object' : `a ${kind(json)}`}`);
  return merge(base, json, '', file) as Config;
}
