import { cpSync, type Dirent, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { BrowserMissing } from '../../dashboard/browser.ts';
import { buildDashboard } from '../../dashboard/build.ts';
import { bundleApp } from '../../dashboard/bundle.ts';
import type { ChartFile } from '../../dashboard/chart-file.ts';
import { claimLinks, frontierLineFromTables, panelsFromTables, ResultFolderError } from '../../dashboard/derive.ts';
import { readResult } from '../../dashboard/read-result.ts';
import { chooseEncoding, serveDirectory } from '../../dashboard/serve.ts';
import { loadContext, referenceFamilies } from '../../pipeline/cli/context.ts';
import { resultFolder } from '../../pipeline/cli/dashboard-command.ts';
import { reproduce } from '../../pipeline/cli/reproduce.ts';
import { analyseFrontier } from '../../pipeline/frontier/analysis.ts';
import type { Payload } from '../../dashboard/payload.ts';
import type { SiteMeta, TabData } from '../../dashboard/tab-def.ts';
import { TABS } from '../../dashboard/tabs/registry.ts';
import { ROOT, tempDir } from '../helpers/fixtures.ts';

let resultDir: string;
let payload: Payload;

beforeAll(async () => {
  resultDir = (await reproduce({ root: ROOT, resultsDir: tempDir(), resamples: 100, png: false, log: () => {} })).path;
  payload = readResult(resultDir, ROOT);
});

/** Files under a folder, relative and sorted. */
const listFiles = (dir: string): string[] =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();

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
    for (const [name, panel] of [
      ['as published', ctx.published],
      ['audited', ctx.audited],
    ] as const) {
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
    const { 'panel-models': _gone, ...rest } = payload.tables;
    expect(() => panelsFromTables(rest)).toThrow(ResultFolderError);
    expect(() => panelsFromTables(rest)).toThrow(/panel-models/);
  });
});

