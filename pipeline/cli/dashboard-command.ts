import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { minimist } from 'zx';
import { availableVersions, resolveVersion } from '../diff.ts';
import { ROOT, type Command } from './command.ts';
import { EXIT, UsageError } from './exit.ts';

const RESULTS = join(ROOT, 'results');
const DEFAULT_PORT = 8765;

/** The result folder of VERSION (default latest), or a usage error naming what exists. */
export function resultFolder(resultsDir: string, version: string | undefined): string {
  const name = version ?? 'latest';
  const dir = resolveVersion(resultsDir, name);
  const reference = join(resultsDir, 'reference');
  if (dir && existsSync(reference) && realpathSync(dir) === realpathSync(reference)) throw new UsageError('results/reference is the committed snapshot and takes no generated files; build from a version folder (run `make reproduce`, then `cape dashboard`)');
  if (dir) return dir;
  const versions = availableVersions(resultsDir).filter((v) => v !== 'reference');
  if (versions.length === 0) throw new UsageError('there is no result folder under results/ yet; run `make reproduce` first');
  throw new UsageError(`no result version "${name}" under results/; available: ${versions.join(', ')}`);
}

/** Loaded on use, so other commands do not pay for esbuild, playwright and resvg at start-up. */
async function build(dir: string, screenshots: boolean): Promise<string> {
  const [{ buildDashboard }, { ResultFolderError }, { BrowserMissing }] = await Promise.all([import('../../dashboard/build.ts'), import('../../dashboard/derive.ts'), import('../../dashboard/browser.ts')]);
  try {
    return await buildDashboard(dir, { screenshots, log: (l) => console.log(l) });
  } catch (e) {
    if (e instanceof ResultFolderError) throw new UsageError(`${relative(ROOT, dir) || dir}: ${e.message}`);
    if (e instanceof BrowserMissing) throw new UsageError(`${e.message}; or pass --no-screenshots`);
    throw e;
  }
}

export const dashboardCommand: Command = {
  summary: 'build the interactive dashboard of a result version into results/<version>/dashboard/',
  help: `cape dashboard [VERSION] [--no-screenshots]

Builds a static site from results/VERSION (default: latest) into
results/VERSION/dashboard/: index.html, app.js and chunks/ (vega and the
pipeline's diagnosis, ODE and h-field code bundled for the browser; each
tab's code loads when the tab opens), style.css, and data/ (each tab's
tables and its figures compiled from Vega-Lite to Vega). Nothing is fetched
from the network. A dashboard already there is replaced. Then takes one
screenshot per tab into dashboard/screenshots/ with Debian's
/usr/bin/chromium (set CAPE_CHROMIUM to use another).

Open it with \`cape serve [VERSION]\`; browsers do not run the page's
modules from a file on disk.`,
  async run(argv) {
    const a = minimist(argv, { boolean: ['screenshots'], default: { screenshots: true } });
    if (a._.length > 1) throw new UsageError(`expected at most one VERSION, got ${a._.join(' ')}`);
    const dir = resultFolder(RESULTS, a._[0] === undefined ? undefined : String(a._[0]));
    const out = await build(dir, a.screenshots as boolean);
    const shots = existsSync(join(out, 'screenshots')) ? readdirSync(join(out, 'screenshots')).sort() : [];
    if (shots.length) console.log(`screenshots: ${shots.map((s) => relative(ROOT, join(out, 'screenshots', s))).join(', ')}`);
    console.log(out);
    return EXIT.ok;
  },
};

export const serveCommand: Command = {
  summary: 'serve a result version and its dashboard on 127.0.0.1 and print the URL',
  help: `cape serve [VERSION] [--port N]

Serves results/VERSION (default: latest) on http://127.0.0.1:N/ (default
port ${DEFAULT_PORT}; --port 0 picks a free one) and prints the dashboard's URL.
Text is sent compressed (brotli or gzip, as the browser accepts).
Builds the dashboard first when the folder has none (without screenshots).
Only this machine can connect. Stop with Ctrl+C.`,
  async run(argv) {
    const a = minimist(argv, { string: ['port'] });
    if (a._.length > 1) throw new UsageError(`expected at most one VERSION, got ${a._.join(' ')}`);
    const port = a.port === undefined ? DEFAULT_PORT : Number(a.port);
    if (!(Number.isInteger(port) && port >= 0 && port < 65536)) throw new UsageError(`--port expects an integer from 0 to 65535, got ${a.port}`);
    const dir = resultFolder(RESULTS, a._[0] === undefined ? undefined : String(a._[0]));
    if (!existsSync(join(dir, 'dashboard', 'index.html'))) await build(dir, false);
    const { serveDirectory } = await import('../../dashboard/serve.ts');
    const served = await serveDirectory(dir, { port, home: '/dashboard/' }).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use; pass --port N (0 picks a free port)`);
      throw e;
    });
    console.log(`Serving result version ${basename(realpathSync(dir))} from ${relative(ROOT, realpathSync(dir)) || dir} (Ctrl+C to stop)`);
    console.log(`${served.url}dashboard/`);
    await new Promise<void>((done) => {
      const stop = () => void served.close().then(done);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return EXIT.ok;
  },
};
