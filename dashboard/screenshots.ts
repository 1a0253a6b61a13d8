/** One full-page PNG per tab of a built dashboard, so it can be reviewed without a browser. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { serveDirectory } from './serve.ts';

/** A laptop screen; each shot is full-page, so long tabs are captured whole. */
const VIEWPORT = { width: 1366, height: 860 };

/**
 * One PNG per tab of the site in `siteDir`, written to `outDir` as
 * NN-<tab>.png, taken once the tab marks itself ready (its charts drawn).
 */
export async function takeScreenshots(siteDir: string, outDir: string, browser?: Browser): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const served = await serveDirectory(siteDir);
  const own = browser ?? (await launchChromium());
  try {
    const page = await own.newPage({ viewport: VIEWPORT });
    await page.goto(`${served.url}index.html`);
    const tabs = await page.locator('[role=tab]').evaluateAll((els) => els.map((e) => e.id.replace(/^tab-/, '')));
    const files: string[] = [];
    for (const [i, id] of tabs.entries()) {
      await page.click(`#tab-${id}`);
      await page.waitForSelector(`#panel-${id}[data-ready="true"]`, { timeout: 60_000 });
      const file = join(outDir, `${String(i + 1).padStart(2, '0')}-${id}.png`);
      await page.screenshot({ path: file, fullPage: true });
      files.push(file);
    }
    await page.close();
    return files;
  } finally {
    if (!browser) await own.close();
    await served.close();
  }
}
