import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from '../pipeline/stats/describe.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** Median wall time of `runs` calls, after one warm-up call for module loading and the JIT. */
export function timeMedian(f: () => unknown, runs = RUNS): number {
  f();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}
