/**
 * `cape reproduce` as a function: decides the version, returns at once when
 * that version exists, and otherwise loads the pipeline, the figures and the
 * renderer, runs them and writes the result folder atomically.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { config as defaults, type Config } from '../config.ts';
import { sha256 } from '../io/hash.ts';
import { addMissingFiles, pointLatest, writeResultFolder } from '../io/result-folder.ts';
import type { Renderer } from '../../figures/render.ts';
import { computeVersion, type VersionInfo } from '../version.ts';

export interface ReproduceOptions {
  root: string;
  dataDir?: string;
  resultsDir?: string;
  /** The config before --seed and --resamples (default pipeline/config.ts; `--config FILE` changes it). */
  config?: Config;
  seed?: string;
  resamples?: number;
  png?: boolean;
  /** Lines for the log (stderr by default). */
  log?: (line: string) => void;
  /** The live progress line (a terminal shows only the newest); none by default. */
  progress?: (line: string) => void;
}

/** Applies --seed and --resamples; a resample override sets every bootstrap and null-model count. */
export function withOverrides(base: Config, seed?: string, resamples?: number): Config {
  const c: Config = structuredClone(base);
  if (seed !== undefined) c.seed = seed;
  if (resamples !== undefined) {
    c.criticalScale.pooledAsCodedResamples = resamples;
    c.criticalScale.pooledAsDescribedResamples = resamples;
    c.criticalScale.perFamilyResamples = resamples;
    c.width.nullResamples = resamples;
    c.eigen.bootstrapResamples = resamples;
    c.noise.draws = resamples;
    c.outOfSample.noiseDraws = resamples;
  }
  return c;
}

const TRACKED_PACKAGES = ['vega', 'vega-lite', 'seedrandom', 'ml-matrix', '@resvg/resvg-js', 'esbuild', 'tsx'];

function packageVersions(root: string): Record<string, string> {
  return Object.fromEntries(
    TRACKED_PACKAGES.map((p) => {
      const file = join(root, 'node_modules', p, 'package.json');
      return [p, existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'missing'];
    }),
  );
}

async function gitCommit(root: string): Promise<string> {
  if (!existsSync(join(root, '.git'))) return 'unknown (not a git checkout)';
  const { execFile } = await import('node:child_process');
  const git = (...args: string[]) =>
    new Promise<string | null>((done) => execFile('git', args, { cwd: root }, (err, stdout) => done(err ? null : stdout.trim())));
  const [head, dirty] = await Promise.all([git('rev-parse', 'HEAD'), git('status', '--porcelain')]);
  if (head === null) return 'unknown (not a git checkout)';
  return head + (dirty ? ' (with uncommitted changes)' : '');
}

export type ClaimsSummary = Record<'A' | 'B', Record<string, number>>;

export interface ReproduceResult {
  version: string;
  path: string;
  created: boolean;
  /** Ledger status counts per paper, from this run or from the existing version's manifest. */
  claims: ClaimsSummary | null;
}

function storedSummary(path: string): ClaimsSummary | null {
  try {
    return (JSON.parse(readFileSync(join(path, 'manifest.json'), 'utf8')) as { claims_summary?: ClaimsSummary }).claims_summary ?? null;
  } catch {
    return null;
  }
}

/**
 * A version first written with --no-png has its SVGs but no PNGs; a later run
 * that wants PNGs rasterises those SVGs (the PNG is a function of the SVG
 * alone) and adds them, so the version ends up as a full run would leave it.
 */
async function fillMissingPngs(resultsDir: string, version: string): Promise<string[]> {
  const dir = join(resultsDir, version, 'figures');
  if (!existsSync(dir)) return [];
  const wanted = readdirSync(dir).filter((f) => f.endsWith('.svg') && !existsSync(join(dir, f.replace(/\.svg$/, '.png'))));
  if (wanted.length === 0) return [];
  const { checkFonts, PNG_OPTIONS } = await import('../../figures/render.ts');
  const { svgToPng } = await import('../../figures/render-core.mjs');
  checkFonts();
  const files = new Map<string, Buffer>();
  for (const f of wanted) files.set(`figures/${f.replace(/\.svg$/, '.png')}`, await svgToPng(readFileSync(join(dir, f), 'utf8'), PNG_OPTIONS));
  return addMissingFiles(resultsDir, version, files);
}

