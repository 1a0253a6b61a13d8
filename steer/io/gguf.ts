// GGUF (version 2 and 3), as much as control vectors need: typed metadata,
// and tensor infos with F32 or F16 data. Layout: "GGUF", u32 version,
// u64 tensor count, u64 metadata count, metadata (key string, u32 type,
// value), tensor infos (name, u32 n_dims, u64 dims, u32 ggml type, u64
// offset into the data section), padding to `general.alignment` (default
// 32), then the data section. Strings are a u64 byte length and UTF-8 bytes;
// everything is little-endian.
import { readFileSync, statSync } from 'node:fs';
import { SteerInputError } from '../errors.ts';
import { decodeF16 } from './half.ts';

export class GgufError extends SteerInputError {}

/** GGUF metadata value types. */
const T = { U8: 0, I8: 1, U16: 2, I16: 3, U32: 4, I32: 5, F32: 6, BOOL: 7, STRING: 8, ARRAY: 9, U64: 10, I64: 11, F64: 12 } as const;
const GGML_F32 = 0,
  GGML_F16 = 1;
const DEFAULT_ALIGNMENT = 32;

export type GgufValue = number | bigint | boolean | string | GgufValue[];
/** A value to write and its GGUF type (strings and booleans need none). */
export type GgufEntry = string | boolean | { u32: number } | { i32: number } | { f32: number };

export interface GgufTensor {
  name: string;
  dims: number[];
  /** Decoded to float32. */
  data: Float32Array;
}

export interface GgufFile {
  version: number;
  metadata: Map<string, GgufValue>;
  tensors: GgufTensor[];
}

/** Control vectors are small; a file this large is a model, not worth reading whole. */
const MAX_BYTES = 1 << 30;

export function readGguf(file: string): GgufFile {
  const size = statSync(file).size;
  if (size > MAX_BYTES) throw new GgufError(`${file}: ${size} bytes, too large for a control vector (a model file?)`);
  const buf = readFileSync(file);
  let at = 0;
  const need = (n: number, what: string): void => {
    if (at + n > buf.length) throw new GgufError(`${file}: ends inside ${what} (byte ${at} of ${buf.length}): truncated or not GGUF`);
  };
  /** Checks that n bytes remain, moves past them and returns where they start. */
  const take = (n: number, what: string): number => {
    need(n, what);
    at += n;
    return at - n;
  };
  const u32 = (what: string): number => buf.readUInt32LE(take(4, what));
  const u64 = (what: string): number => {
    need(8, what);
    const v = buf.readBigUInt64LE(at);
    at += 8;
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new GgufError(`${file}: ${what} ${v} is implausibly large`);
    return Number(v);
  };
  const str = (what: string): string => {
    const n = u64(`${what} length`);
    need(n, what);
    at += n;
    return buf.toString('utf8', at - n, at);
  };
  need(4, 'the magic number');
  if (buf.toString('latin1', 0, 4) !== 'GGUF') throw new GgufError(`${file}: not a GGUF file (it does not start with "GGUF")`);
  at = 4;
  const version = u32('the version');
  if (version !== 2 && version !== 3) throw new GgufError(`${file}: GGUF version ${version} is not supported (2 or 3)`);
  const nTensors = u64('the tensor count');
  const nKv = u64('the metadata count');
  const value = (type: number, key: string): GgufValue => {
    const w = `metadata "${key}"`;
    switch (type) {
      case T.U8:
        return buf.readUInt8(take(1, w));
      case T.I8:
        return buf.readInt8(take(1, w));
      case T.U16:
        return buf.readUInt16LE(take(2, w));
      case T.I16:
        return buf.readInt16LE(take(2, w));
      case T.U32:
        return u32(w);
      case T.I32:
        return buf.readInt32LE(take(4, w));
      case T.F32:
        return buf.readFloatLE(take(4, w));
      case T.BOOL:
        return buf.readUInt8(take(1, w)) !== 0;
      case T.STRING:
        return str(w);
      case T.U64:
        return buf.readBigUInt64LE(take(8, w));
      case T.I64:
        return buf.readBigInt64LE(take(8, w));
      case T.F64:
        return buf.readDoubleLE(take(8, w));
      case T.ARRAY: {
        const itemType = u32(w);
        return Array.from({ length: u64(`${w} length`) }, () => value(itemType, key));
      }
      default:
        throw new GgufError(`${file}: metadata "${key}" has unknown value type ${type}`);
    }
  };
  const metadata = new Map<string, GgufValue>();
  for (let k = 0; k < nKv; k++) {
    const key = str('a metadata key');
    metadata.set(key, value(u32(`metadata "${key}" type`), key));
  }
  const infos = Array.from({ length: nTensors }, () => {
    const name = str('a tensor name');
    const dims = Array.from({ length: u32(`tensor '${name}' dimension count`) }, () => u64(`tensor '${name}' dimensions`));
    return { name, dims, type: u32(`tensor '${name}' type`), offset: u64(`tensor '${name}' offset`) };
  });
  const alignment = Number(metadata.get('general.alignment') ?? DEFAULT_ALIGNMENT);
  const dataStart = Math.ceil(at / alignment) * alignment;
  const tensors = infos.map(({ name, dims, type, offset }) => {
    const n = dims.reduce((a, b) => a * b, 1);
    if (type !== GGML_F32 && type !== GGML_F16) throw new GgufError(`${file}: tensor '${name}' has ggml type ${type} (only F32 and F16 are read)`);
    const bytes = n * (type === GGML_F32 ? 4 : 2);
    const start = dataStart + offset;
    if (start + bytes > buf.length) throw new GgufError(`${file}: tensor '${name}' runs past the end of the file: truncated`);
    const raw = buf.subarray(start, start + bytes);
    const data = new Float32Array(n);
    if (type === GGML_F32) for (let i = 0; i < n; i++) data[i] = raw.readFloatLE(4 * i);
    else
      decodeF16(
        Uint16Array.from({ length: n }, (_, i) => raw.readUInt16LE(2 * i)),
        data,
      );
    return { name, dims, data };
  });
  return { version, metadata, tensors };
}

