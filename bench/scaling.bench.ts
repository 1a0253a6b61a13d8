/**
 * Cost against the number of families (issue 21). Synthetic families, seeded
 * jittered copies of data/examples/qwen1.5.csv, bring a scratch copy of data/
 * to 1×, 10× and 100× the paper's 16 families; each size runs the stages in a
 * child process of its own (CPU per stage, emit, peak RSS), and `cape diagnose
 * FILE` runs end to end from a scratch copy of the code whose data/ is that
 * folder. CPU (user + system), not wall time: the machine is shared.
 * Goals: stage CPU at 100× ≤ 30× that at 1×, peak RSS at 100× ≤ 1.5 GiB,
 * diagnose at 100× ≤ 1.2× its time at 1×.
 */
import { cpSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { median } from '../pipeline/stats/describe.ts';
import type { BenchLine } from './run.ts';
import type { ScalingRun } from './scaling-run.ts';
import { syntheticDataDir } from './synthetic-families.ts';
import { ROOT } from './timing.ts';

const PAPER_FAMILIES = 16;
const SIZES = [1, 10, 100];
const GOAL = { stageCpuRatio: 30, peakRssMiB: 1536, diagnoseRatio: 1.2 };
/** Children per size for the stage CPU (median); 100× runs once, it is the costly one. */
const REPEATS = (k: number) => (k >= 100 ? 1 : 3);
const DIAGNOSE_RUNS = 5;

const verdict = (ok: boolean) => (ok ? 'pass' : 'miss');
const x = (v: number) => `${v.toFixed(2)}×`;

function run(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  return r.stdout + r.stderr;
}

function stageRun(dataDir: string, withEmit: boolean): ScalingRun {
  const out = run(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'bench', 'scaling-run.ts'), dataDir, withEmit ? 'emit' : ''], ROOT);
  return JSON.parse(out.trim().split('\n').at(-1)!) as ScalingRun;
}

/** A runnable copy of the code next to `dataDir` (the CLI reads the data/ beside its own sources). */
function codeBeside(dataDir: string): string {
  const root = dirname(dataDir);
  for (const d of ['bin', 'scripts', 'pipeline', 'figures', 'dashboard', 'steer', 'package.json', 'package-lock.json'])
    cpSync(join(ROOT, d), join(root, d), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

/** CPU seconds (user + system) of one `cape diagnose FILE`, process start included, through bash's `time`. */
function diagnoseCpuMs(root: string): number {
  const script = 'TIMEFORMAT="%3U %3S"; { time node bin/cape.mjs diagnose data/examples/qwen1.5.csv > /dev/null 2>&1; } 2>&1';
  const [user, sys] = run('bash', ['-c', script], root).trim().split('\n').at(-1)!.split(' ').map(Number);
  return 1000 * (user! + sys!);
}

const total = (r: ScalingRun) => Object.values(r.stages).reduce((a, b) => a + b, 0);

/** Least-squares slope of log(cost) on log(families): cost ∝ F^b. */
function growthExponent(families: number[], cost: number[]): number {
  const lx = families.map(Math.log);
  const ly = cost.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  const sxy = lx.reduce((s, v, i) => s + (v - mx) * (ly[i]! - my), 0);
  const sxx = lx.reduce((s, v) => s + (v - mx) ** 2, 0);
  return sxy / sxx;
}

export default function bench(): BenchLine[] {
  const scratch: string[] = [];
  try {
    const sizes = SIZES.map((k) => {
      const dataDir = syntheticDataDir(ROOT, PAPER_FAMILIES * (k - 1), 'scaling-bench');
      scratch.push(dirname(dataDir));
      return { k, families: PAPER_FAMILIES * k, dataDir, root: codeBeside(dataDir), runs: [] as ScalingRun[], diagnose: [] as number[] };
    });
    // Sizes take turns, so that a change in the machine's load falls on all of them.
    // The first child of each size also emits; the stage CPU is the median over its children.
    for (let rep = 0; rep < Math.max(...SIZES.map(REPEATS)); rep++) {
      for (const s of sizes) if (rep < REPEATS(s.k)) s.runs.push(stageRun(s.dataDir, rep === 0));
    }
    for (const s of sizes) diagnoseCpuMs(s.root); // warm-up: builds that copy's dist/
    for (let rep = 0; rep < DIAGNOSE_RUNS; rep++) for (const s of sizes) s.diagnose.push(diagnoseCpuMs(s.root));

    const cpu = (s: (typeof sizes)[number]) => median(s.runs.map(total));
    const [one, hundred] = [sizes[0]!, sizes.at(-1)!];
    const [first, last] = [one.runs[0]!, hundred.runs[0]!];
    const stageRatio = cpu(hundred) / cpu(one);
    const b = growthExponent(
      sizes.map((s) => s.families),
      sizes.map(cpu),
    );
    const diagnoseRatio = median(hundred.diagnose) / median(one.diagnose);
    const emitRatio = last.emitMs! / first.emitMs!;
    return [
      ...sizes.map((s) => ({
        name: `stage CPU, ${s.k}× (${s.families} families)`,
        ms: cpu(s),
        goal:
          s === one
            ? undefined
            : `${x(cpu(s) / cpu(one))} of 1×${s === hundred ? `; ≤ ${GOAL.stageCpuRatio}×: ${verdict(stageRatio <= GOAL.stageCpuRatio)}` : ''}`,
      })),
      { name: 'growth exponent b, stage CPU ∝ F^b', ms: b, unit: '', goal: `fitted over 1×, 10×, 100×; ≤ 1 (at most linear): ${verdict(b <= 1)}` },
      ...Object.entries(last.stages).map(([stage, ms]) => ({ name: `  ${stage} at 100× (${x(ms / first.stages[stage]!)} of 1×)`, ms })),
      {
        name: 'peak RSS at 100×, stages',
        ms: last.stagesRssMiB,
        unit: 'MiB',
        goal: `≤ ${GOAL.peakRssMiB} MiB: ${verdict(last.stagesRssMiB <= GOAL.peakRssMiB)}`,
      },
      { name: 'peak RSS at 100×, stages and emit', ms: last.peakRssMiB, unit: 'MiB' },
      ...sizes.map((s) => ({
        name: `emit (no PNG) CPU, ${s.k}×`,
        ms: s.runs[0]!.emitMs!,
        goal: s === hundred ? `${x(emitRatio)} of 1×; ≤ 100× (linear): ${verdict(emitRatio <= 100)}` : undefined,
      })),
      ...sizes.map((s) => ({
        name: `cape diagnose FILE CPU, ${s.k}×`,
        ms: median(s.diagnose),
        goal: s === hundred ? `${x(diagnoseRatio)} of 1×; ≤ ${GOAL.diagnoseRatio}×: ${verdict(diagnoseRatio <= GOAL.diagnoseRatio)}` : undefined,
      })),
    ];
  } finally {
    for (const d of scratch) rmSync(d, { recursive: true, force: true });
  }
}
