import type { TopLevelSpec } from 'vega-lite';
import type { FigureDef } from '../figures/figure.ts';
import { checkFonts, specToSvg, svgToPngAsync } from '../figures/render.ts';
import { TABLES_SCHEMA } from './io/format.ts';
import { roundDeep, tablesSchema, tableToCsv, tableToJson, tableToMarkdown } from './io/serialize.ts';
import { buildLedger, ledgerTable, type Ledger } from './claims.ts';
import type { FileMap } from './io/result-folder.ts';
import { ledgerFiles } from './ledger-files.ts';
import { buildReport } from './report.ts';
import { familySensitivity, headlineSensitivity } from './sensitivity.ts';
import { stageOutputs, type Results } from './run.ts';
import type { Table } from './types.ts';

export interface Emitted {
  files: FileMap;
  ledger: Ledger;
  tables: Table[];
  specs: Map<string, TopLevelSpec>;
}

export function allTables(results: Results): Table[] {
  const tables = stageOutputs(results).flatMap(([, out]) => out.tables);
  const seen = new Set<string>();
  for (const t of tables) {
    if (seen.has(t.id)) throw new Error(`two stages emit a table with id "${t.id}"`);
    seen.add(t.id);
  }
  return tables;
}

export function ledgerOf(results: Results): Ledger {
  return buildLedger(results.data.claims, stageOutputs(results).flatMap(([, out]) => out.claims));
}

/** Everything deterministic that goes into a result folder (manifest.json is added by the caller). */
export interface EmitOptions {
  png: boolean;
  version: string;
  /** Called as each figure is done (the slow part), for a progress line. */
  onProgress?: (done: number, total: number, item: string) => void;
}

export async function emit(results: Results, figures: FigureDef[], opts: EmitOptions): Promise<Emitted> {
  const digits = results.config.significantDigits;
  const files: FileMap = new Map();
  const tables = allTables(results);
  for (const t of tables) {
    files.set(`tables/${t.id}.csv`, tableToCsv(t, digits));
    files.set(`tables/${t.id}.md`, tableToMarkdown(t, digits));
    files.set(`tables/${t.id}.json`, tableToJson(t, digits));
  }
  if (opts.png) checkFonts();
  const specs = new Map<string, TopLevelSpec>();
  const pngs: [string, Promise<Buffer>][] = [];
  let done = 0;
  const finished = (id: string) => opts.onProgress?.(++done, figures.length, id);
  for (const fig of figures) {
    const spec = roundDeep(fig.build(results), digits);
    specs.set(fig.id, spec);
    files.set(`figures/${fig.id}.vl.json`, JSON.stringify(spec, null, 2) + '\n');
    const svg = await specToSvg(spec);
    files.set(`figures/${fig.id}.svg`, svg);
    if (opts.png) pngs.push([`figures/${fig.id}.png`, svgToPngAsync(svg).finally(() => finished(fig.id))]);
    else finished(fig.id);
  }
  for (const [path, png] of pngs) files.set(path, await png);
  const ledger = ledgerOf(results);
  const sensitivity = [headlineSensitivity(ledger), familySensitivity(results)];
  for (const t of sensitivity) {
    files.set(`tables/${t.id}.csv`, tableToCsv(t, digits));
    files.set(`tables/${t.id}.md`, tableToMarkdown(t, digits));
    files.set(`tables/${t.id}.json`, tableToJson(t, digits));
  }
  tables.push(...sensitivity);
  files.set(`tables/${TABLES_SCHEMA}`, tablesSchema(tables));
  const { csv, md } = ledgerFiles(ledger, digits, sensitivity);
  files.set('claims.csv', csv);
  files.set('claims.md', md);
  files.set('config.json', JSON.stringify(results.config, null, 2) + '\n');
  files.set('claims.json', tableToJson(ledgerTable(ledger), digits));
  files.set('REPORT.md', buildReport({ version: opts.version, ledger, tables, figures, imageExt: opts.png ? 'png' : 'svg', digits, outOfSample: results.outOfSample.sentences }));
  return { files, ledger, tables, specs };
}
