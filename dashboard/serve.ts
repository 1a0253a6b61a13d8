/**
 * The static file server of `cape serve` and of the dashboard's tests:
 * 127.0.0.1 only, GET and HEAD, nothing outside its folder, and text
 * compressed (brotli or gzip, as the browser accepts) so the page loads fast
 * over a slow link.
 */
import { createReadStream, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
};

/** Types worth compressing: text. PNGs and fonts are compressed already. */
const TEXT = new Set(['.html', '.js', '.css', '.json', '.csv', '.md', '.txt', '.svg']);

export type Encoding = 'br' | 'gzip';

/** The encoding to answer with: brotli when the request accepts it, else gzip, else none (q=0 refuses one). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  const accepted = new Map(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(/\s*;\s*q=/))
      .filter(([name]) => name)
      .map(([name, q]) => [name!.toLowerCase(), q === undefined ? 1 : Number(q)]),
  );
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

/** Compressed bodies by file, encoding, size and modification time: each file is compressed once while it is unchanged. */
const compressed = new Map<string, Buffer>();

function compressedBody(file: string, encoding: Encoding): Buffer {
  const st = statSync(file);
  const key = `${encoding}\u0000${file}\u0000${st.size}\u0000${st.mtimeMs}`;
  let body = compressed.get(key);
  if (!body) {
    const raw = readFileSync(file);
    body =
      encoding === 'br'
        ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        : gzipSync(raw, { level: 9 });
    compressed.set(key, body);
  }
  return body;
}

function acceptEncoding(req: IncomingMessage): string | undefined {
  const v = req.headers['accept-encoding'];
  return Array.isArray(v) ? v.join(',') : v;
}

export interface ServeOptions {
  port?: number;
  host?: string;
  /** Where "/" redirects, e.g. "/dashboard/" when serving a whole result folder. */
  home?: string;
}

export interface Served {
  server: Server;
  /** Base URL ending in "/", e.g. http://127.0.0.1:8765/ */
  url: string;
  close(): Promise<void>;
}

/** Maps a request path to a file under root, or null when it would leave root (.., encoded slashes, symlinks out). */
export function resolveUnder(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const path = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  if (path !== root && !path.startsWith(root + sep)) return null;
  if (!existsSync(path)) return path;
  const real = realpathSync(path);
  return real === root || real.startsWith(root + sep) ? real : null;
}

/** A static file server for one folder, bound to 127.0.0.1 by default; GET and HEAD only. */
export function serveDirectory(dir: string, opts: ServeOptions = {}): Promise<Served> {
  const root = realpathSync(dir);
  const server = createServer((req, res) => {
    const send = (status: number, text: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed', { allow: 'GET, HEAD' });
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/' && opts.home) return send(302, `see ${opts.home}`, { location: opts.home });
    let file = resolveUnder(root, pathname);
    if (file === null) return send(403, 'forbidden');
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) return send(301, 'moved', { location: `${pathname}/` });
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) return send(404, 'not found');
    const ext = extname(file).toLowerCase();
    const headers: Record<string, string> = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    };
    const encoding = TEXT.has(ext) ? chooseEncoding(acceptEncoding(req)) : null;
    if (TEXT.has(ext)) headers.vary = 'Accept-Encoding';
    if (encoding) {
      const body = compressedBody(file, encoding);
      res.writeHead(200, { ...headers, 'content-encoding': encoding, 'content-length': String(body.length) });
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    res.writeHead(200, { ...headers, 'content-length': String(statSync(file).size) });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', fail);
      const { address, port } = server.address() as AddressInfo;
      ok({
        server,
        url: `http://${address}:${port}/`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
