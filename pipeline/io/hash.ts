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
      // A dangling link is listed like a file; reading it fails later, where ingest names it.
      if (statSync(full, { throwIfNoEntry: false })?.isDirectory()) walk(full);
      else {
        const rel = relative(root, full).split('\\').join('/');
        if (keep(rel)) out.push(rel);
      }
    }
  };
  walk(join(root, dir));
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** An unreadable file (a dangling link, no permission) hashes its error code, so the version still reflects it. */
export function hashFiles(root: string, files: readonly string[]): { path: string; sha256: string }[] {
  return files.map((path) => {
    let content: Buffer | string;
    try {
      content = readFileSync(join(root, path));
    } catch (e) {
      content = `unreadable: ${(e as NodeJS.ErrnoException).code ?? String(e)}`;
    }
    return { path, sha256: sha256(content) };
  });
}
