/**
 * Figures to files: each Vega-Lite spec becomes an SVG and, optionally, a
 * PNG. A renderer does this either in this thread or in a pool of worker
 * threads that load vega and resvg while the pipeline's stages still run and
 * then render several figures at once. Both give byte-identical files.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import { FONT_FAMILY } from './figure.ts';

/** resvg silently drops text when it finds no font, so the font files are pinned and checked. */
export const FONT_DIR = process.env.CAPE_FONT_DIR ?? '/usr/share/fonts/truetype/dejavu';
export const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => `${FONT_DIR}/${f}`);

export function checkFonts(): void {
  const missing = FONT_FILES.filter((f) => !existsSync(f));
  if (missing.length > 0) {
    throw new Error(
      `font file(s) not found: ${missing.join(', ')}. Install Debian's fonts-dejavu-core (apt-get install -y fonts-dejavu-core) or set CAPE_FONT_DIR.`,
    );
  }
}

/** PNGs at the SVG's own size (the SVG is the full-resolution original), white background, only the pinned fonts. */
export const PNG_OPTIONS: ResvgRenderOptions = {
  background: 'white',
  fitTo: { mode: 'zoom', value: 1 },
  font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
};

export interface Rendered {
  svg: string;
  png: Buffer | null;
}

export interface Renderer {
  render(spec: TopLevelSpec, png: boolean): Promise<Rendered>;
  close(): Promise<void>;
}

/** Renders in this thread, one figure at a time (vega is loaded on first use). */
export function inProcessRenderer(): Renderer {
  const core = import('./render-core.mjs');
  let last: Promise<unknown> = Promise.resolve();
  const one = async (spec: TopLevelSpec, png: boolean): Promise<Rendered> => {
    const { specToSvg, svgToPng } = await core;
    const svg = await specToSvg(spec);
    return { svg, png: png ? await svgToPng(svg, PNG_OPTIONS) : null };
  };
  return {
    render(spec, png) {
      const r = last.then(() => one(spec, png));
      last = r.catch(() => {});
      return r;
    },
    close: async () => {},
  };
}

/** How many render threads: CAPE_RENDER_THREADS, else one per core, at most four (each holds its own vega, about 150 MB). */
export function defaultRenderThreads(env: NodeJS.ProcessEnv = process.env): number {
  const given = Number(env.CAPE_RENDER_THREADS);
  return Number.isInteger(given) && given > 0 ? given : Math.max(1, Math.min(4, availableParallelism()));
}

type Reply = { job: number; svg?: string; png?: Uint8Array | null; error?: string };

/**
 * A pool of render threads, started at once so that loading vega overlaps
 * whatever the caller does next; jobs go to whichever thread is free.
 */
export function workerRenderer(threads = defaultRenderThreads()): Renderer {
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./render-worker.mjs', import.meta.url)));
  const idle = [...workers];
  const queue: { spec: TopLevelSpec; png: boolean; done: (r: Rendered) => void; fail: (e: Error) => void }[] = [];
  const pending = new Map<number, { worker: Worker; done: (r: Rendered) => void; fail: (e: Error) => void }>();
  let next = 0;
  const pump = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const { spec, png, done, fail } = queue.shift()!;
      const job = next++;
      pending.set(job, { worker, done, fail });
      worker.postMessage({ job, spec, png: png ? PNG_OPTIONS : null });
    }
  };
  for (const w of workers) {
    w.on('message', (m: Reply) => {
      const p = pending.get(m.job)!;
      pending.delete(m.job);
      idle.push(w);
      if (m.error !== undefined) p.fail(new Error(`rendering a figure failed in a render thread: ${m.error}`));
      else p.done({ svg: m.svg!, png: m.png ? Buffer.from(m.png.buffer, m.png.byteOffset, m.png.byteLength) : null });
      pump();
    });
    w.on('error', (e) => {
      for (const [job, p] of pending) {
        if (p.worker !== w) continue;
        pending.delete(job);
        p.fail(e);
      }
    });
  }
  return {
    render: (spec, png) =>
      new Promise<Rendered>((done, fail) => {
        queue.push({ spec, png, done, fail });
        pump();
      }),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
