import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFigures } from '../../figures/registry.ts';
import { defaultRenderThreads, inProcessRenderer, workerRenderer } from '../../figures/render.ts';
import { withOverrides } from '../../pipeline/cli/reproduce.ts';
import { config } from '../../pipeline/config.ts';
import { roundDeep } from '../../pipeline/io/serialize.ts';
import { runPipeline } from '../../pipeline/run.ts';
import { ROOT } from '../helpers/fixtures.ts';

describe('figure rendering', () => {
  it('gives byte-identical SVG and PNG files in render threads and in this thread, whatever order the threads finish in', async () => {
    const { results } = runPipeline({ dataDir: join(ROOT, 'data'), config: withOverrides(config, undefined, 50) });
    const specs = (await loadFigures()).map((f) => roundDeep(f.build(results), 6));
    const here = inProcessRenderer();
    const pool = workerRenderer(3);
    try {
      const [a, b] = await Promise.all([Promise.all(specs.map((s) => here.render(s, true))), Promise.all(specs.map((s) => pool.render(s, true)))]);
      expect(a.length).toBe(specs.length);
      a.forEach((r, i) => {
        expect(b[i]!.svg).toBe(r.svg);
        expect(b[i]!.png!.equals(r.png!)).toBe(true);
        expect(r.png!.subarray(1, 4).toString()).toBe('PNG');
      });
    } finally {
      await pool.close();
    }
  });

  it('reports a spec vega cannot render as an error of that render, and keeps serving the rest', async () => {
    const pool = workerRenderer(1);
    try {
      await expect(pool.render({ mark: 'point', data: { values: [{ a: 1 }] }, transform: [{ calculate: 'datum.a +* 2', as: 'b' }] }, false)).rejects.toThrow(
        /render thread/,
      );
      const ok = await pool.render({ mark: 'point', data: { values: [{ a: 1 }] }, encoding: { x: { field: 'a', type: 'quantitative' } } }, false);
      expect(ok.svg).toMatch(/^<svg/);
    } finally {
      await pool.close();
    }
  });

  it('takes its thread count from CAPE_RENDER_THREADS when that is a positive integer', () => {
    expect(defaultRenderThreads({ CAPE_RENDER_THREADS: '3' })).toBe(3);
    expect(defaultRenderThreads({ CAPE_RENDER_THREADS: '0' })).toBeGreaterThanOrEqual(1);
    expect(defaultRenderThreads({ CAPE_RENDER_THREADS: 'x' })).toBeLessThanOrEqual(4);
  });
});
