import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeGguf, readGguf } from '../../../steer/io/gguf.ts';
import { numberToF16Bits } from '../../../steer/io/half.ts';
import { tempDir } from '../tiny-models.ts';

/** Little-endian building blocks of the format description. */
const u32 = (v: number): Buffer => Buffer.from(new Uint32Array([v]).buffer);
const u64 = (v: number): Buffer => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(v));
  return b;
};
const str = (s: string): Buffer => Buffer.concat([u64(Buffer.byteLength(s)), Buffer.from(s)]);

function write(bytes: Buffer): string {
  const f = join(tempDir(), 'x.gguf');
  writeFileSync(f, bytes);
  return f;
}

describe('GGUF', () => {
  it('reads a file assembled byte by byte from the format description', () => {
    const header = Buffer.concat([
      Buffer.from('GGUF'),
      u32(3),
      u64(2),
      u64(4),
      str('general.architecture'),
      u32(8),
      str('controlvector'),
      str('controlvector.layer_count'),
      u32(5),
      Buffer.from(new Int32Array([2]).buffer),
      str('x.list'),
      u32(9),
      u32(4),
      u64(2),
      u32(7),
      u32(9),
      str('x.f64'),
      u32(12),
      Buffer.from(new Float64Array([0.25]).buffer),
      str('direction.2'),
      u32(1),
      u64(3),
      u32(0),
      u64(0),
      str('direction.7'),
      u32(1),
      u64(2),
      u32(1),
      u64(32),
    ]);
    const pad = Buffer.alloc(Math.ceil(header.length / 32) * 32 - header.length);
    const f32 = Buffer.alloc(32);
    [1.5, -2, 0.25].forEach((x, i) => f32.writeFloatLE(x, 4 * i));
    const f16 = Buffer.alloc(4);
    f16.writeUInt16LE(numberToF16Bits(0.5), 0);
    f16.writeUInt16LE(numberToF16Bits(-3), 2);
    const g = readGguf(write(Buffer.concat([header, pad, f32, f16])));
    expect(g.version).toBe(3);
    expect(Object.fromEntries(g.metadata)).toEqual({
      'general.architecture': 'controlvector',
      'controlvector.layer_count': 2,
      'x.list': [7, 9],
      'x.f64': 0.25,
    });
    expect(g.tensors.map((t) => [t.name, t.dims, Array.from(t.data)])).toEqual([
      ['direction.2', [3], [1.5, -2, 0.25]],
      ['direction.7', [2], [0.5, -3]],
    ]);
  });

  it('round-trips metadata and F32 tensors through the writer and reader, tensors aligned to 32 bytes', () => {
    const bytes = encodeGguf(
      [
        ['general.architecture', 'controlvector'],
        ['n', { u32: 3 }],
        ['s', { i32: -4 }],
        ['x', { f32: 1.5 }],
        ['flag', true],
      ],
      [
        { name: 'direction.1', data: Float32Array.from([1, 2, 3]) },
        { name: 'direction.3', data: Float32Array.from({ length: 9 }, (_, i) => i / 4) },
      ],
    );
    const g = readGguf(write(bytes));
    expect(Object.fromEntries(g.metadata)).toEqual({ 'general.architecture': 'controlvector', n: 3, s: -4, x: 1.5, flag: true });
    expect(g.tensors.map((t) => Array.from(t.data))).toEqual([[1, 2, 3], Array.from({ length: 9 }, (_, i) => i / 4)]);
    expect(bytes.length % 32).toBe(0);
  });

  it('names the file for a file that is not GGUF, an unsupported version and a truncated file', () => {
    expect(() => readGguf(write(Buffer.from('{"format": "cape-steer-vector/1"}')))).toThrow(/x\.gguf: not a GGUF file/);
    expect(() => readGguf(write(Buffer.concat([Buffer.from('GGUF'), u32(1), u64(0), u64(0)])))).toThrow(/x\.gguf: GGUF version 1 is not supported/);
    const whole = encodeGguf([['a', 'b']], [{ name: 'direction.1', data: new Float32Array(8) }]);
    expect(() => readGguf(write(whole.subarray(0, whole.length - 8)))).toThrow(/x\.gguf: tensor 'direction\.1' runs past the end of the file: truncated/);
    expect(() => readGguf(write(whole.subarray(0, 30)))).toThrow(/x\.gguf: ends inside/);
  });
});
