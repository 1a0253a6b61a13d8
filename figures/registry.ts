/**
 * Every paper figure module is a file named "A-…" or "B-…" in this folder;
 * adding one needs no registration. From the sources the folder is listed at
 * run time; the dist/ build lists it at build time (__CAPE_FIGURES__) and
 * bundles each module as a chunk of its own, loaded here.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FigureDef } from './figure.ts';

declare const __CAPE_FIGURES__: string[] | undefined;

/** The figure ids in a folder of figure modules, sorted. */
export function figureIds(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /^[AB]-.+\.ts$/.test(f))
    .map((f) => f.slice(0, -3))
    .sort();
}

type FigureModule = { default?: FigureDef };

/** esbuild bundles every file matching these patterns; the sources import by path. */
function importFigure(id: string, dir: string): Promise<FigureModule> {
  if (typeof __CAPE_FIGURES__ === 'undefined') return import(pathToFileURL(join(dir, `${id}.ts`)).href) as Promise<FigureModule>;
  return (id.startsWith('A-') ? import(`./A-${id.slice(2)}.ts`) : import(`./B-${id.slice(2)}.ts`)) as Promise<FigureModule>;
}

export async function loadFigures(): Promise<FigureDef[]> {
  const dir = dirname(fileURLToPath(import.meta.url));
  const ids = typeof __CAPE_FIGURES__ === 'undefined' ? figureIds(dir) : __CAPE_FIGURES__;
  const defs: FigureDef[] = [];
  for (const id of ids) {
    const mod = await importFigure(id, dir);
    if (!mod.default || typeof mod.default.build !== 'function') throw new Error(`figures/${id}.ts must default-export a FigureDef`);
    if (mod.default.id !== id) throw new Error(`figures/${id}.ts declares id "${mod.default.id}"; the id must equal the file name`);
    defs.push(mod.default);
  }
  return defs;
}
