import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Every file under `dir`, as paths relative to `root`, sorted byte-wise so the order is the same everywhere. */
export function listFiles(root: string, dir: string, keep: (rel: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const rel = relative(root, full).split('\\').join('/');
        if (keep(rel)) out.push(rel);
      }
    }
  };
  walk(join(root, dir));
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function hashFiles(root: string, files: readonly string[]): { path: string; sha256: string }[] {
  return files.map((path) => ({ path, sha256: sha256(readFileSync(join(root, path))) }));
}
