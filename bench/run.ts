/**
 * `make bench`: times the whole pipeline and each stage (median of several
 * runs, after one warm-up), plus any micro-benchmarks under bench/*.bench.ts.
 * Goals are printed next to the numbers; nothing here is asserted by tests.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadFigures } from '../figures/registry.ts';
import { withOverrides } from '../pipeline/cli/reproduce.ts';
import { config } from '../pipeline/config.ts';
import { emit } from '../pipeline/emit.ts';
import { runPipeline } from '../pipeline/run.ts';
import { median } from '../pipeline/stats/describe.ts';
import { ROOT, RUNS } from './timing.ts';

export interface BenchLine {
  name: string;
  ms: number;
  goal?: string;
  /** What `ms` holds when the line is not a time (e.g. 'MiB'; '' for a plain number). */
  unit?: string;
  /** For a goal stated as a ratio measured in the same run: whether it was met. */
  pass?: boolean;
}

export function printLines(title: string, lines: BenchLine[]): void {
  console.log(`\n${title}`);
  for (const l of lines) {
    const verdict = l.pass === undefined ? '' : l.pass ? '  pass' : '  MISS';
    console.log(`  ${l.name.padEnd(36)} ${l.ms.toFixed(l.unit === '' ? 2 : 1).padStart(9)} ${l.unit ?? 'ms'}${l.goal ? `   (goal: ${l.goal})` : ''}${verdict}`);
  }
}

async function pipelineBench(): Promise<void> {
  const cfg = withOverrides(config);
  const figures = await loadFigures();
  const perStage = new Map<string, number[]>();
  const totals: number[] = [];
  const emits: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    const { results, timings } = runPipeline({ dataDir: join(ROOT, 'data'), config: cfg });
    const t1 = performance.now();
    await emit(results, figures, { png: true, version: 'bench' });
    const t2 = performance.now();
    if (i === 0) continue; // warm-up: module loading and JIT
    for (const t of timings) perStage.set(t.stage, [...(perStage.get(t.stage) ?? []), t.ms]);
    totals.push(t2 - t0);
    emits.push(t2 - t1);
  }
  printLines(`pipeline, median of ${RUNS} runs (full resample counts)`, [
    ...[...perStage.entries()].map(([name, ms]) => ({ name: `stage ${name}`, ms: median(ms) })),
    { name: 'emit (tables, specs, SVG, PNG, ledger)', ms: median(emits) },
    { name: 'whole pipeline', ms: median(totals), goal: 'well under 5000 ms on 2 cores' },
  ]);
}

/** `make bench` runs everything; `npx tsx bench/run.ts cli eigen` runs only the benches whose file names contain a word given ("pipeline" for the pipeline's). */
const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.some((w) => name.includes(w));

async function microBenches(): Promise<void> {
  const dir = dirname(fileURLToPath(import.meta.url));
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.bench.ts') && wanted(n))
    .sort()) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { default?: () => Promise<BenchLine[]> | BenchLine[] };
    if (mod.default) printLines(f, await mod.default());
  }
}

if (wanted('pipeline')) await pipelineBench();
await microBenches();
