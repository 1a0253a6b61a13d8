/**
 * The dashboard's first visit over loopback: bytes transferred until the
 * Overview is drawn and the time to its first chart (median of several
 * loads, after one that lets the server compress each file once), against
 * issue 19's goals. Needs Chromium; prints nothing without it.
 */
import { launchChromium, BrowserMissing } from '../dashboard/browser.ts';
import { buildDashboard } from '../dashboard/build.ts';
import { FIRST_CHART_GOAL_MS, FIRST_RENDER_GOAL_BYTES, measureFirstRender, type FirstRender } from '../dashboard/first-render.ts';
import { serveDirectory } from '../dashboard/serve.ts';
import { reproduce } from '../pipeline/cli/reproduce.ts';
import { median } from '../pipeline/stats/describe.ts';
import { tempDir } from '../tests/helpers/fixtures.ts';
import type { BenchLine } from './run.ts';
import { ROOT, RUNS } from './timing.ts';

const verdict = (ok: boolean) => (ok ? 'pass' : 'miss');

export default async function bench(): Promise<BenchLine[]> {
  const browser = await launchChromium().catch((e: unknown) => {
    if (e instanceof BrowserMissing) return null;
    throw e;
  });
  if (!browser) {
    console.log('  (skipped: no Chromium for the dashboard bench)');
    return [];
  }
  const result = await reproduce({ root: ROOT, resultsDir: tempDir('cape-bench-'), resamples: 100, png: false, log: () => {} });
  await buildDashboard(result.path);
  const served = await serveDirectory(result.path);
  try {
    const url = `${served.url}dashboard/`;
    await measureFirstRender(browser, url);
    const runs: FirstRender[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measureFirstRender(browser, url));
    const bytes = Math.max(...runs.map((r) => r.bytes));
    const ms = median(runs.map((r) => r.firstChartMs));
    return [
      {
        name: `dashboard: Overview drawn, ${(bytes / 1024).toFixed(1)} kB in ${runs[0]!.responses.length} responses`,
        ms: median(runs.map((r) => r.readyMs)),
        goal: `≤ ${FIRST_RENDER_GOAL_BYTES / 1024} kB transferred: ${verdict(bytes <= FIRST_RENDER_GOAL_BYTES)}`,
      },
      { name: 'dashboard: time to first chart', ms, goal: `≤ ${FIRST_CHART_GOAL_MS} ms on loopback: ${verdict(ms <= FIRST_CHART_GOAL_MS)}` },
    ];
  } finally {
    await browser.close();
    await served.close();
  }
}
