import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { earlierFigures, rendererIdentity } from '../pipeline/figure-reuse.ts';
import { sha256 } from '../pipeline/io/hash.ts';
import { tempDir } from './helpers/fixtures.ts';

/** A results folder whose latest version holds one figure, made by `renderer`. */
function earlierVersion(renderer: string, files: Record<string, string>) {
  const results = tempDir();
  const dir = join(results, 'v1');
  mkdirSync(join(dir, 'figures'), { recursive: true });
  for (const [rel, text] of Object.entries(files)) writeFileSync(join(dir, rel), text);
  const outputs = Object.entries(files).map(([path, text]) => ({ path, sha256: sha256(text) }));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ version: 'v1', renderer, outputs }));
  symlinkSync('v1', join(results, 'latest'));
  return { results, dir };
}

const spec = '{"mark": "point"}\n';
const files = { 'figures/f.vl.json': spec, 'figures/f.svg': '<svg/>', 'figures/f.png': 'PNG bytes' };

describe('reusing figures of an earlier version', () => {
  it('takes the SVG and PNG of a figure whose spec is unchanged, from a version made by the same renderer', () => {
    const { results } = earlierVersion('r1', files);
    const e = earlierFigures(results, 'r1')!;
    expect(e.from).toBe('v1');
    expect(e.reuse('f', spec, true)).toEqual({ svg: '<svg/>', png: Buffer.from('PNG bytes') });
    expect(e.reuse('f', spec, false)).toEqual({ svg: '<svg/>', png: null });
  });

  it('renders again when the spec changed, the renderer differs, a file is missing or its bytes do not match the manifest', () => {
    const { results, dir } = earlierVersion('r1', files);
    expect(earlierFigures(results, 'r2')).toBeNull();
    const e = earlierFigures(results, 'r1')!;
    expect(e.reuse('f', '{"mark": "line"}\n', true)).toBeNull();
    expect(e.reuse('g', spec, true)).toBeNull();
    writeFileSync(join(dir, 'figures', 'f.png'), 'tampered');
    expect(e.reuse('f', spec, true)).toBeNull();
    expect(e.reuse('f', spec, false)).not.toBeNull();
    const noPng = earlierVersion('r1', { 'figures/f.vl.json': spec, 'figures/f.svg': '<svg/>' });
    expect(earlierFigures(noPng.results, 'r1')!.reuse('f', spec, true)).toBeNull();
    expect(earlierFigures(tempDir(), 'r1')).toBeNull();
  });

  it('ties the renderer identity to the renderer code, the lockfile and the font files, not to other code', () => {
    const font = join(tempDir(), 'font.ttf');
    writeFileSync(font, 'glyphs');
    const inputs = [
      { path: 'figures/render.ts', sha256: 'a' },
      { path: 'pipeline/coupling.ts', sha256: 'b' },
    ];
    const id = rendererIdentity(inputs, [font]);
    expect(rendererIdentity([inputs[0]!, { path: 'pipeline/coupling.ts', sha256: 'c' }], [font])).toBe(id);
    expect(rendererIdentity([{ path: 'figures/render.ts', sha256: 'z' }, inputs[1]!], [font])).not.toBe(id);
    writeFileSync(font, 'other glyphs');
    expect(rendererIdentity(inputs, [font])).not.toBe(id);
  });
});
