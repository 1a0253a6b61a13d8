#!/usr/bin/env node
// Builds dist/: the `cape` command compiled by esbuild into ES modules, one
// chunk per command, figure and stage group, so that a command loads only
// what it uses and no TypeScript loader runs at start-up. The dashboard is
// not bundled (its build bundles its own sources for the browser). The hashes
// of the sources are embedded, so a result's version covers the code that ran.
// npm packages stay external (installed next to it), except the small pure-JavaScript ones made of
// many CommonJS files (@stdlib, seedrandom, ml-matrix): loading those file by
// file cost a diagnosis more than its arithmetic.
import { cpSync, existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** What the bundle is built from: a change to any of these makes dist/ stale. */
const SOURCE_DIRS = ['pipeline', 'figures', 'steer'];
const SOURCE_FILES = ['package-lock.json', 'scripts/build-dist.mjs'];
const BUNDLED_PACKAGES = /^(@stdlib\/|seedrandom(\/|$)|ml-matrix$|ml-array-|is-any-array$|debug$|ms$)/;

/** Files next to the bundle that worker threads (steer's matmul, the figure renderer) load by URL. */
const WORKER_FILES = [
  'steer/kernels/matmul-worker.mjs',
  'steer/kernels/matmul-kernels.mjs',
  'steer/kernels/simd.mjs',
  'figures/render-worker.mjs',
  'figures/render-core.mjs',
];
export const STAMP = 'dist/cape.mjs';

function newestSource(root) {
  let newest = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|mts|mjs|json)$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of SOURCE_DIRS) if (existsSync(join(root, d))) walk(join(root, d));
  for (const f of SOURCE_FILES) if (existsSync(join(root, f))) newest = Math.max(newest, statSync(join(root, f)).mtimeMs);
  return newest;
}

/** dist/ is missing, or (in a git checkout, where sources are edited) older than one of its sources. An installed package is never rebuilt. */
export function distIsStale(root = ROOT) {
  const stamp = join(root, STAMP);
  if (!existsSync(stamp)) return true;
  if (!existsSync(join(root, '.git'))) return false;
  return newestSource(root) > statSync(stamp).mtimeMs;
}

/** Builds into a scratch folder and swaps it in, so a reader never sees half a build. */
export async function buildDist(root = ROOT) {
  const [{ build }, { tsImport }] = await Promise.all([import('esbuild'), import('tsx/esm/api')]);
  const { codeInputs } = await tsImport(pathToFileURL(join(root, 'pipeline', 'version.ts')).href, import.meta.url);
  const { figureIds } = await tsImport(pathToFileURL(join(root, 'figures', 'registry.ts')).href, import.meta.url);
  const tmp = join(root, `.dist-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    await build({
      absWorkingDir: root,
      entryPoints: { cape: 'pipeline/cli/main.ts' },
      outdir: tmp,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      plugins: [
        {
          name: 'external-packages',
          setup: (b) => b.onResolve({ filter: /^[^./]/ }, (a) => (BUNDLED_PACKAGES.test(a.path) ? undefined : { path: a.path, external: true })),
        },
      ],
      keepNames: true,
      chunkNames: '[name]-[hash]',
      outExtension: { '.js': '.mjs' },
      define: { __CAPE_BUILD__: JSON.stringify({ codeInputs: codeInputs(root) }), __CAPE_FIGURES__: JSON.stringify(figureIds(join(root, 'figures'))) },
      // Bundled CommonJS modules require() the external packages they use (e.g. @stdlib's "debug").
      banner: { js: "import { createRequire as __capeRequire } from 'node:module'; const require = __capeRequire(import.meta.url);" },
      logLevel: 'silent', // errors are reported by buildErrorText, warnings would repeat on every build
    });
    for (const f of WORKER_FILES) cpSync(join(root, f), join(tmp, f.split('/').pop()));
    writeFileSync(join(tmp, 'README.md'), '# dist/\n\nBuilt by `scripts/build-dist.mjs` (`make dist`); not committed. `bin/cape.mjs` runs it.\n');
    const old = join(root, `.dist-old-${process.pid}`);
    if (existsSync(join(root, 'dist'))) renameSync(join(root, 'dist'), old);
    try {
      renameSync(tmp, join(root, 'dist'));
    } catch (e) {
      // Another process swapped in its own build first; that one is as fresh as this one.
      if (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST') throw e;
    }
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The compile errors of a failed build as `file:line:column: message` lines, or null when `e` is not one. */
export function buildErrorText(e) {
  if (!Array.isArray(e?.errors) || e.errors.length === 0) return null;
  const where = (m) => (m.location ? `${m.location.file}:${m.location.line}:${m.location.column + 1}: ` : '');
  return `cannot build dist/ from the sources:\n${e.errors.map((m) => `  ${where(m)}${m.text}`).join('\n')}`;
}

// `node scripts/build-dist.mjs [--if-stale]`: --if-stale (npm's prepack) keeps a fresh dist/ that running commands may be using.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale') && !distIsStale()) process.exit(0);
  await buildDist().catch((e) => {
    const text = buildErrorText(e);
    if (!text) throw e;
    console.error(text);
    process.exit(2);
  });
  console.error('built dist/');
}
