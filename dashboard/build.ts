/**
 * `cape dashboard`: builds the static site of one result folder: index.html,
 * the bundled browser code (app.js and chunks/), style.css and the data files
 * each tab loads when it opens (site-data.ts).
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleApp, type Bundle } from './bundle.ts';
import type { Payload } from './payload.ts';
import { readResult } from './read-result.ts';
import { takeScreenshots } from './screenshots.ts';
import { siteData } from './site-data.ts';
import type { SiteMeta } from './tab-def.ts';
import { TABS } from './tabs/registry.ts';
import { DATA_FILES } from './ui/load.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

export interface BuildOptions {
  /** Take one PNG per tab into dashboard/screenshots/ (needs Chromium). */
  screenshots?: boolean;
  log?: (line: string) => void;
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON inside a <script> element: "<" is escaped so no "</script>" in a string can end the element. */
const scriptJson = (x: unknown) => JSON.stringify(x).replace(/</g, '\\u003c');

/** The run's facts for the header: all index.html embeds, so the first request stays small. */
const metaOf = (p: Payload): SiteMeta => ({ version: p.version, created: p.created, gitCommit: p.gitCommit, seed: p.config.seed });

/**
 * The first tab's code and data are requested with the page, in parallel,
 * rather than each after the module that asks for it: the first chart comes
 * one round trip after the HTML instead of three.
 */
function preloads(bundle: Bundle): string {
  const first = TABS[0]!;
  const code = [...bundle.filesFor('dashboard/app.ts'), ...bundle.filesFor(`dashboard/tabs/${first.id}.ts`)];
  return [...new Set(code)]
    .map((f) => `<link rel="modulepreload" href="${f}">`)
    .concat(`<link rel="preload" href="${DATA_FILES.tab(first.id)}" as="fetch" crossorigin>`)
    .join('\n');
}

async function siteFiles(payload: Payload, bundle: Bundle): Promise<Map<string, string>> {
  const template = readFileSync(join(HERE, 'index.html'), 'utf8');
  const html = template
    .replace('__VERSION__', () => escapeHtml(payload.version))
    .replace('__META__', () => scriptJson(metaOf(payload)))
    .replace('__PRELOAD__', () => preloads(bundle));
  return new Map<string, string>([
    ['index.html', html],
    ['style.css', readFileSync(join(HERE, 'style.css'), 'utf8')],
    ...bundle.files,
    ...(await siteData(payload)),
  ]);
}

/**
 * Builds the static dashboard of one result folder into <resultDir>/dashboard/
 * and returns that path. The site is written to a temporary folder (and
 * screenshotted there) and renamed into place, replacing an older dashboard of
 * the same version: it is derived from the folder, so rebuilding loses nothing.
 */
export async function buildDashboard(resultDir: string, opts: BuildOptions = {}): Promise<string> {
  const log = opts.log ?? (() => {});
  const dir = realpathSync(resultDir);
  const payload = readResult(dir, join(HERE, '..'));
  const bundle = await bundleApp();
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  log(
    `bundled ${bundle.inputs.length} modules into app.js (${kib(bundle.files.get('app.js')!.length)}) and ${bundle.files.size - 1} chunks (${kib([...bundle.files.values()].reduce((a, f) => a + f.length, 0))} in all)`,
  );
  const files = await siteFiles(payload, bundle);
  const target = join(dir, 'dashboard');
  const tmp = join(dir, `.dashboard-tmp-${process.pid}`);
  const old = join(dir, `.dashboard-old-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const [rel, content] of files) {
      mkdirSync(dirname(join(tmp, rel)), { recursive: true });
      writeFileSync(join(tmp, rel), content);
    }
    if (opts.screenshots) {
      const shots = await takeScreenshots(tmp, join(tmp, 'screenshots'));
      log(`took ${shots.length} screenshots`);
    }
    if (existsSync(target)) renameSync(target, old);
    renameSync(tmp, target);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
  return target;
}
