import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BrowserMissing } from '../../dashboard/browser.ts';
import { buildDashboard, FONTS } from '../../dashboard/build.ts';
import { claimLinks, frontierLineFromTables, panelsFromTables, ResultFolderError } from '../../dashboard/derive.ts';
import { readResult } from '../../dashboard/read-result.ts';
import { serveDirectory } from '../../dashboard/serve.ts';
import { loadContext, referenceFamilies } from '../../pipeline/cli/context.ts';
import { resultFolder } from '../../pipeline/cli/dashboard-command.ts';
import { reproduce } from '../../pipeline/cli/reproduce.ts';
import { analyseFrontier } from '../../pipeline/frontier/analysis.ts';
import type { Payload } from '../../dashboard/payload.ts';
import { ROOT, tempDir } from '../helpers/fixtures.ts';

let resultDir: string;
let payload: Payload;

beforeAll(async () => {
  resultDir = (await reproduce({ root: ROOT, resultsDir: tempDir(), resamples: 100, png: false, log: () => {} })).path;
  payload = readResult(resultDir, ROOT);
});

const relClose = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b)));

describe('dashboard payload from a result folder', () => {
  it('places families against the same reference numbers the CLI recomputes from data/', () => {
    const cli = referenceFamilies(loadContext());
    expect(payload.reference.map((f) => f.family)).toEqual(cli.map((f) => f.family).sort());
    for (const f of cli) {
      const mine = payload.reference.find((x) => x.family === f.family)!;
      expect(relClose(mine.r, f.r), `${f.family} r`).toBe(true);
      expect(relClose(mine.ncB, f.ncB), `${f.family} N_c`).toBe(true);
      expect(mine.ncStatus).toBe(f.ncStatus);
    }
  });

  it('rebuilds both panels model for model from panel-models', () => {
    const ctx = loadContext();
    for (const [name, panel] of [['as published', ctx.published], ['audited', ctx.audited]] as const) {
      const mine = payload.panels[name];
      expect(mine.map((m) => m.model)).toEqual(panel.models.map((m) => m.model));
      for (const [i, m] of panel.models.entries()) {
        expect(mine[i]!.family).toBe(m.family);
        expect(mine[i]!.paramsB).toBe(m.paramsB);
        expect(mine[i]!.scores).toEqual(m.scores);
        expect(mine[i]!.dModel).toBe(m.dModel);
        expect(mine[i]!.quirk).toBe(m.quirk);
      }
    }
  });

  it('takes the h-field line of the frozen panel, at the table precision', () => {
    const ctx = loadContext();
    const fit = analyseFrontier(ctx.data.frontier, ctx.data.claims, ctx.config.frontier).fit;
    const line = frontierLineFromTables(payload.tables);
    expect(relClose(line.slope, fit.slope)).toBe(true);
    expect(relClose(line.intercept, fit.intercept)).toBe(true);
    expect(line.n).toBe(fit.n);
  });

  it('links a claim to the figures and tables of its exact place, else of its section', () => {
    const claims = [
      { id: 'A.tab1.pythia', paper: 'A' },
      { id: 'A.fig7b.qwen', paper: 'A' },
      { id: 'B.s4_1.slope', paper: 'B' },
      { id: 'A.abs.nc', paper: 'A' },
    ];
    const tables = ['A-tab1-critical-scale', 'A-tab2-other', 'B-s4-lab-trajectories', 'A-s4-ode', 'A-fig7-gemma-qwen'];
    const figures = ['A-fig7-gemma-qwen-engineering', 'A-fig1a-phase-diagram', 'B-fig1a-frontier-scatter'];
    const links = claimLinks(claims, tables, figures);
    expect(links['A.tab1.pythia']).toEqual({ section: 'Table 1', exact: true, figures: [], tables: ['A-tab1-critical-scale'] });
    expect(links['A.fig7b.qwen']).toEqual({ section: 'Figure 7', exact: false, figures: ['A-fig7-gemma-qwen-engineering'], tables: ['A-fig7-gemma-qwen'] });
    expect(links['B.s4_1.slope']).toEqual({ section: 'Section 4', exact: false, figures: [], tables: ['B-s4-lab-trajectories'] });
    expect(links['A.abs.nc']).toEqual({ section: 'Abstract', exact: false, figures: [], tables: [] });
  });

  it('names the missing table when a result folder lacks one', () => {
    const { ['panel-models']: _gone, ...rest } = payload.tables;
    expect(() => panelsFromTables(rest)).toThrow(ResultFolderError);
    expect(() => panelsFromTables(rest)).toThrow(/panel-models/);
  });
});

