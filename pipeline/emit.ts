import type { TopLevelSpec } from 'vega-lite';
import type { FigureDef } from '../figures/figure.ts';
import { checkFonts, inProcessRenderer, type Renderer } from '../figures/render.ts';
import { TABLES_SCHEMA } from './io/format.ts';
import { roundDeep, tablesSchema, tableToCsv, tableToJson, tableToMarkdown } from './io/serialize.ts';
import { buildLedger, ledgerTable, type Ledger } from './claims.ts';
import type { FigureReuse } from './figure-reuse.ts';
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
  /** How many figures were taken from an earlier version instead of rendered. */
  reused: number;
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
  return buildLedger(
    results.data.claims,
    stageOutputs(results).flatMap(([, out]) => out.claims),
  );
}

/** Everything deterministic that goes into a result folder (manifest.json is added by the caller). */
export interface EmitOptions {
  png: boolean;
  version: string;
  /** Called as each figure is done (the slow part), for a progress line. */
  onProgress?: (done: number, total: number, item: string) => void;
  /** Where figures are rendered (default: in this thread); the caller closes it. */
  renderer?: Renderer;
  /** Figures an earlier version rendered from the same spec with the same renderer, taken instead of rendering. */
  reuse?: FigureReuse;
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
  // Figures are rendered while the tables, ledger and report below are built; their files are added in figure order.
  const renderer = opts.renderer ?? inProcessRenderer();
  const specs = new Map<string, TopLevelSpec>();
  let done = 0;
  let reused = 0;
  const rendering = figures.map((fig) => {
    const spec = roundDeep(fig.build(results), digits);
    const specText = JSON.stringify(spec, null, 2) + '\n';
    specs.set(fig.id, spec);
    files.set(`figures/${fig.id}.vl.json`, specText);
    const earlier = opts.reuse?.(fig.id, specText, opts.png);
    if (earlier) reused++;
    return (earlier ? Promise.resolve(earlier) : renderer.render(spec, opts.png)).then((r) => {
      opts.onProgress?.(++done, figures.length, fig.id);
      return r;
    });
  });
  const allRendered = Promise.all(rendering);
  allRendered.catch(() => {}); // awaited below; an error thrown before then must not also surface as an unhandled rejection
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
  files.set(
    'REPORT.md',
    buildReport({ version: opts.version, ledger, tables, figures, imageExt: opts.png ? 'png' : 'svg', digits, outOfSample: results.outOfSample.sentences }),
  );
  const rendered = await allRendered;
  figures.forEach((fig, i) => {
    files.set(`figures/${fig.id}.svg`, rendered[i]!.svg);
    if (rendered[i]!.png) files.set(`figures/${fig.id}.png`, rendered[i]!.png!);
  });
  return { files, ledger, tables, specs, reused };
}
