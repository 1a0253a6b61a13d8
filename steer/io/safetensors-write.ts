// Safetensors writing, for tests, the benchmark and synthetic model folders.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { numberToBF16Bits, numberToF16Bits } from './half.ts';
import type { DType } from './safetensors.ts';

export interface TensorToWrite {
  name: string;
  shape: number[];
  data: Float32Array;
  dtype?: DType;
}

export function encodeSafetensors(tensors: TensorToWrite[], metadata?: Record<string, string>): Buffer {
  const header: Record<string, unknown> = metadata ? { __metadata__: metadata } : {};
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const t of tensors) {
    const dtype = t.dtype ?? 'F32';
    const data = encodeData(t.data, dtype);
    header[t.name] = { dtype, shape: t.shape, data_offsets: [offset, offset + data.length] };
    chunks.push(data);
    offset += data.length;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (json.length % 8)) % 8);
  const jsonBuf = Buffer.from(json, 'utf8');
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(jsonBuf.length));
  return Buffer.concat([len, jsonBuf, ...chunks]);
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

/** Splits tensors round-robin over `nShards` files plus an index, as HF does for large models. */
export function writeShardedSafetensors(dir: string, tensors: TensorToWrite[], nShards: number): void {
  const weightMap: Record<string, string> = {};
  const pad = (i: number): string => String(i).padStart(5, '0');
  for (let s = 0; s < nShards; s++) {
    const name = `model-${pad(s + 1)}-of-${pad(nShards)}.safetensors`;
    const mine = tensors.filter((_, i) => i % nShards === s);
    for (const t of mine) weightMap[t.name] = name;
    writeSafetensors(join(dir, name), mine);
  }
  const index = { metadata: {}, weight_map: weightMap };
  writeFileSync(join(dir, 'model.safetensors.index.json'), JSON.stringify(index, null, 2));
}