describe('buildDashboard', () => {
  it('writes a self-contained site whose embedded data is the result folder, byte-identical on a rebuild', async () => {
    const out = await buildDashboard(resultDir);
    expect(out).toBe(join(resultDir, 'dashboard'));
    for (const f of ['index.html', 'app.js', 'style.css', ...FONTS.map((x) => `fonts/${x}`)]) expect(existsSync(join(out, f)), f).toBe(true);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const json = /<script type="application\/json" id="cape-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    const embedded = JSON.parse(json) as Payload;
    expect(embedded.version).toBe(payload.version);
    expect(embedded.claims.length).toBe(payload.claims.length);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const js = readFileSync(join(out, 'app.js'), 'utf8');
    expect(js).not.toMatch(/from\s*"node:|require\("node:/);
    const before = [readFileSync(join(out, 'index.html')), readFileSync(join(out, 'app.js'))];
    writeFileSync(join(out, 'stale.txt'), 'left from an older build');
    await buildDashboard(resultDir);
    expect(existsSync(join(out, 'stale.txt'))).toBe(false);
    expect(readFileSync(join(out, 'index.html')).equals(before[0]!)).toBe(true);
    expect(readFileSync(join(out, 'app.js')).equals(before[1]!)).toBe(true);
    expect(readdirSync(resultDir).filter((f) => f.startsWith('.dashboard'))).toEqual([]);
  });

  it('leaves an existing dashboard untouched when the result folder is incomplete', async () => {
    const copy = join(tempDir(), 'v');
    cpSync(resultDir, copy, { recursive: true });
    await buildDashboard(copy);
    const html = readFileSync(join(copy, 'dashboard', 'index.html'));
    rmSync(join(copy, 'tables', 'interventions.json'));
    await expect(buildDashboard(copy)).rejects.toThrow(/interventions/);
    expect(readFileSync(join(copy, 'dashboard', 'index.html')).equals(html)).toBe(true);
    expect(readdirSync(copy).filter((f) => f.startsWith('.dashboard'))).toEqual([]);
  });

  it('keeps the previous dashboard when a build fails after writing (no browser for the screenshots)', async () => {
    const copy = join(tempDir(), 'v');
    cpSync(resultDir, copy, { recursive: true });
    await buildDashboard(copy);
    writeFileSync(join(copy, 'dashboard', 'marker.txt'), 'previous build');
    const saved = process.env.CAPE_CHROMIUM;
    process.env.CAPE_CHROMIUM = join(copy, 'no-such-browser');
    try {
      await expect(buildDashboard(copy, { screenshots: true })).rejects.toThrow(BrowserMissing);
    } finally {
      if (saved === undefined) delete process.env.CAPE_CHROMIUM;
      else process.env.CAPE_CHROMIUM = saved;
    }
    expect(readFileSync(join(copy, 'dashboard', 'marker.txt'), 'utf8')).toBe('previous build');
    expect(readdirSync(copy).filter((f) => f.startsWith('.dashboard'))).toEqual([]);
  });
});

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise "..") */
function get(url: string, path: string, method = 'GET'): Promise<{ status: number; type: string; body: string; location: string }> {
  const u = new URL(url);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, method }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode!, type: String(res.headers['content-type'] ?? ''), body, location: String(res.headers.location ?? '') }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('serveDirectory', () => {
  it('serves files with their content types, redirects home, and never serves a file outside its folder', async () => {
    const base = tempDir();
    const site = join(base, 'site');
    mkdirSync(join(site, 'dashboard'), { recursive: true });
    writeFileSync(join(site, 'dashboard', 'index.html'), '<!doctype html><p>hi');
    writeFileSync(join(site, 'app.js'), 'let x = 1;');
    writeFileSync(join(site, 'a.ttf'), 'font');
    writeFileSync(join(base, 'secret.txt'), 'SECRET');
    symlinkSync(join(base, 'secret.txt'), join(site, 'link.txt'));
    const s = await serveDirectory(site, { home: '/dashboard/' });
    try {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const home = await get(s.url, '/');
      expect([home.status, home.location]).toEqual([302, '/dashboard/']);
      const page = await get(s.url, '/dashboard/');
      expect([page.status, page.type, page.body]).toEqual([200, 'text/html; charset=utf-8', '<!doctype html><p>hi']);
      expect((await get(s.url, '/dashboard')).status).toBe(301);
      expect((await get(s.url, '/app.js')).type).toBe('text/javascript; charset=utf-8');
      expect((await get(s.url, '/a.ttf')).type).toBe('font/ttf');
      expect((await get(s.url, '/missing.js')).status).toBe(404);
      expect((await get(s.url, '/app.js', 'POST')).status).toBe(405);
      for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/dashboard/..%2f..%2fsecret.txt', '/link.txt', '/%00', '/..%5csecret.txt']) {
        const r = await get(s.url, path);
        expect(r.status, path).not.toBe(200);
        expect(r.body, path).not.toContain('SECRET');
      }
    } finally {
      await s.close();
    }
  });
});

