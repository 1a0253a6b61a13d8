/** A dashboard built from a fresh small result folder and served on 127.0.0.1, shared by the browser test files. */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { buildDashboard } from '../../dashboard/build.ts';
import type { Payload } from '../../dashboard/payload.ts';
import { readResult } from '../../dashboard/read-result.ts';
import { serveDirectory, type Served } from '../../dashboard/serve.ts';
import { reproduce } from '../../pipeline/cli/reproduce.ts';
import { ROOT, tempDir } from '../helpers/fixtures.ts';

export interface Site {
  resultDir: string;
  payload: Payload;
  served: Served;
  /** The dashboard's URL. */
  url: string;
}

export async function buildSite(): Promise<Site> {
  const resultDir = (await reproduce({ root: ROOT, resultsDir: tempDir(), resamples: 100, png: false, log: () => {} })).path;
  await buildDashboard(resultDir);
  const served = await serveDirectory(resultDir, { home: '/dashboard/' });
  return { resultDir, payload: readResult(resultDir, ROOT), served, url: `${served.url}dashboard/` };
}

/** Console errors, page errors, failed or refused requests and requests leaving 127.0.0.1, collected for one page. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['data:', 'blob:'].includes(u.protocol) && u.hostname !== '127.0.0.1') problems.push(`request leaves 127.0.0.1: ${r.url()}`);
  });
  return problems;
}

/** axe-core from node_modules, evaluated into the page (no network, no change to the page's own scripts). */
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function openTab(page: Page, id: string): Promise<void> {
  await page.click(`#tab-${id}`);
  await page.waitForSelector(`#panel-${id}:not([data-ready="false"])`, { timeout: 60_000 });
  const ready = await page.getAttribute(`#panel-${id}`, 'data-ready');
  if (ready !== 'true') throw new Error(`tab ${id} did not draw: ${await page.textContent(`#panel-${id} .error`)}`);
}