export async function reproduce(opts: ReproduceOptions): Promise<ReproduceResult> {
  const log = opts.log ?? ((l: string) => console.error(l));
  const progress = opts.progress ?? (() => {});
  const resultsDir = opts.resultsDir ?? join(opts.root, 'results');
  const dataDir = opts.dataDir ?? join(opts.root, 'data');
  const config = withOverrides(opts.config ?? defaults, opts.seed, opts.resamples);
  const { version, inputs, configHash } = computeVersion(opts.root, dataDir, config);
  const path = join(resultsDir, version);
  if (existsSync(path)) {
    pointLatest(resultsDir, version);
    const filled = (opts.png ?? true) ? await fillMissingPngs(resultsDir, version) : [];
    log(
      filled.length > 0
        ? `Inputs, config and code are unchanged: ${path} holds this result; added the ${filled.length} PNG(s) a --no-png run left out.`
        : `Inputs, config and code are unchanged: ${path} already holds this result; nothing to do.`,
    );
    return { version, path, created: false, claims: storedSummary(path) };
  }
  // Only a run that computes pays for the pipeline, vega, the figures and the renderer.
  const { checkFonts, workerRenderer } = await import('../../figures/render.ts');
  const png = opts.png ?? true;
  if (png) checkFonts(); // before minutes of work, not after
  // Render threads start now, so loading vega and resvg overlaps the stages.
  const renderer = workerRenderer();
  try {
    return await computeAndWrite({ ...opts, png, log, progress, renderer, dataDir, resultsDir, config, version, inputs, configHash });
  } finally {
    await renderer.close();
  }
}

interface Run {
  root: string;
  dataDir: string;
  resultsDir: string;
  config: Config;
  version: string;
  inputs: VersionInfo['inputs'];
  configHash: string;
  png: boolean;
  renderer: Renderer;
  log: (line: string) => void;
  progress: (line: string) => void;
}

async function computeAndWrite(r: Run): Promise<ReproduceResult> {
  const [{ runPipeline }, { loadFigures }, { emit }, { earlierFigures, rendererIdentity }, { FONT_FILES }] = await Promise.all([
    import('../run.ts'),
    import('../../figures/registry.ts'),
    import('../emit.ts'),
    import('../figure-reuse.ts'),
    import('../../figures/render.ts'),
  ]);
  const renderer = rendererIdentity(r.inputs, FONT_FILES);
  const earlier = earlierFigures(r.resultsDir, renderer);
  const t0 = performance.now();
  const { results, timings } = runPipeline({
    dataDir: r.dataDir,
    config: r.config,
    onStage: (name, i, n, ms) => r.log(`[${i}/${n}] ${name.padEnd(15)} ${ms.toFixed(0).padStart(6)} ms`),
  });
  for (const w of results.data.warnings) r.log(`warning: ${w}`);
  const figures = await loadFigures();
  const tEmit = performance.now();
  const out = await emit(results, figures, {
    png: r.png,
    version: r.version,
    renderer: r.renderer,
    reuse: earlier?.reuse,
    onProgress: (done, total, item) => r.progress(`[emit] figure ${done}/${total} ${item}`),
  });
  const emitMs = performance.now() - tEmit;
  const reused = out.reused > 0 ? ` (${out.reused} unchanged figure(s) taken from ${earlier!.from})` : '';
  r.log(`[emit] ${out.tables.length} tables, ${figures.length} figures${reused}, ${out.ledger.rows.length} ledger rows ${emitMs.toFixed(0).padStart(6)} ms`);
  for (const paper of ['A', 'B'] as const) {
    const counts = Object.entries(out.ledger.summary[paper]).filter(([, n]) => n > 0);
    r.log(`ledger, Paper ${paper}: ${counts.map(([s, n]) => `${n} ${s}`).join(', ')}`);
  }
  const manifest = {
    version: r.version,
    created: new Date().toISOString(),
    git_commit: await gitCommit(r.root),
    seed: r.config.seed,
    config_sha256: r.configHash,
    /** Identity of the figure renderer (its code, the lockfile, the fonts): figures are reused only between equal ones. */
    renderer,
    node: process.version,
    packages: packageVersions(r.root),
    inputs: r.inputs,
    outputs: [...out.files.entries()].map(([p, c]) => ({ path: p, sha256: sha256(c) })).sort((a, b) => (a.path < b.path ? -1 : 1)),
    timings_ms: Object.fromEntries([
      ...timings.map((t) => [t.stage, Math.round(t.ms)]),
      ['emit', Math.round(emitMs)],
      ['total', Math.round(performance.now() - t0)],
    ]),
    claims_summary: out.ledger.summary,
  };
  out.files.set('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
  const path = join(r.resultsDir, r.version);
  const created = writeResultFolder(r.resultsDir, r.version, out.files);
  if (!created) r.log(`${path} appeared while this run was working; it was left untouched.`);
  return { version: r.version, path, created, claims: out.ledger.summary };
}
