import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeGguf, readGguf } from '../../../steer/io/gguf.ts';
import { readHeader } from '../../../steer/io/safetensors.ts';
import { readVectorAny, writeVectorAny } from '../../../steer/io/vector-formats.ts';
import { checkVectorFits, VECTOR_FORMAT, type VectorFile } from '../../../steer/io/vector-file.ts';
import { resolveStrength } from '../../../steer/steering/strength.ts';
import { tempDir } from '../tiny-models.ts';

/** A unit vector of float32-exact entries, so every format stores it exactly. */
function vectorFile(layer: number): VectorFile {
  const raw = Array.from({ length: 16 }, (_, i) => ((i % 5) - 2) / 8);
  const n = Math.hypot(...raw);
  return {
    format: VECTOR_FORMAT,
    model: { configSha256: 'ab'.repeat(32), modelType: 'llama', nLayers: 4, source: 'tiny' },
    layer,
    hookSite: 'block_output',
    operation: 'add',
    dModel: 16,
    method: 'mean-diff',
    statementSet: { name: 'cape-default-v1', sha256: 'cd'.repeat(32), nPairs: 16 },
    signConvention: 'true minus false',
    residualRms: 0.75,
    norm: 1,
    vector: raw.map((x) => Math.fround(x / n)),
  };
}
const fits = { configSha256: 'ab'.repeat(32), dModel: 16, nLayers: 4 };

describe('vector files in other formats', () => {
  it('round-trips a vector through a llama.cpp control vector: direction.L holds scale x the vector', () => {
    const v = vectorFile(2);
    const f = join(tempDir(), 'v.gguf');
    writeVectorAny(f, v, { scale: 3 });
    const g = readGguf(f);
    expect(g.metadata.get('general.architecture')).toBe('controlvector');
    expect(g.metadata.get('controlvector.model_hint')).toBe('llama');
    expect(g.metadata.get('controlvector.layer_count')).toBe(1);
    expect(g.tensors.map((t) => t.name)).toEqual(['direction.2']);
    expect(Array.from(g.tensors[0]!.data)).toEqual(v.vector.map((x) => Math.fround(3 * x)));
    const back = readVectorAny(f);
    expect({ ...back, vector: [] }).toEqual({ ...v, vector: [] });
    back.vector.forEach((x, i) => expect(x).toBeCloseTo(v.vector[i]!, 7));
    writeVectorAny(f, v);
    expect(readVectorAny(f)).toEqual(v);
  });

  it('round-trips a vector through safetensors, with layer, hook site, operation, config hash and unit norm as metadata', () => {
    const v = vectorFile(1);
    const f = join(tempDir(), 'v.safetensors');
    writeVectorAny(f, v);
    const { tensors, metadata } = readHeader(f);
    expect(tensors.get('direction')).toMatchObject({ dtype: 'F32', shape: [16] });
    expect(metadata).toMatchObject({ layer: '1', hook_site: 'block_output', operation: 'add', model_config_sha256: 'ab'.repeat(32), unit_norm: 'true' });
    expect(readVectorAny(f)).toEqual(v);
  });

  it('reads a control vector made elsewhere as imported: its block from direction.N, no config hash and no residual RMS', () => {
    // As repeng writes them: several blocks, no cape.* metadata.
    const f = join(tempDir(), 'repeng.gguf');
    writeFileSync(
      f,
      encodeGguf(
        [
          ['general.architecture', 'controlvector'],
          ['controlvector.model_hint', 'mistral'],
          ['controlvector.layer_count', { u32: 2 }],
        ],
        [
          { name: 'direction.3', data: Float32Array.from({ length: 16 }, () => 0.5) },
          { name: 'direction.4', data: new Float32Array(16).fill(-1) },
        ],
      ),
    );
    expect(() => readVectorAny(f)).toThrow(/repeng\.gguf: directions for blocks 3, 4: choose one with --vector-layer/);
    expect(() => readVectorAny(f, { layer: 5 })).toThrow(/no direction\.5 \(it has blocks 3, 4\)/);
    const v = readVectorAny(f, { layer: 3 });
    expect(v).toMatchObject({
      layer: 3,
      method: 'imported',
      residualRms: null,
      norm: 2,
      model: { configSha256: '', modelType: 'mistral', source: 'repeng.gguf' },
    });
    expect(() => checkVectorFits(v, fits)).toThrow(/carries no config\.json hash \(an imported control vector, model hint "mistral"\).*--force/);
    expect(() => checkVectorFits(v, fits, true)).not.toThrow();
    expect(() => resolveStrength({ kind: 'fixed', value: 1, relative: true }, v)).toThrow(/records no residual RMS/);
    expect(resolveStrength({ kind: 'fixed', value: 1.5, relative: false }, v).alpha).toBe(1.5);
  });

  it('refuses to export block 0, which llama.cpp never steers', () => {
    expect(() => writeVectorAny(join(tempDir(), 'v.gguf'), vectorFile(0))).toThrow(/llama\.cpp refuses direction\.0/);
  });

  it('names the file and the field for a GGUF that is not a control vector, or has mixed widths', () => {
    const d = tempDir();
    const model = join(d, 'model.gguf');
    writeFileSync(model, encodeGguf([['general.architecture', 'llama']], [{ name: 'token_embd.weight', data: new Float32Array(4) }]));
    expect(() => readVectorAny(model)).toThrow(/model\.gguf: general\.architecture is "llama", not "controlvector"/);
    const odd = join(d, 'odd.gguf');
    writeFileSync(odd, encodeGguf([], [{ name: 'steer.1', data: new Float32Array(4) }]));
    expect(() => readVectorAny(odd)).toThrow(/odd\.gguf: tensor 'steer\.1' is not named direction\.N/);
    const mixed = join(d, 'mixed.gguf');
    writeFileSync(
      mixed,
      encodeGguf(
        [],
        [
          { name: 'direction.1', data: new Float32Array(4) },
          { name: 'direction.2', data: new Float32Array(8) },
        ],
      ),
    );
    expect(() => readVectorAny(mixed)).toThrow(/mixed\.gguf: direction tensors have different lengths \(4, 8\)/);
  });
});