describe('cape serve', () => {
  it('prints the dashboard URL of a result folder, serves it on 127.0.0.1 and stops on SIGTERM', async () => {
    await buildDashboard(resultDir);
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'cape.mjs'), 'serve', resultDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const url = await new Promise<string>((done, fail) => {
      let out = '';
      child.stdout.on('data', (c) => {
        out += c;
        const m = /^(http:\/\/127\.0\.0\.1:\d+\/dashboard\/)$/m.exec(out);
        if (m) done(m[1]!);
      });
      child.on('exit', () => fail(new Error(`cape serve exited before printing a URL: ${out}`)));
    });
    const page = await get(url, new URL(url).pathname);
    expect(page.status).toBe(200);
    expect(page.body).toContain(payload.version);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('exits 2 with a usage message when the version does not exist', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'cape.mjs'), 'dashboard', 'no-such-version'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    expect(await new Promise<number | null>((done) => child.on('exit', done))).toBe(2);
    expect(err).toMatch(/^cape dashboard: (no result version "no-such-version" under results\/; available: |there is no result folder)/);
  });
});

describe('resultFolder', () => {
  it('names the available versions, hints at make reproduce when there is none, and refuses the committed snapshot', () => {
    const results = tempDir();
    expect(() => resultFolder(results, undefined)).toThrow(/no result folder under results\/ yet; run `make reproduce` first/);
    cpSync(resultDir, join(results, 'abc123'), { recursive: true });
    cpSync(resultDir, join(results, 'reference'), { recursive: true });
    symlinkSync('abc123', join(results, 'latest'));
    expect(resultFolder(results, undefined)).toBe(join(results, 'latest'));
    expect(resultFolder(results, 'abc123')).toBe(join(results, 'abc123'));
    expect(() => resultFolder(results, 'nope')).toThrow(/no result version "nope" under results\/; available: abc123, latest$/);
    expect(() => resultFolder(results, 'reference')).toThrow(/committed snapshot/);
  });
});
