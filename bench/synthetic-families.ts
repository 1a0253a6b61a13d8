/**
 * Synthetic contributed families for the scaling bench: seeded, jittered copies
 * of data/examples/qwen1.5.csv written into a scratch copy of data/, never into
 * the repository's own data/.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../pipeline/io/csv.ts';
import { createRng, type Rng } from '../pipeline/stats/rng.ts';

const SCORES = ['hellaswag', 'truthfulqa_mc2', 'arc', 'winogrande', 'mmlu', 'gsm8k'];

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** One family: every score moved by up to ±2 points, every size by one common factor within ±25%. */
function jitteredFamily(header: string[], rows: string[][], name: string, rng: Rng): string {
  const col = (c: string) => header.indexOf(c);
  const sizeFactor = Math.exp((rng.next() - 0.5) * 0.5);
  const lines = rows.map((r) => {
    const out = r.slice();
    const size = Number(r[col('params_b')]) * sizeFactor;
    out[col('model')] = `${name}-${size.toPrecision(3)}B`;
    out[col('family')] = name;
    out[col('hf_id')] = `synthetic/${out[col('model')]}`;
    out[col('params_b')] = size.toPrecision(6);
    for (const s of SCORES) out[col(s)] = Math.min(99, Math.max(1, Number(r[col(s)]) + (rng.next() - 0.5) * 4)).toFixed(2);
    out[col('source')] = `synthetic jittered copy of data/examples/qwen1.5.csv (scaling bench)`;
    return out.map(quote).join(',');
  });
  return [header.join(','), ...lines].join('\n') + '\n';
}

/** A scratch data folder holding data/ plus `count` synthetic families in families/; returns its path. */
export function syntheticDataDir(root: string, count: number, seed: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'cape-scaling-')), 'data');
  cpSync(join(root, 'data'), dir, { recursive: true });
  const doc = parseCsv(readFileSync(join(root, 'data', 'examples', 'qwen1.5.csv'), 'utf8'), 'data/examples/qwen1.5.csv');
  const header = doc.header;
  const rows = doc.records.map((r) => r.cells);
  mkdirSync(join(dir, 'families'), { recursive: true });
  const rng = createRng(seed);
  for (let i = 0; i < count; i++) {
    const name = `Synthetic${String(i + 1).padStart(4, '0')}`;
    writeFileSync(join(dir, 'families', `${name.toLowerCase()}.csv`), jitteredFamily(header, rows, name, rng.fork(name)));
  }
  return dir;
}
