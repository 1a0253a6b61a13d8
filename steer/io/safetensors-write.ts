// Safetensors writing, for tests, the benchmark and synthetic model folders.
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { numberToBF16Bits, numberToF16Bits } from './half.ts';
import type { DType } from './safetensors.ts';

export interface TensorToWrite {
  name: string;
  shape: number[];
  data: Float32Array;
  dtype?: DType;
}

export interface TensorSpec {
  name: string;
  shape: number[];
  dtype: DType;
}

const BYTES: Record<DType, number> = { F32: 4, F16: 2, BF16: 2 };

/** The 8-byte length and the JSON header (padded to 8 bytes) for tensors laid out in order. */
function headerBytes(specs: TensorSpec[], metadata?: Record<string, string>): Buffer {
  const header: Record<string, unknown> = metadata ? { __metadata__: metadata } : {};
  let offset = 0;
  for (const t of specs) {
    const n = t.shape.reduce((a, b) => a * b, 1) * BYTES[t.dtype];
    header[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + n] };
    offset += n;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (Buffer.byteLength(json) % 8)) % 8);
  const jsonBuf = Buffer.from(json, 'utf8');
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(jsonBuf.length));
  return Buffer.concat([len, jsonBuf]);
}

export function encodeSafetensors(tensors: TensorToWrite[], metadata?: Record<string, string>): Buffer {
  const specs = tensors.map((t) => ({ name: t.name, shape: t.shape, dtype: t.dtype ?? 'F32' }));
  return Buffer.concat([headerBytes(specs, metadata), ...tensors.map((t, k) => encodeData(t.data, specs[k]!.dtype))]);
}

/**
 * Writes a file tensor by tensor, in the order of `specs`, so that a model
 * larger than memory can be written: only one tensor's data exists at a time.
 */
export class SafetensorsStreamWriter {
  private readonly fd: number;
  private next = 0;
  constructor(
    readonly file: string,
    private readonly specs: TensorSpec[],
    metadata?: Record<string, string>,
  ) {
    this.fd = openSync(file, 'w');
    writeSync(this.fd, headerBytes(specs, metadata));
  }
  write(data: Float32Array): void {
    const spec = this.specs[this.next++];
    if (!spec || spec.shape.reduce((a, b) => a * b, 1) !== data.length)
      throw new Error(`${this.file}: tensor ${this.next - 1} does not match its header entry`);
    writeSync(this.fd, encodeData(data, spec.dtype));
  }
  close(): void {
    closeSync(this.fd);
    if (this.next !== this.specs.length) throw new Error(`${this.file}: ${this.next} of ${this.specs.length} tensors written`);
  }
}

function encodeData(data: Float32Array, dtype: DType): Buffer {
  if (dtype === 'F32') return Buffer.from(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  const enc = dtype === 'F16' ? numberToF16Bits : numberToBF16Bits;
  const bits = new Uint16Array(data.length);
  for (let i = 0; i < data.length; i++) bits[i] = enc(data[i]!);
  return Buffer.from(bits.buffer);
}

export function writeSafetensors(file: string, tensors: TensorToWrite[], metadata?: Record<string, string>): void {
  writeFileSync(file, encodeSafetensors(tensors, metadata));
}

/** HF's name for shard k (from 0) of n. */
export function shardFileName(k: number, n: number): string {
  const pad = (i: number): string => String(i).padStart(5, '0');
  return `model-${pad(k + 1)}-of-${pad(n)}.safetensors`;
}

/** Splits tensors round-robin over `nShards` files plus an index, as HF does for large models. */
export function writeShardedSafetensors(dir: string, tensors: TensorToWrite[], nShards: number): void {
  const weightMap: Record<string, string> = {};
  for (let s = 0; s < nShards; s++) {
    const name = shardFileName(s, nShards);
    const mine = tensors.filter((_, i) => i % nShards === s);
    for (const t of mine) weightMap[t.name] = name;
    writeSafetensors(join(dir, name), mine);
  }
  const index = { metadata: {}, weight_map: weightMap };
  writeFileSync(join(dir, 'model.safetensors.index.json'), JSON.stringify(index, null, 2));
}