describe('buildDashboard', () => {
  it('writes a self-contained site whose data files carry the result folder, byte-identical on a rebuild', async () => {
    const out = await buildDashboard(resultDir);
    expect(out).toBe(join(resultDir, 'dashboard'));
    const files = listFiles(out);
    for (const f of ['index.html', 'app.js', 'style.css', ...TABS.map((t) => `data/tab-${t.id}.json`)]) expect(files, f).toContain(f);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const meta = JSON.parse(/<script type="application\/json" id="cape-meta">([\s\S]*?)<\/script>/.exec(html)![1]!) as SiteMeta;
    expect(meta).toEqual({ version: payload.version, created: payload.created, gitCommit: payload.gitCommit, seed: payload.config.seed });
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    // The first tab's code and data are requested with the page, and each preloaded file exists.
    const preloaded = [...html.matchAll(/<link rel="(?:module)?preload" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(preloaded).toEqual(expect.arrayContaining(['app.js', `data/tab-${TABS[0]!.id}.json`]));
    expect(preloaded.some((f) => f.startsWith(`chunks/${TABS[0]!.id}-`))).toBe(true);
    for (const f of preloaded) expect(files).toContain(f);
    for (const tab of TABS) {
      const data = JSON.parse(readFileSync(join(out, `data/tab-${tab.id}.json`), 'utf8')) as TabData;
      expect(Object.keys(data.tables).sort(), tab.id).toEqual([...(tab.tables ?? [])].sort());
      for (const [id, t] of Object.entries(data.tables)) expect(t, id).toEqual(payload.tables[id]);
      expect(Object.keys(data.parts).sort(), tab.id).toEqual([...(tab.parts ?? [])].sort());
      expect(Object.keys(data.figures).sort(), tab.id).toEqual((tab.figures ?? []).filter((f) => payload.figures[f]).sort());
    }
    for (const id of Object.keys(payload.tables)) expect(files).toContain(`data/tables/${id}.json`);
    for (const id of Object.keys(payload.figures)) expect(files).toContain(`data/figures/${id}.json`);
    for (const f of files.filter((x) => x.endsWith('.js'))) expect(readFileSync(join(out, f), 'utf8'), f).not.toMatch(/from\s*"node:|require\("node:/);
    const before = new Map(files.map((f) => [f, readFileSync(join(out, f))]));
    writeFileSync(join(out, 'stale.txt'), 'left from an older build');
    await buildDashboard(resultDir);
    expect(existsSync(join(out, 'stale.txt'))).toBe(false);
    expect(listFiles(out)).toEqual(files);
    for (const [f, bytes] of before) expect(readFileSync(join(out, f)).equals(bytes), f).toBe(true);
    expect(readdirSync(resultDir).filter((f) => f.startsWith('.dashboard'))).toEqual([]);
  });

  it('ships its charts compiled to Vega, without vega-lite or vega-embed, and one copy of each vega package', async () => {
    const { inputs } = await bundleApp();
    expect(inputs.filter((f) => /node_modules\/(vega-lite|vega-embed)\//.test(f))).toEqual([]);
    const copies = new Map<string, Set<string>>();
    for (const f of inputs) {
      const m = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(f);
      if (m) copies.set(m[2]!, (copies.get(m[2]!) ?? new Set()).add(m[1]!));
    }
    expect(copies.has('vega-view')).toBe(true);
    expect([...copies].filter(([, dirs]) => dirs.size > 1).map(([name]) => name)).toEqual([]);
    const fig = JSON.parse(readFileSync(join(resultDir, 'dashboard', 'data', 'figures', 'A-fig1a-phase-diagram.json'), 'utf8')) as ChartFile;
    for (const spec of [fig.wide, fig.narrow]) expect(String(spec.$schema)).toMatch(/schema\/vega\/v\d/);
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

/** A raw GET with request headers, the body as bytes as they came over the wire. */
function getBytes(
  url: string,
  path: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<{ encoding: string; length: string; vary: string; body: Buffer }> {
  const u = new URL(url);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        ok({
          encoding: String(res.headers['content-encoding'] ?? ''),
          length: String(res.headers['content-length'] ?? ''),
          vary: String(res.headers.vary ?? ''),
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, honours q=0 and a wildcard, and answers none when neither is accepted', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('identity')).toBe(null);
    expect(chooseEncoding(undefined)).toBe(null);
  });
});

describe('serveDirectory', () => {
  it('sends text compressed as the browser accepts and the same bytes after decoding; images as they are', async () => {
    const site = tempDir();
    const js = Buffer.from(Array.from({ length: 400 }, (_, i) => `const value${i} = ${i} * 2;`).join('\n'));
    writeFileSync(join(site, 'app.js'), js);
    writeFileSync(join(site, 'a.png'), Buffer.from('\x89PNG not really'));
    const s = await serveDirectory(site);
    try {
      const br = await getBytes(s.url, '/app.js', { 'accept-encoding': 'gzip, deflate, br' });
      expect([br.encoding, br.vary]).toEqual(['br', 'Accept-Encoding']);
      expect(br.body.length).toBeLessThan(js.length / 3);
      expect(brotliDecompressSync(br.body).equals(js)).toBe(true);
      const gz = await getBytes(s.url, '/app.js', { 'accept-encoding': 'gzip' });
      expect(gz.encoding).toBe('gzip');
      expect(gunzipSync(gz.body).equals(js)).toBe(true);
      const plain = await getBytes(s.url, '/app.js', {});
      expect([plain.encoding, plain.body.equals(js)]).toEqual(['', true]);
      const head = await getBytes(s.url, '/app.js', { 'accept-encoding': 'gzip' }, 'HEAD');
      expect([head.encoding, head.length, head.body.length]).toEqual(['gzip', String(gz.body.length), 0]);
      expect((await getBytes(s.url, '/a.png', { 'accept-encoding': 'br' })).encoding).toBe('');
    } finally {
      await s.close();
    }
  });

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
      for (const path of [
        '/../secret.txt',
        '/%2e%2e/secret.txt',
        '/..%2fsecret.txt',
        '/dashboard/..%2f..%2fsecret.txt',
        '/link.txt',
        '/%00',
        '/..%5csecret.txt',
      ]) {
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
