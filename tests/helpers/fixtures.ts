import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
    quirk: '',
    auditedFamily: '',
    source: 'test fixture',
    origin: 'paper',
    file: 'fixture',
    line: 0,
    ...extra,
  };
}
