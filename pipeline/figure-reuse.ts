/**
 * Figures an earlier version already rendered: when the newest result folder
 * was made by the same renderer (renderer code, lockfile and font files) and
 * holds a figure whose spec is byte-identical to the new one, its SVG and PNG
 * are taken from there instead of being rendered again. Rendering is
 * deterministic, so the files are the same either way; the hashes in the
 * earlier manifest are checked before anything is reused.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from './io/hash.ts';

/** What decides a rendered file besides its spec. */
const RENDERER_INPUTS = ['figures/render.ts', 'figures/render-core.mjs', 'package-lock.json'];

export function rendererIdentity(codeInputs: readonly { path: string; sha256: string }[], fontFiles: readonly string[]): string {
  const code = codeInputs.filter((i) => RENDERER_INPUTS.includes(i.path));
  const fonts = fontFiles.map((f) => ({ path: f, sha256: existsSync(f) ? sha256(readFileSync(f)) : 'missing' }));
  return sha256(JSON.stringify({ code, fonts }));
}

export interface ReusedFigure {
  svg: string;
  png: Buffer | null;
}

/** Looks up a figure by id and spec text; null when it must be rendered. */
export type FigureReuse = (id: string, specText: string, png: boolean) => ReusedFigure | null;

interface Manifest {
  version?: string;
  renderer?: string;
  outputs?: { path: string; sha256: string }[];
}

/** The reuse lookup for the newest version under `resultsDir` (its `latest`), if the same renderer made it. */
export function earlierFigures(resultsDir: string, renderer: string): { from: string; reuse: FigureReuse } | null {
  const dir = join(resultsDir, 'latest');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
  if (manifest.renderer !== renderer || !manifest.outputs) return null;
  const hashes = new Map(manifest.outputs.map((o) => [o.path, o.sha256]));
  const read = (rel: string): Buffer | null => {
    const want = hashes.get(rel);
    if (!want || !existsSync(join(dir, rel))) return null;
    const bytes = readFileSync(join(dir, rel));
    return sha256(bytes) === want ? bytes : null;
  };
  const reuse: FigureReuse = (id, specText, png) => {
    if (hashes.get(`figures/${id}.vl.json`) !== sha256(specText)) return null;
    const svg = read(`figures/${id}.svg`);
    const pngBytes = png ? read(`figures/${id}.png`) : null;
    if (!svg || (png && !pngBytes)) return null;
    return { svg: svg.toString('utf8'), png: pngBytes };
  };
  return { from: manifest.version ?? dir, reuse };
}
