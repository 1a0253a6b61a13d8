import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../dashboard/browser.ts';
import { FIRST_CHART_GOAL_MS, FIRST_RENDER_GOAL_BYTES, measureFirstRender } from '../../dashboard/first-render.ts';
import type { Payload } from '../../dashboard/payload.ts';
import { takeScreenshots } from '../../dashboard/screenshots.ts';
import type { Served } from '../../dashboard/serve.ts';
import { PASTE_LABEL } from '../../dashboard/tabs/diagnose.ts';
import { TABS as REGISTERED } from '../../dashboard/tabs/registry.ts';
import { fmt } from '../../dashboard/ui/dom.ts';
import { diagnoseFamily } from '../../pipeline/diagnose.ts';
import { parseFamily } from '../../pipeline/family-input.ts';
import { phaseOf } from '../../pipeline/frontier/regression.ts';
import { parseCsv } from '../../pipeline/io/csv.ts';
import type { InputErrors } from '../../pipeline/io/validate.ts';
import { createRng } from '../../pipeline/stats/rng.ts';
import { tempDir } from '../helpers/fixtures.ts';
import { buildSite, openTab as openTabOf, watchProblems, type Site } from './site.ts';

const TABS = REGISTERED.map((t) => t.id);

let site: Site;
let resultDir: string;
let payload: Payload;
let served: Served;
let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  site = await buildSite();
  ({ resultDir, payload, served } = site);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  problems = watchProblems(page);
  await page.goto(served.url);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const openTab = (id: string) => openTabOf(page, id);

const HEADER = 'model,family,params_b,d_model,hellaswag,truthfulqa_mc2,arc,winogrande,mmlu,source';
/** Four sizes with HellaSwag rising; TruthfulQA follows `tqa`, so the last interval decides the phase. */
const family = (name: string, tqa: number[]) =>
  [HEADER, ...[0.1, 0.4, 1.6, 6.4].map((n, i) => `${name}-${n}B,${name},${n},${512 * 2 ** i},${30 + 10 * i},${tqa[i]},25,50,25,test fixture`)].join('\n');

