/**
 * What a first visit costs: the bytes the browser received until the
 * Overview is drawn (headers and bodies as sent, so compressed) and the time
 * from navigation to the first chart on screen. The browser tests report it
 * and `make bench` prints it against the goals.
 */
import type { Browser } from 'playwright-core';

/** The goals of issue 19: a first render within 300 kB transferred and a first chart within 0.5 s on loopback. */
export const FIRST_RENDER_GOAL_BYTES = 300 * 1024;
export const FIRST_CHART_GOAL_MS = 500;

export interface FirstRender {
  /** Every response until the Overview was drawn, with the bytes it took on the wire. */
  responses: { url: string; bytes: number; encoding: string }[];
  bytes: number;
  /** From navigation start to the first chart drawn (performance mark "cape:first-chart"). */
  firstChartMs: number;
  /** From navigation start to the Overview marked ready (its charts and tables all drawn). */
  readyMs: number;
}

export async function measureFirstRender(browser: Browser, url: string, viewport = { width: 1280, height: 800 }): Promise<FirstRender> {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    const pending: Promise<{ url: string; bytes: number; encoding: string }>[] = [];
    page.on('requestfinished', (req) =>
      pending.push(
        Promise.all([req.sizes(), req.response()]).then(([s, res]) => ({
          url: req.url(),
          bytes: s.responseHeadersSize + s.responseBodySize,
          encoding: res?.headers()['content-encoding'] ?? '',
        })),
      ),
    );
    await page.goto(url);
    await page.waitForSelector('#panel-overview[data-ready="true"]', { timeout: 60_000 });
    const readyMs = await page.evaluate(() => performance.now());
    const firstChartMs = await page.evaluate(() => performance.getEntriesByName('cape:first-chart')[0]?.startTime ?? Number.NaN);
    const responses = await Promise.all(pending);
    return { responses, bytes: responses.reduce((a, r) => a + r.bytes, 0), firstChartMs, readyMs };
  } finally {
    await context.close();
  }
}
