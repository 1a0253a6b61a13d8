/** Reads one result folder (tables, figure specs, ledger, config, manifest) into the Payload the dashboard is built from. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { STATUSES } from '../pipeline/claims.ts';
import type { Config } from '../pipeline/config.ts';
import { TABLES_SCHEMA } from '../pipeline/io/format.ts';
import type { Cell, Table } from '../pipeline/types.ts';
import {
  claimLinks,
  frontierLineFromTables,
  interventionsFromTables,
  noiseFromTables,
  panelsFromTables,
  referenceFromTables,
  ResultFolderError,
} from './derive.ts';
import { familyCsv } from './family-csv.ts';
import type { Payload, Spec } from './payload.ts';

function readJson<T>(path: string): T {
  if (!existsSync(path)) throw new ResultFolderError(`${path} is missing; is this a result folder written by \`cape reproduce\`?`);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function readAll<T>(dir: string, suffix: string): Record<string, T> {
  if (!existsSync(dir)) throw new ResultFolderError(`${dir} is missing; is this a result folder written by \`cape reproduce\`?`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort();
  return Object.fromEntries(files.map((f) => [f.slice(0, -suffix.length), readJson<T>(join(dir, f))]));
}

/**
 * The family pre-filled in the Diagnose box: the README's worked example of a
 * new family when the checkout has it, else the first paper family.
 */
function exampleFamily(root: string | undefined, panels: Payload['panels']): Payload['example'] {
  const file = root === undefined ? undefined : join(root, 'data', 'examples', 'qwen1.5.csv');
  if (file && existsSync(file))
    return { label: 'data/examples/qwen1.5.csv (Open LLM Leaderboard v1 scores; not in the paper)', text: readFileSync(file, 'utf8') };
  const first = panels['as published'][0]?.family ?? '';
  return { label: `${first} from this result folder's as-published panel`, text: familyCsv(panels['as published'].filter((m) => m.family === first)) };
}

/** Reads one result folder into the dashboard's payload. `root` is the checkout, for the example family only. */
export function readResult(resultDir: string, root?: string): Payload {
  const { [TABLES_SCHEMA.replace(/\.json$/, '')]: _schema, ...tables } = readAll<Table>(join(resultDir, 'tables'), '.json');
  const figures = readAll<Spec>(join(resultDir, 'figures'), '.vl.json');
  const ledger = readJson<Table>(join(resultDir, 'claims.json'));
  const config = readJson<Config>(join(resultDir, 'config.json'));
  const manifest = existsSync(join(resultDir, 'manifest.json'))
    ? readJson<{ version?: string; created?: string; git_commit?: string }>(join(resultDir, 'manifest.json'))
    : {};
  const panels = panelsFromTables(tables);
  const claims = ledger.rows as Record<string, Cell>[];
  return {
    version: manifest.version ?? basename(resultDir),
    created: manifest.created ?? null,
    gitCommit: manifest.git_commit ?? null,
    config,
    tables,
    figures,
    claims,
    statuses: [...STATUSES],
    claimLinks: claimLinks(claims, Object.keys(tables), Object.keys(figures)),
    reference: referenceFromTables(tables),
    panels,
    interventions: interventionsFromTables(tables),
    noise: noiseFromTables(tables, config),
    frontierLine: frontierLineFromTables(tables),
    example: exampleFamily(root, panels),
  };
}
