/**
 * `cape dashboard`: builds the static site of one result folder: index.html,
 * the bundled browser code (app.js and chunks/), style.css and the data files
 * each tab loads when it opens (site-data.ts).
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleApp } from './bundle.ts';
import type { Payload } from './payload.ts';
import { readResult } from './read-result.ts';
import { takeScreenshots } from './screenshots.ts';
import { siteData } from './site-data.ts';
import type { SiteMeta } from './tab-def.ts';

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
export const metaOf = (p: Payload): SiteMeta => ({ version: p.version, created: p.created, gitCommit: p.gitCommit, seed: p.config.seed });

async function siteFiles(payload: Payload, code: Map<string, string>): Promise<Map<string, string>> {
  const template = readFileSync(join(HERE, 'index.html'), 'utf8');
  const html = template.replace('__VERSION__', () => escapeHtml(payload.version)).replace('__META__', () => scriptJson(metaOf(payload)));
  return new Map<string, string>([['index.html', html], ['style.css', readFileSync(join(HERE, 'style.css'), 'utf8')], ...code, ...(await siteData(payload))]);
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
  log(`bundled ${bundle.inputs.length} modules into app.js (${kib(bundle.files.get('app.js')!.length)}) and ${bundle.files.size - 1} chunks (${kib([...bundle.files.values()].reduce((a, f) => a + f.length, 0))} in all)`);
  const files = await siteFiles(payload, bundle.files);
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
