/**
 * Issue 17's start-up and emit goals, measured on the built command
 * (node bin/cape.mjs, which runs dist/) in child processes: CPU time of
 * `cape --help`, `cape --version`, an unchanged `cape reproduce` and
 * `cape diagnose FILE`, each as a ratio to `node -e 0` in the same run; and,
 * from the manifests of fresh `cape reproduce` runs (full resample counts,
 * PNG), emit time against the stages' time in the same run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDist, distIsStale } from '../scripts/build-dist.mjs';
import { median } from '../pipeline/stats/describe.ts';
import type { BenchLine } from './run.ts';
import { ROOT, RUNS } from './timing.ts';

const PRELOAD = pathToFileURL(join(ROOT, 'bench', 'cpu-report.mjs')).href;
const FRESH_RUNS = Math.max(1, Math.min(RUNS, 3));

/** CPU milliseconds of one `node ARGS` process, checked to exit with one of `codes`. */
function cpuMs(args: string[], codes: number[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'cape-bench-cpu-'));
  const file = join(dir, 'cpu');
  try {
    const r = spawnSync(process.execPath, ['--import', PRELOAD, ...args], { cwd: ROOT, env: { ...process.env, CAPE_BENCH_CPU: file }, encoding: 'utf8' });
    if (!codes.includes(r.status ?? -1)) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return Number(readFileSync(file, 'utf8')) / 1000;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function medianCpu(args: string[], codes = [0]): number {
  cpuMs(args, codes); // warm-up: file system cache
  return median(Array.from({ length: RUNS }, () => cpuMs(args, codes)));
}

export default async function bench(): Promise<BenchLine[]> {
  if (distIsStale()) await buildDist();
  const cape = join(ROOT, 'bin', 'cape.mjs');
  const out = mkdtempSync(join(tmpdir(), 'cape-bench-out-'));
  try {
    const node = medianCpu(['-e', '0']);
    const ratioLine = (name: string, args: string[], limit: number, codes = [0]): BenchLine => {
      const ms = medianCpu([cape, ...args], codes);
      return { name: `${name}: ${(ms / node).toFixed(1)}× node -e 0`, ms, goal: `≤ ${limit}× node -e 0 (CPU)`, pass: ms <= limit * node };
    };
    const reproduceArgs = ['reproduce', '--out', join(out, 'unchanged'), '--resamples', '50', '--no-png'];
    cpuMs([cape, ...reproduceArgs], [0]); // the version exists from here on
    const lines: BenchLine[] = [
      { name: 'node -e 0, CPU time', ms: node },
      ratioLine('cape --help', ['--help'], 3),
      ratioLine('cape --version', ['--version'], 3),
      ratioLine('cape reproduce, unchanged', reproduceArgs, 4),
      ratioLine('cape diagnose FILE', ['diagnose', join(ROOT, 'data', 'examples', 'qwen1.5.csv')], 5, [0, 1]),
    ];
    // Fresh runs: each into an empty results folder (every figure rendered), then one more with another seed
    // into the same folder, where the figures the seed does not move are taken from the first version.
    const manifestTimes = (args: string[]): { emit: number; stages: number } => {
      const r = spawnSync(process.execPath, [cape, 'reproduce', ...args, '--json'], { cwd: ROOT, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`cape reproduce exited ${r.status}: ${r.stderr}`);
      const { path } = JSON.parse(r.stdout) as { path: string };
      const t = (JSON.parse(readFileSync(join(path, 'manifest.json'), 'utf8')) as { timings_ms: Record<string, number> }).timings_ms;
      return { emit: t.emit!, stages: Object.entries(t).reduce((s, [k, v]) => (k === 'emit' || k === 'total' ? s : s + v), 0) };
    };
    const cold = Array.from({ length: FRESH_RUNS }, (_, i) => manifestTimes(['--out', join(out, `fresh-${i}`)]));
    const warm = manifestTimes(['--out', join(out, 'fresh-0'), '--seed', 'bench, another seed']);
    const coldEmit = median(cold.map((c) => c.emit));
    const coldStages = median(cold.map((c) => c.stages));
    lines.push(
      {
        name: `emit, fresh run: ${(coldEmit / coldStages).toFixed(2)}× stages (${coldStages.toFixed(0)} ms)`,
        ms: coldEmit,
        goal: '≤ 0.5× the stage time',
        pass: coldEmit <= 0.5 * coldStages,
      },
      { name: `  after a seed change: ${(warm.emit / warm.stages).toFixed(2)}× stages`, ms: warm.emit },
    );
    return lines;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
