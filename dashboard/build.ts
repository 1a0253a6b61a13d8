import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FONT_DIR } from '../figures/render.ts';
import { bundleApp } from './bundle.ts';
import type { Payload } from './payload.ts';
import { readResult } from './read-result.ts';
import { takeScreenshots } from './screenshots.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The pinned fonts the site ships under fonts/, so no text depends on the viewer's system. */
export const FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf'];

export interface BuildOptions {
  /** Take one PNG per tab into dashboard/screenshots/ (needs Chromium). */
  screenshots?: boolean;
  log?: (line: string) => void;
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON inside a <script> element: "<" is escaped so no "</script>" in a string can end the element. */
const scriptJson = (p: Payload) => JSON.stringify(p).replace(/</g, '\\u003c');

function siteFiles(payload: Payload, js: string): Map<string, string | Buffer> {
  const missing = FONTS.filter((f) => !existsSync(join(FONT_DIR, f)));
  if (missing.length) throw new Error(`font file(s) not found in ${FONT_DIR}: ${missing.join(', ')}. Install Debian's fonts-dejavu-core or set CAPE_FONT_DIR.`);
  const template = readFileSync(join(HERE, 'index.html'), 'utf8');
  const html = template.replace('__VERSION__', () => escapeHtml(payload.version)).replace('__DATA__', () => scriptJson(payload));
  return new Map<string, string | Buffer>([
    ['index.html', html],
    ['app.js', js],
    ['style.css', readFileSync(join(HERE, 'style.css'), 'utf8')],
    ...FONTS.map((f): [string, Buffer] => [`fonts/${f}`, readFileSync(join(FONT_DIR, f))]),
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
  log(`bundled ${bundle.inputs.length} modules into app.js (${(bundle.js.length / 1024).toFixed(0)} KiB)`);
  const target = join(dir, 'dashboard');
  const tmp = join(dir, `.dashboard-tmp-${process.pid}`);
  const old = join(dir, `.dashboard-old-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const [rel, content] of siteFiles(payload, bundle.js)) {
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