/** A version-3 GGUF file of one-dimensional F32 tensors (the type llama.cpp requires for control vectors). */
export function encodeGguf(metadata: [string, GgufEntry][], tensors: { name: string; data: Float32Array }[]): Buffer {
  const parts: Buffer[] = [];
  const u32 = (v: number): void => void parts.push(Buffer.from(new Uint32Array([v]).buffer));
  const u64 = (v: number): void => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    parts.push(b);
  };
  const str = (s: string): void => {
    const b = Buffer.from(s, 'utf8');
    u64(b.length);
    parts.push(b);
  };
  parts.push(Buffer.from('GGUF', 'latin1'));
  u32(3);
  u64(tensors.length);
  u64(metadata.length);
  for (const [key, v] of metadata) {
    str(key);
    if (typeof v === 'string') {
      u32(T.STRING);
      str(v);
    } else if (typeof v === 'boolean') {
      u32(T.BOOL);
      parts.push(Buffer.from([v ? 1 : 0]));
    } else if ('u32' in v) {
      u32(T.U32);
      u32(v.u32);
    } else if ('i32' in v) {
      u32(T.I32);
      parts.push(Buffer.from(new Int32Array([v.i32]).buffer));
    } else {
      u32(T.F32);
      parts.push(Buffer.from(new Float32Array([v.f32]).buffer));
    }
  }
  let offset = 0;
  const offsets = tensors.map((t) => {
    const o = offset;
    offset += Math.ceil((t.data.length * 4) / DEFAULT_ALIGNMENT) * DEFAULT_ALIGNMENT;
    return o;
  });
  tensors.forEach((t, k) => {
    str(t.name);
    u32(1);
    u64(t.data.length);
    u32(GGML_F32);
    u64(offsets[k]!);
  });
  const headerLength = parts.reduce((a, b) => a + b.length, 0);
  parts.push(Buffer.alloc(Math.ceil(headerLength / DEFAULT_ALIGNMENT) * DEFAULT_ALIGNMENT - headerLength));
  tensors.forEach((t) => {
    const b = Buffer.alloc(Math.ceil((t.data.length * 4) / DEFAULT_ALIGNMENT) * DEFAULT_ALIGNMENT);
    t.data.forEach((x, i) => b.writeFloatLE(x, 4 * i));
    parts.push(b);
  });
  return Buffer.concat(parts);
}
