import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../dashboard/browser.ts';
import { TABS } from '../../dashboard/tabs/registry.ts';
import { AXE_SOURCE, buildSite, openTab, watchProblems, type Site } from './site.ts';

/**
 * Every registered tab, at a laptop's and a phone's size, in every state a tab
 * offers: as loaded, after a malformed upload or paste, after an invalid
 * number, and with the source dialog open. A state applies to a tab that has
 * the control it needs, so a new tab is checked without touching this file.
 */
const VIEWPORTS = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

interface State {
  name: string;
  /** Puts the tab in this state and says whether the page shows it; false when the tab has no control for it. */
  enter(page: Page, panel: string): Promise<boolean>;
  leave?(page: Page): Promise<void>;
}

const alertShown = (page: Page, panel: string) => page.locator(`${panel} [role=alert]`).first().waitFor({ timeout: 10_000 });

const STATES: State[] = [
  { name: 'loaded example', enter: async () => true },
  {
    name: 'malformed upload',
    async enter(page, panel) {
      const file = page.locator(`${panel} input[type=file]`);
      const text = page.locator(`${panel} textarea`);
      if ((await file.count()) > 0)
        await file.first().setInputFiles({ name: 'malformed.json', mimeType: 'application/json', buffer: Buffer.from('{"results": [unclosed') });
      else if ((await text.count()) > 0) {
        await text.first().fill('model,family,params_b\nbroken,"unclosed,1');
        await page.click(`${panel} button.primary`);
      } else return false;
      await alertShown(page, panel);
      return true;
    },
  },
  {
    name: 'invalid input',
    async enter(page, panel) {
      const input = page.locator(`${panel} input[type=number]`);
      if ((await input.count()) === 0) return false;
      await input.first().fill('-1');
      await input.first().press('Enter');
      await alertShown(page, panel);
      return true;
    },
  },
  {
    name: 'dialog open',
    async enter(page, panel) {
      const opener = page.locator(`${panel} [data-source]`);
      if ((await opener.count()) === 0) return false;
      await opener.first().click();
      await page.locator('dialog.source-dialog[open] .source-body:not([aria-busy])').waitFor();
      return true;
    },
    async leave(page) {
      await page.keyboard.press('Escape');
      await page
        .locator('dialog.source-dialog[open]')
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
    },
  },
];

/** Charts may be scaled down to fit their container, but no further than this: below it a chart's layout needs mending. */
const MIN_SCALE = 0.85;

/** Serious and critical axe violations, sideways scrolling of the page, and charts wider than their container or scaled down to fit. */
async function layoutAndA11yProblems(page: Page, phone: boolean): Promise<string[]> {
  const problems: string[] = [];
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  for (const v of violations)
    if (v.impact === 'serious' || v.impact === 'critical') problems.push(`axe ${v.impact} ${v.id} (${v.help}): ${v.targets.join(' | ')}`);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (phone && sideways > 0) problems.push(`the page scrolls sideways by ${sideways}px`);
  const wide = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('figure.chart'))
      .filter((f) => f.offsetParent !== null)
      .map((f) => {
        const parent = f.parentElement!;
        const s = getComputedStyle(parent);
        const room = parent.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
        const svg = f.querySelector('.chart-canvas svg');
        return { name: f.getAttribute('aria-label'), shown: svg?.getBoundingClientRect().width ?? 0, drawn: Number(svg?.getAttribute('width') ?? 0), room };
      }),
  );
  for (const c of wide) {
    if (c.shown > c.room + 1) problems.push(`chart "${c.name}" is ${c.shown}px wide in ${c.room}px`);
    if (c.shown < MIN_SCALE * c.drawn) problems.push(`chart "${c.name}" is scaled to ${(c.shown / c.drawn).toFixed(2)} of its drawn width to fit`);
  }
  return problems;
}

let site: Site;
let browser: Browser;

beforeAll(async () => {
  site = await buildSite();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.served.close();
});

describe.each(VIEWPORTS)('the dashboard at $width×$height ($name)', (vp) => {
  let page: Page;
  let problems: string[];
  const exercised = new Set<string>();

  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: vp.width, height: vp.height } });
    problems = watchProblems(page);
    await page.goto(site.url);
    await page.evaluate(AXE_SOURCE);
  });

  afterAll(() => page?.close());

  it.each(TABS.map((t) => [t.id, t]))(
    'tab %s has no serious or critical axe violation, no sideways scroll and no chart wider than its container, in every state',
    async (id) => {
      const found: string[] = [];
      for (const state of STATES) {
        await openTab(page, id);
        if (!(await state.enter(page, `#panel-${id}`))) continue;
        exercised.add(state.name);
        for (const p of await layoutAndA11yProblems(page, vp.name === 'phone')) found.push(`${state.name}: ${p}`);
        await state.leave?.(page);
      }
      expect(found).toEqual([]);
      expect(problems).toEqual([]);
    },
  );

  it('exercised every state on at least one tab', () => {
    expect([...exercised].sort()).toEqual(STATES.map((s) => s.name).sort());
  });
});
