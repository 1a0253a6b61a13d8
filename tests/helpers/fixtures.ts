import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../pipeline/config.ts';
import { runCoupling } from '../../pipeline/coupling.ts';
import { ingest, readBenchmarks } from '../../pipeline/ingest.ts';
import { config as defaultConfig } from '../../pipeline/config.ts';
import { makeNoiseModel, type NoiseModel } from '../../pipeline/noise/noise-model.ts';
import { runPanels } from '../../pipeline/panel-summary.ts';
import type { Rng } from '../../pipeline/stats/rng.ts';
import type { CouplingContext } from '../../pipeline/stage-context.ts';
import { InputErrors, type InputError } from '../../pipeline/io/validate.ts';
import type { Model } from '../../pipeline/types.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function tempDir(prefix = 'cape-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A scratch copy of data/ that a test may corrupt. */
export function copyData(): string {
  const dir = join(tempDir(), 'data');
  cpSync(join(ROOT, 'data'), dir, { recursive: true });
  return dir;
}

export function editFile(path: string, edit: (text: string) => string): void {
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
}

/** A synthetic model; scores default to a plausible mid-range point. */
export function model(name: string, family: string, paramsB: number, hs: number | null, tqa: number | null, extra: Partial<Model> = {}): Model {
  return {
    model: name,
    family,
    hfId: '',
    paramsB,
    dModel: null,
    nLayers: null,
    scores: { hellaswag: hs, truthfulqa_mc2: tqa, arc: 30, winogrande: 55, mmlu: 26 },
    gsm8k: null,
    stderr: { hellaswag: null, truthfulqa_mc2: null, arc: null, winogrande: null, mmlu: null, gsm8k: null },
    quirk: '',
    auditedFamily: '',
    source: 'test fixture',
    origin: 'paper',
    file: 'fixture',
    line: 0,
    ...extra,
  };
}

/** Replaces one cell of a data CSV, addressed by the first cell of its row and the column name. */
export function setCell(dataDir: string, file: string, key: string, column: string, value: string): void {
  editFile(join(dataDir, file), (text) => {
    const lines = text.split('\n');
    const col = lines[0]!.split(',').indexOf(column);
    const i = lines.findIndex((l) => l.startsWith(key + ','));
    if (col < 0 || i < 0) throw new Error(`fixture: no ${key}/${column} in ${file}`);
    const cells = lines[i]!.split(',');
    cells[col] = value;
    lines[i] = cells.join(',');
    return lines.join('\n');
  });
}

/** Every input error ingest reports for a data folder, as "file:line: column: message"; [] when it loads. */
export function ingestErrors(dataDir: string): string[] {
  try {
    ingest(dataDir);
  } catch (e) {
    if (e instanceof InputErrors) return e.errors.map((x) => `${x.file}:${x.line}: ${x.column}: ${x.message}`);
    throw e;
  }
  return [];
}

/** The project's noise model (data/benchmarks.csv item counts, config sign rule). */
export function noiseModel(config: Config = defaultConfig): NoiseModel {
  const errors: InputError[] = [];
  const benchmarks = readBenchmarks(join(ROOT, 'data'), errors);
  if (errors.length > 0) throw new InputErrors(errors);
  return makeNoiseModel(benchmarks, config.noise);
}

/** The released data run through ingest, panels and coupling: the context the later stages receive. */
export function releasedContext(config: Config, rng: Rng): CouplingContext {
  const data = ingest(join(ROOT, 'data'));
  const panels = runPanels(data);
  const noise = makeNoiseModel(data.benchmarks, config.noise);
  const coupling = runCoupling(panels.published, panels.audited, config, rng.fork('coupling'), noise);
  return { data, config, rng, noise, panels, coupling };
}
