import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bf16BitsToNumber, decodeBF16, decodeF16, f16BitsToNumber, numberToBF16Bits, numberToF16Bits } from '../../../steer/io/half.ts';
import { openCheckpoint, openSafetensors } from '../../../steer/io/safetensors.ts';
import { encodeSafetensors, SafetensorsStreamWriter, writeSafetensors, writeShardedSafetensors } from '../../../steer/io/safetensors-write.ts';
import { tempDir } from '../tiny-models.ts';

describe('half-precision decoding', () => {
  it('decodes hand-picked F16 bit patterns to their exact values', () => {
    const cases: [number, number][] = [
      [0x3c00, 1],
      [0xc000, -2],
      [0x3555, 0.333251953125],
      [0x7bff, 65504],
      [0x0400, 2 ** -14],
      [0x0001, 2 ** -24],
      [0x03ff, 1023 * 2 ** -24],
      [0x7c00, Infinity],
      [0xfc00, -Infinity],
    ];
    for (const [bits, value] of cases) expect(f16BitsToNumber(bits)).toBe(value);
    expect(Object.is(f16BitsToNumber(0x8000), -0)).toBe(true);
    expect(f16BitsToNumber(0x7e00)).toBeNaN();
    const bulk = decodeF16(Uint16Array.from(cases.map((c) => c[0])));
    expect(Array.from(bulk)).toEqual(cases.map((c) => c[1]));
  });

  it('decodes hand-picked BF16 bit patterns to their exact values', () => {
    const cases: [number, number][] = [
      [0x3f80, 1],
      [0xc000, -2],
      [0x4049, 3.140625],
      [0x3e80, 0.25],
      [0x7f80, Infinity],
      [0xff80, -Infinity],
      [0x0001, 2 ** -133],
    ];
    for (const [bits, value] of cases) expect(bf16BitsToNumber(bits)).toBe(value);
    expect(bf16BitsToNumber(0x7fc0)).toBeNaN();
    expect(Array.from(decodeBF16(Uint16Array.from(cases.map((c) => c[0]))))).toEqual(cases.map((c) => c[1]));
  });

  it('rounds to the nearest 16-bit value with ties to even when writing', () => {
    expect(numberToF16Bits(1 + 2 ** -11)).toBe(0x3c00); // halfway, even neighbour is 1
    expect(numberToF16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // halfway, rounds up to even
    expect(numberToF16Bits(65520)).toBe(0x7c00); // overflows to infinity
    expect(numberToF16Bits(3 * 2 ** -25)).toBe(0x0002); // subnormal, halfway to even
    expect(numberToBF16Bits(1 + 2 ** -8)).toBe(0x3f80);
    expect(numberToBF16Bits(1 + 3 * 2 ** -8)).toBe(0x3f82);
  });
});

describe('safetensors files', () => {
  it('reads a file assembled byte by byte from the format description', () => {
    const header = Buffer.from(
      JSON.stringify({
        __metadata__: { format: 'pt' },
        a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] },
        b: { dtype: 'BF16', shape: [1, 2], data_offsets: [8, 12] },
      }),
    );
    const len = Buffer.alloc(8);
    len.writeBigUInt64LE(BigInt(header.length));
    const data = Buffer.alloc(12);
    data.writeFloatLE(1.5, 0);
    data.writeFloatLE(-2, 4);
    data.writeUInt16LE(0x4049, 8);
    data.writeUInt16LE(0xbf80, 10);
    const file = join(tempDir(), 'hand.safetensors');
    writeFileSync(file, Buffer.concat([len, header, data]));
    const s = openSafetensors(file);
    expect(s.names().sort()).toEqual(['a', 'b']);
    expect(Array.from(s.read('a', [2]))).toEqual([1.5, -2]);
    expect(Array.from(s.read('b', [1, 2]))).toEqual([3.140625, -1]);
  });

  it('round-trips F32, F16 and BF16 tensors through the writer and reader', () => {
    const data = Float32Array.from([0.5, -1.25, 3, 1024]);
    const file = join(tempDir(), 'rt.safetensors');
    writeSafetensors(file, [
      { name: 'f32', shape: [2, 2], data },
      { name: 'f16', shape: [4], data, dtype: 'F16' },
      { name: 'bf16', shape: [4], data, dtype: 'BF16' },
    ]);
    const s = openSafetensors(file);
    for (const n of ['f32', 'f16', 'bf16']) expect(Array.from(s.read(n))).toEqual(Array.from(data));
  });

  it('loads a sharded checkpoint through model.safetensors.index.json', () => {
    const dir = tempDir();
    const tensors = Array.from({ length: 5 }, (_, i) => ({ name: `t${i}`, shape: [3], data: Float32Array.from([i, i + 0.5, -i]) }));
    writeShardedSafetensors(dir, tensors, 3);
    expect(readdirSync(dir).filter((f) => f.endsWith('.safetensors'))).toHaveLength(3);
    const s = openCheckpoint(dir);
    expect(s.label).toBe('model.safetensors.index.json');
    for (let i = 0; i < 5; i++) expect(Array.from(s.read(`t${i}`, [3]))).toEqual([i, i + 0.5, -i]);
  });

  it('names the file and the tensor when a tensor is missing or has the wrong shape', () => {
    const file = join(tempDir(), 'model.safetensors');
    writeSafetensors(file, [{ name: 'w', shape: [2, 3], data: new Float32Array(6) }]);
    const s = openSafetensors(file);
    expect(() => s.read('gone')).toThrow(/model\.safetensors: tensor 'gone' not found/);
    expect(() => s.read('w', [3, 2])).toThrow(/model\.safetensors: tensor 'w' has shape \[2,3\], expected \[3,2\]/);
  });

  it('rejects an unsupported dtype naming the file and the tensor', () => {
    const header = Buffer.from(JSON.stringify({ ids: { dtype: 'I64', shape: [1], data_offsets: [0, 8] } }));
    const len = Buffer.alloc(8);
    len.writeBigUInt64LE(BigInt(header.length));
    const file = join(tempDir(), 'ints.safetensors');
    writeFileSync(file, Buffer.concat([len, header, Buffer.alloc(8)]));
    expect(() => openSafetensors(file).read('ids')).toThrow(/ints\.safetensors: tensor 'ids' has unsupported dtype I64/);
  });

  it('reports an index entry whose shard file does not exist', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'model.safetensors.index.json'), JSON.stringify({ weight_map: { x: 'model-00001-of-00002.safetensors' } }));
    expect(() => openCheckpoint(dir)).toThrow(/maps tensor 'x' to model-00001-of-00002\.safetensors, which does not exist/);
  });

  it('writes tensor by tensor exactly the bytes of the whole-file encoder', () => {
    const tensors = [
      { name: 'a', shape: [2, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6]), dtype: 'BF16' as const },
      { name: 'b', shape: [1], data: Float32Array.from([-0.5]), dtype: 'F32' as const },
    ];
    const file = join(tempDir(), 'stream.safetensors');
    const w = new SafetensorsStreamWriter(file, tensors, { format: 'pt' });
    tensors.forEach((t) => w.write(t.data));
    w.close();
    expect(readFileSync(file).equals(encodeSafetensors(tensors, { format: 'pt' }))).toBe(true);
  });
});
