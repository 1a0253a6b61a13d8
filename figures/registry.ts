import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FigureDef } from './figure.ts';

/** Every paper figure module is a file named "A-…" or "B-…" in this folder; adding one needs no registration. */
export async function loadFigures(): Promise<FigureDef[]> {
  const dir = dirname(fileURLToPath(import.meta.url));
  const files = readdirSync(dir)
    .filter((f) => /^[AB]-.+\.ts$/.test(f))
    .sort();
  const defs: FigureDef[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { default?: FigureDef };
    if (!mod.default || typeof mod.default.build !== 'function') throw new Error(`figures/${f} must default-export a FigureDef`);
    if (`${mod.default.id}.ts` !== f) throw new Error(`figures/${f} declares id "${mod.default.id}"; the id must equal the file name`);
    defs.push(mod.default);
  }
  return defs;
}