describe('dashboard in Chromium', () => {
  it('loads from the local server with the version in the header and no errors or outside requests', async () => {
    await page.waitForSelector('#panel-overview[data-ready="true"]');
    expect(await page.textContent('#result-version')).toBe(payload.version);
    expect(page.url()).toBe(`${served.url}dashboard/#overview`);
    expect(problems).toEqual([]);
  });

  it('renders the charts of every tab, with marks drawn', async () => {
    for (const id of TABS) {
      await openTab(id);
      const charts = page.locator(`#panel-${id} figure.chart svg.marks`);
      expect(await charts.count(), id).toBeGreaterThan(0);
      for (const svg of await charts.all())
        expect(await svg.locator('.role-mark:is(.mark-symbol, .mark-line, .mark-rect, .mark-area) path').count(), id).toBeGreaterThan(0);
    }
    expect(problems).toEqual([]);
  });

  it('filters the phase diagram to one family', async () => {
    await openTab('overview');
    const points = page.locator('#panel-overview .mark-symbol.role-mark path');
    const scored = payload.panels['as published'].filter((m) => m.scores.hellaswag !== null && m.scores.truthfulqa_mc2 !== null);
    expect(await points.count()).toBe(scored.length);
    const fam = scored[0]!.family;
    await page.selectOption('#panel-overview select >> nth=1', fam);
    await expect.poll(() => points.count()).toBe(scored.filter((m) => m.family === fam).length);
    await page.selectOption('#panel-overview select >> nth=1', 'all');
    await expect.poll(() => points.count()).toBe(scored.length);
  });

  it('moves between tabs with the arrow, Home and End keys', async () => {
    await openTab('overview');
    await page.focus('#tab-overview');
    const selected = () => page.getAttribute('[role=tab][aria-selected=true]', 'id');
    await page.keyboard.press('ArrowRight');
    expect(await selected()).toBe('tab-diagnose');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-diagnose');
    await page.keyboard.press('End');
    expect(await selected()).toBe(`tab-${TABS.at(-1)}`);
    await page.keyboard.press('ArrowRight');
    expect(await selected()).toBe('tab-overview');
    expect(await page.isHidden('#panel-claims')).toBe(true);
    expect(await page.getAttribute('#tab-overview', 'tabindex')).toBe('0');
  });

  it('diagnoses a typed family with the phase, N_c and placement that diagnoseFamily computes in Node', async () => {
    await openTab('diagnose');
    const fixtures = [family('Falls', [40, 42, 44, 41]), family('Rises', [44, 42, 40, 43])];
    const phases: string[] = [];
    for (const text of fixtures) {
      const d = diagnoseFamily(
        parseFamily(text, PASTE_LABEL),
        payload.reference,
        payload.interventions,
        payload.config,
        payload.noise,
        createRng(payload.config.seed).fork('diagnose'),
      );
      await page.fill('#panel-diagnose textarea', text);
      await page.click('#diagnose-run');
      const out = page.locator(`#panel-diagnose .diagnosis[data-family="${d.family}"]`);
      await out.waitFor();
      expect(await out.getAttribute('data-phase')).toBe(d.phase);
      expect(await out.getAttribute('data-nc')).toBe(d.nc.ncB === null ? 'none' : String(d.nc.ncB));
      // Resample counts and null percentiles match only if the page draws from the CLI's random stream (seed, fork "diagnose").
      const shown = await out.textContent();
      if (d.nc.ci95) expect(shown).toContain(`from ${d.nc.resamplesWithCrossing} of ${d.nc.resamples} within-family resamples`);
      for (const n of d.width!.nulls) expect(shown).toContain(`${n.kind}: the real value sits at the ${fmt(n.realPercentile, 3)}th percentile`);
      expect(await out.textContent()).toContain(d.placement.summary);
      expect(await page.locator('#panel-diagnose .intervention').count()).toBe(d.interventions.length);
      phases.push(String(d.phase));
    }
    expect(phases).toEqual(['tax', 'bonus']);
    expect(await page.textContent('#panel-diagnose .diagnosis .nc')).toMatch(/95% CI/);
  });

  it('shows each interval’s standard errors, P(g12 > 0) and sign under noise, and N_c as a distribution', async () => {
    await openTab('diagnose');
    const text = family('Noisy', [40, 42, 44, 41]);
    const d = diagnoseFamily(
      parseFamily(text, PASTE_LABEL),
      payload.reference,
      payload.interventions,
      payload.config,
      payload.noise,
      createRng(payload.config.seed).fork('diagnose'),
    );
    await page.fill('#panel-diagnose textarea', text);
    await page.click('#diagnose-run');
    await page.locator('#panel-diagnose .diagnosis[data-family="Noisy"]').waitFor();
    const cells = await page.locator('#panel-diagnose .diagnose-out tbody tr').first().locator('td').allTextContents();
    const iv = d.intervals[0]!;
    expect(cells[3]).toBe(fmt(iv.seDHs, 2));
    expect(cells[5]).toBe(fmt(iv.seDTqa, 2));
    expect(cells[7]).toBe(fmt(iv.pG12Positive, 2));
    expect(cells[8]).toBe(iv.sign);
    expect(await page.textContent('#panel-diagnose .nc-noise')).toContain(
      `${(100 * d.ncDistribution!.pDefined).toFixed(0)}% of ${d.ncDistribution!.draws} draws`,
    );
  });

  it('imports dropped lm-evaluation-harness files with the CLI’s importer, and names the file of a malformed one', async () => {
    await openTab('diagnose');
    const run = (model: string, hs: number, tqa: number) =>
      JSON.stringify({
        results: { hellaswag: { 'acc_norm,none': hs, 'acc_norm_stderr,none': 0.0045 }, truthfulqa_mc2: { 'acc,none': tqa, 'acc_stderr,none': 0.015 } },
        'n-shot': { hellaswag: 10, truthfulqa_mc2: 0 },
        config: { model_args: `pretrained=${model}` },
      });
    const files = [
      { name: 'small.json', mimeType: 'application/json', buffer: Buffer.from(run('org/tiny-1b', 0.4, 0.44)) },
      { name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(run('org/tiny-7b', 0.6, 0.4)) },
    ];
    await page.fill('#lmeval-family', 'Dropped');
    await page.fill('#lmeval-params', 'tiny-1b=1, tiny-7b=7');
    await page.setInputFiles('#lmeval-files', files);
    await page.locator('#panel-diagnose .diagnosis[data-family="Dropped"]').waitFor();
    expect(await page.inputValue('#panel-diagnose textarea')).toContain('tiny-7b,Dropped,org/tiny-7b,7,60,40');
    // Dropped on the family box, the same files take the same path.
    await page.fill('#lmeval-family', 'DroppedToo');
    await page.evaluate(
      (texts) => {
        const dt = new DataTransfer();
        texts.forEach(([name, body]) => dt.items.add(new File([body], name, { type: 'application/json' })));
        document.querySelector('#panel-diagnose textarea')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      files.map((f) => [f.name, f.buffer.toString()] as [string, string]),
    );
    await page.locator('#panel-diagnose .diagnosis[data-family="DroppedToo"]').waitFor();
    await page.setInputFiles('#lmeval-files', [{ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"results": ') }]);
    const alert = page.locator('#panel-diagnose .input-errors');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/broken\.json: not valid JSON/);
  });

  it("diagnoses a dataset model's family, as `cape diagnose --model` does, and puts the family in the box", async () => {
    await openTab('diagnose');
    const models = payload.panels['as published'];
    const pick = models.find((m, i) => i > 0 && models.filter((x) => x.family === m.family).length >= 4)!;
    const d = diagnoseFamily(
      models.filter((m) => m.family === pick.family),
      payload.reference,
      payload.interventions,
      payload.config,
      payload.noise,
      createRng(payload.config.seed).fork('diagnose'),
    );
    await page.selectOption('#panel-diagnose select >> nth=1', pick.model);
    await page.click('#diagnose-model');
    const out = page.locator(`#panel-diagnose .diagnosis[data-family="${pick.family}"]`);
    await out.waitFor();
    expect(await out.getAttribute('data-phase')).toBe(d.phase ?? 'undetermined');
    expect(await out.locator('.focus').textContent()).toContain(`${pick.model}: phase ${d.models.find((m) => m.model === pick.model)!.phase}`);
    expect(parseFamily(await page.inputValue('#panel-diagnose textarea'), PASTE_LABEL).map((m) => m.model)).toEqual(d.models.map((m) => m.model));
  });

  it('shows which line and column of a malformed paste is wrong, and what was expected', async () => {
    await openTab('diagnose');
    const text = [HEADER, 'A-1B,A,1,2048,40,40,25,50,25,x', 'A-2B,A,2,2048,forty,41,25,50,25,x'].join('\n');
    let expected = '';
    try {
      parseFamily(text, PASTE_LABEL);
    } catch (e) {
      expected = (e as InputErrors).errors[0]!.message;
    }
    expect(expected).not.toBe('');
    await page.fill('#panel-diagnose textarea', text);
    await page.click('#diagnose-run');
    const err = page.locator('#panel-diagnose .input-errors[role=alert] li').first();
    await err.waitFor();
    expect(await err.getAttribute('data-line')).toBe('3');
    expect(await err.getAttribute('data-column')).toBe('hellaswag');
    expect(await err.textContent()).toContain(`Line 3, column "hellaswag": ${expected}`);
    expect(await page.getAttribute('#panel-diagnose textarea', 'aria-invalid')).toBe('true');
    expect(await page.locator('#panel-diagnose .diagnosis').count()).toBe(0);
  });

  it("counts the ledger's statuses exactly as claims.csv does, and filters by status", async () => {
    await openTab('claims');
    const csv = parseCsv(readFileSync(join(resultDir, 'claims.csv'), 'utf8'), 'claims.csv');
    const col = (name: string) => csv.header.indexOf(name);
    const rows = csv.records.map((r) => ({ paper: r.cells[col('paper')]!, status: r.cells[col('status')]! }));
    const statuses = [...new Set(rows.map((r) => r.status))];
    expect(statuses.length).toBeGreaterThan(1);
    for (const paper of ['A', 'B', 'all']) {
      for (const status of payload.statuses) {
        const want = rows.filter((r) => (paper === 'all' || r.paper === paper) && r.status === status).length;
        expect(await page.textContent(`#panel-claims td[data-paper="${paper}"][data-status="${status}"]`), `${paper} ${status}`).toBe(String(want));
      }
    }
    const status = statuses[1]!;
    await page.selectOption('#panel-claims select >> nth=1', status);
    expect(await page.locator('#ledger tbody tr').count()).toBe(rows.filter((r) => r.status === status).length);
    await page.selectOption('#panel-claims select >> nth=1', '');
    expect(await page.locator('#ledger tbody tr').count()).toBe(rows.length);
  });

  it('links a headline number to its highlighted ledger row', async () => {
    await openTab('overview');
    const first = page.locator('#panel-overview .headline').first();
    const id = await first.getAttribute('data-claim');
    await first.locator('a').click();
    await page.waitForSelector(`#ledger tr.highlight[data-claim="${id}"]`);
    expect(await page.getAttribute('[role=tab][aria-selected=true]', 'id')).toBe('tab-claims');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.claim)).toBe(id);
  });

  it('opens the table and the figure behind a ledger row in a dialog, and Escape returns focus', async () => {
    await openTab('claims');
    for (const kind of ['table', 'figure']) {
      const button = page.locator(`#ledger [data-source^="${kind}:"]`).first();
      const id = (await button.getAttribute('data-source'))!.slice(kind.length + 1);
      await button.click();
      const dialog = page.locator('dialog.source-dialog[open]');
      await dialog.waitFor();
      expect(await dialog.locator('h2').textContent()).toContain(id);
      if (kind === 'table') expect(await dialog.locator('caption').first().textContent()).toContain(payload.tables[id]!.title);
      else await dialog.locator('figure.chart svg.marks').waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' }).catch(() => undefined);
      expect(await page.locator('dialog.source-dialog[open]').count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-source'))).toBe(`${kind}:${id}`);
    }
    expect(problems).toEqual([]);
  });

  it("computes a new model's h-field from the frozen line of the regression table", async () => {
    await openTab('frontier');
    const row = payload.tables['B-s3-regression-subsets']!.rows.find((r) => String(r.subset).startsWith('frozen panel'))!;
    const [swe, gpqa] = [50, 40];
    const h = gpqa - ((row.slope as number) * swe + (row.intercept as number));
    await page.fill('#hf-swe', String(swe));
    await page.fill('#hf-gpqa', String(gpqa));
    const out = page.locator('#panel-frontier .hfield-out dl');
    expect(Number(await out.getAttribute('data-h'))).toBeCloseTo(h, 9);
    expect(await out.getAttribute('data-phase')).toBe(phaseOf(h, payload.config.frontier.cooperativeBand));
    await page.fill('#hf-gpqa', '101');
    expect(await page.locator('#panel-frontier .hfield-out [role=alert]').count()).toBe(1);
  });

  it('saves one screenshot per tab', async () => {
    const out = tempDir();
    const files = await takeScreenshots(join(resultDir, 'dashboard'), out, browser);
    expect(files.map((f) => f.slice(out.length + 1))).toEqual(TABS.map((t, i) => `${String(i + 1).padStart(2, '0')}-${t}.png`));
    for (const f of files) {
      expect(existsSync(f)).toBe(true);
      expect(readFileSync(f).subarray(1, 4).toString()).toBe('PNG');
    }
  });

  it('names each chart by its visible title and puts its numbers in a table a keyboard reaches', async () => {
    for (const id of TABS) {
      await openTab(id);
      for (const fig of await page.locator(`#panel-${id} figure.chart`).all()) {
        const name = (await fig.getAttribute('aria-label')) ?? '';
        const titles = (await fig.locator('.role-title-text').allTextContents()).map((t) => t.replace(/\s+/g, ''));
        expect(name, id).not.toBe('');
        expect(titles, id).toContain(name.replace(/\s+/g, ''));
        expect(await fig.locator('details.numbers table caption').textContent()).toContain(name);
      }
    }
    await openTab('overview');
    const fig = page.locator('#panel-overview figure.chart');
    expect(await fig.getAttribute('aria-label')).toBe('Phase diagram, as published panel');
    await fig.locator('details.numbers > summary').focus();
    await page.keyboard.press('Enter');
    const scored = payload.panels['as published'].filter((m) => m.scores.hellaswag !== null && m.scores.truthfulqa_mc2 !== null);
    const rows = fig.locator('details.numbers[open] tbody tr');
    expect(await rows.count()).toBe(scored.length);
    expect(await fig.locator('details.numbers thead th').allTextContents()).toEqual(expect.arrayContaining(['model', 'family', 'N (B params)', 'phase']));
  });

  it('stops calling the Diagnose box pre-filled once the user edits it, and names a dataset family it holds', async () => {
    await openTab('diagnose');
    const label = page.locator('label[for="diagnose-csv"]');
    await page.click('#panel-diagnose button:has-text("Load example")');
    expect(await label.textContent()).toContain(`pre-filled: ${payload.example.label}`);
    await page.locator('#diagnose-csv').press('End');
    await page.keyboard.type(' ');
    expect(await label.textContent()).toBe('Family CSV (your text)');
    const m = payload.panels['as published'][0]!;
    await page.selectOption('#panel-diagnose select >> nth=1', m.model);
    await page.click('#diagnose-model');
    expect(await label.textContent()).toBe(`Family CSV (${m.family} from the as published panel)`);
  });

  it('moves between tabs with Back and Forward, one history entry per switch', async () => {
    await page.goto(site.url);
    await page.waitForSelector('#panel-overview[data-ready="true"]');
    await openTab('diagnose');
    await openTab('eigen');
    const selected = () => page.getAttribute('[role=tab][aria-selected=true]', 'id');
    await page.goBack();
    expect(await selected()).toBe('tab-diagnose');
    expect(new URL(page.url()).hash).toBe('#diagnose');
    await page.goBack();
    expect(await selected()).toBe('tab-overview');
    await page.goForward();
    expect(await selected()).toBe('tab-diagnose');
    expect(await page.isHidden('#panel-overview')).toBe(true);
  });

  it('opens the tab that ?tab= or # names, and says in one line that an unknown tab does not exist', async () => {
    const selected = () => page.getAttribute('[role=tab][aria-selected=true]', 'id');
    await page.goto(`${site.url}?tab=eigen`);
    await page.waitForSelector('#panel-eigen[data-ready="true"]');
    expect(await selected()).toBe('tab-eigen');
    expect(page.url()).toBe(`${site.url}#eigen`);
    await page.goto(`${site.url}#frontier`);
    await page.waitForSelector('#panel-frontier[data-ready="true"]');
    expect(await selected()).toBe('tab-frontier');
    for (const url of [`${site.url}?tab=no-such-tab`, `${site.url}#no-such-tab`]) {
      await page.goto(url);
      const notice = page.locator('.notice[role=status]');
      await notice.waitFor();
      expect(await notice.textContent()).toBe('There is no tab “no-such-tab”; showing Overview.');
      expect(await selected()).toBe('tab-overview');
    }
    await openTab('claims');
    expect(await page.isHidden('.notice')).toBe(true);
  });

  it('shows the claims ledger as one card per row on a phone, each value with its column name', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await phone.goto(`${site.url}#claims`);
      await phone.waitForSelector('#panel-claims[data-ready="true"]');
      const row = phone.locator('#ledger tbody tr').first();
      expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe('block');
      const cells = await row.locator('td').evaluateAll((tds) => tds.map((td) => getComputedStyle(td, '::before').content));
      expect(cells).toEqual(
        ['claim (unit)', 'where in the paper', 'published', 'regenerated', 'variant', 'status', 'cause', 'figures and tables'].map((l) => `"${l}: "`),
      );
      const wrap = phone.locator('.table-wrap.ledger');
      expect(await wrap.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    } finally {
      await phone.close();
    }
  });

  it('redraws a chart in its narrow layout when the window narrows to a phone, and back when it widens', async () => {
    const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await p.goto(site.url);
      await p.waitForSelector('#panel-overview[data-ready="true"]');
      const fig = p.locator('#panel-overview figure.chart');
      const width = () => fig.locator('.chart-canvas svg').evaluate((svg) => svg.getBoundingClientRect().width);
      expect(await fig.getAttribute('class')).not.toContain('narrow');
      const wide = await width();
      await p.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => fig.getAttribute('class')).toContain('narrow');
      await expect.poll(width).toBeLessThanOrEqual(370);
      await p.setViewportSize({ width: 1280, height: 800 });
      await expect.poll(() => fig.getAttribute('class')).not.toContain('narrow');
      expect(await width()).toBe(wide);
    } finally {
      await p.close();
    }
  });

  it('tells a reader who opened index.html from disk to use cape serve', async () => {
    const p = await browser.newPage();
    try {
      await p.goto(`file://${join(resultDir, 'dashboard', 'index.html')}`);
      expect(await p.textContent('#boot')).toContain('cape serve');
    } finally {
      await p.close();
    }
  });

  it('draws the Overview within 300 kB transferred, compressed, without vega-lite (reports bytes and time to first chart)', async () => {
    await measureFirstRender(browser, site.url); // the server compresses each file on its first request
    const r = await measureFirstRender(browser, site.url);
    console.log(
      `first render: ${(r.bytes / 1024).toFixed(1)} kB in ${r.responses.length} responses; first chart after ${r.firstChartMs.toFixed(0)} ms (goal ${FIRST_CHART_GOAL_MS} ms)`,
    );
    expect(r.bytes).toBeLessThanOrEqual(FIRST_RENDER_GOAL_BYTES);
    expect(r.responses.map((x) => x.url)).toEqual(expect.arrayContaining([site.url, `${site.url}app.js`, `${site.url}data/tab-overview.json`]));
    expect(r.responses.filter((x) => x.url.startsWith(site.url) && x.encoding === '').map((x) => x.url)).toEqual([]);
    expect(r.responses.filter((x) => /data\/tab-(?!overview)|vega-lite/.test(x.url))).toEqual([]);
    expect(Number.isFinite(r.firstChartMs)).toBe(true);
  });

  it('finished the whole session without a console error, a failed request or a request leaving 127.0.0.1', () => {
    expect(problems).toEqual([]);
  });
});
