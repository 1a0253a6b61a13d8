// Safetensors reading: one file, or a sharded checkpoint with an index.
// Format: u64 little-endian header length N, N bytes of JSON header
// {name: {dtype, shape, data_offsets: [begin, end]}}, then the raw data;
// offsets are relative to the first byte after the header.
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SteerInputError } from '../errors.ts';
import { decodeBF16, decodeF16 } from './half.ts';

export type DType = 'F32' | 'F16' | 'BF16';
const BYTES: Record<DType, number> = { F32: 4, F16: 2, BF16: 2 };

export interface TensorInfo {
  name: string;
  dtype: string;
  shape: number[];
  /** Absolute byte offset of the data in `file`. */
  start: number;
  byteLength: number;
  file: string;
}

/** Where the forward pass gets its weights: a file, a sharded folder or memory. */
export interface TensorStore {
  readonly label: string;
  names(): string[];
  has(name: string): boolean;
  shape(name: string): number[];
  /** The dtype the tensor is stored in, after checking it is supported and, if given, its shape. */
  dtype(name: string, expectShape?: number[]): DType;
  /** Decoded to float32; `expectShape` turns a silent layout bug into a named error. */
  read(name: string, expectShape?: number[], alloc?: (n: number) => Float32Array): Float32Array;
  /** The stored bytes, unconverted, straight into `dest` (exactly the tensor's size): weights never pass through a second copy. */
  readRaw(name: string, expectShape: number[] | undefined, dest: Uint8Array): void;
  close(): void;
}

export class SafetensorsError extends SteerInputError {}

const defaultAlloc = (n: number): Float32Array => new Float32Array(n);

export function readHeader(file: string): { tensors: Map<string, TensorInfo>; metadata: Record<string, string> } {
  if (!existsSync(file)) throw new SafetensorsError(`${file}: file not found`);
  const fd = openSync(file, 'r');
  try {
    const fileSize = fstatSync(fd).size;
    const lenBuf = Buffer.alloc(8);
    if (readSync(fd, lenBuf, 0, 8, 0) !== 8) throw new SafetensorsError(`${file}: too short to be safetensors`);
    const headerLen = Number(lenBuf.readBigUInt64LE(0));
    if (headerLen > fileSize - 8)
      throw new SafetensorsError(`${file}: header length ${headerLen} is larger than the file (${fileSize} bytes): not a safetensors file, or truncated`);
    if (headerLen > 100_000_000) throw new SafetensorsError(`${file}: implausible header length ${headerLen}`);
    const headerBuf = Buffer.alloc(headerLen);
    if (readSync(fd, headerBuf, 0, headerLen, 8) !== headerLen) throw new SafetensorsError(`${file}: truncated header`);
    let header: unknown;
    try {
      header = JSON.parse(headerBuf.toString('utf8'));
    } catch (e) {
      throw new SafetensorsError(`${file}: header is not valid JSON (${(e as Error).message})`);
    }
    if (!isObject(header)) throw new SafetensorsError(`${file}: header is not a JSON object`);
    const dataBytes = fileSize - 8 - headerLen;
    const tensors = new Map<string, TensorInfo>();
    for (const [name, raw] of Object.entries(header)) {
      if (name === '__metadata__') continue;
      const [begin, end] = checkEntry(file, name, raw);
      if (end > dataBytes) {
        throw new SafetensorsError(`${file}: tensor '${name}' ends at byte ${8 + headerLen + end} but the file has ${fileSize}: truncated`);
      }
      const t = raw as { dtype: string; shape: number[] };
      tensors.set(name, { name, dtype: t.dtype, shape: t.shape, start: 8 + headerLen + begin, byteLength: end - begin, file });
    }
    const metadata = header.__metadata__;
    return { tensors, metadata: isObject(metadata) ? (metadata as Record<string, string>) : {} };
  } finally {
    closeSync(fd);
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

/** A header entry's [begin, end] data offsets, after checking its fields have the format's types. */
function checkEntry(file: string, name: string, raw: unknown): [number, number] {
  const t = raw as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
  const offsets = t?.data_offsets;
  const ok =
    isObject(raw) &&
    typeof t.dtype === 'string' &&
    Array.isArray(t.shape) &&
    t.shape.every(isCount) &&
    Array.isArray(offsets) &&
    offsets.length === 2 &&
    isCount(offsets[0]) &&
    isCount(offsets[1]) &&
    offsets[0] <= offsets[1];
  if (!ok) {
    throw new SafetensorsError(
      `${file}: tensor '${name}' needs "dtype", "shape" and "data_offsets" ([begin, end], begin <= end), found ${JSON.stringify(raw)}`,
    );
  }
  return offsets as [number, number];
}

/** Checks the dtype, the shape and the byte count of a tensor; returns its dtype. */
function checkTensor(info: TensorInfo, expectShape?: number[]): DType {
  const where = `${basename(info.file)}: tensor '${info.name}'`;
  if (!(info.dtype in BYTES)) {
    throw new SafetensorsError(`${where} has unsupported dtype ${info.dtype} (supported: F32, F16, BF16)`);
  }
  if (expectShape && !sameShape(info.shape, expectShape)) {
    throw new SafetensorsError(`${where} has shape [${info.shape}], expected [${expectShape}]`);
  }
  const n = info.shape.reduce((a, b) => a * b, 1);
  if (n * BYTES[info.dtype as DType] !== info.byteLength) {
    throw new SafetensorsError(`${where}: ${info.byteLength} bytes of data for shape [${info.shape}] ${info.dtype}`);
  }
  return info.dtype as DType;
}

function readRawTensor(info: TensorInfo, expectShape: number[] | undefined, dest: Uint8Array): void {
  checkTensor(info, expectShape);
  if (dest.byteLength !== info.byteLength) throw new Error(`readRaw: ${dest.byteLength}-byte destination for ${info.byteLength} bytes of '${info.name}'`);
  const fd = openSync(info.file, 'r');
  try {
    let done = 0;
    while (done < dest.length) {
      const got = readSync(fd, dest, done, Math.min(dest.length - done, 1 << 30), info.start + done);
      if (got === 0) throw new SafetensorsError(`${basename(info.file)}: tensor '${info.name}': file ends before the tensor's data does`);
      done += got;
    }
  } finally {
    closeSync(fd);
  }
}

export function readTensor(info: TensorInfo, expectShape?: number[], alloc = defaultAlloc): Float32Array {
  const dtype = checkTensor(info, expectShape);
  const n = info.shape.reduce((a, b) => a * b, 1);
  const out = alloc(n);
  if (dtype === 'F32') {
    readRawTensor(info, expectShape, new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
    return out;
  }
  // A fresh buffer is 8-byte aligned, so typed views over it are legal.
  const raw = new Uint8Array(info.byteLength);
  readRawTensor(info, expectShape, raw);
  if (dtype === 'F16') decodeF16(new Uint16Array(raw.buffer, 0, n), out);
  else decodeBF16(new Uint16Array(raw.buffer, 0, n), out);
  return out;
}

function sameShape(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Tensors spread over one or more files, addressed by name. */
class FileTensorStore implements TensorStore {
  constructor(
    readonly label: string,
    private readonly index: Map<string, TensorInfo>,
  ) {}
  names(): string[] {
    return [...this.index.keys()];
  }
  has(name: string): boolean {
    return this.index.has(name);
  }
  private info(name: string): TensorInfo {
    const info = this.index.get(name);
    if (!info) throw new SafetensorsError(`${this.label}: tensor '${name}' not found`);
    return info;
  }
  shape(name: string): number[] {
    return this.info(name).shape;
  }
  dtype(name: string, expectShape?: number[]): DType {
    return checkTensor(this.info(name), expectShape);
  }
  read(name: string, expectShape?: number[], alloc?: (n: number) => Float32Array): Float32Array {
    return readTensor(this.info(name), expectShape, alloc);
  }
  readRaw(name: string, expectShape: number[] | undefined, dest: Uint8Array): void {
    readRawTensor(this.info(name), expectShape, dest);
  }
  close(): void {}
}

export function openSafetensors(file: string): TensorStore {
  return new FileTensorStore(basename(file), readHeader(file).tensors);
}

/** A model folder: `model.safetensors.index.json` + shards, or a single `model.safetensors`. */
export function openCheckpoint(dir: string): TensorStore {
  const indexPath = join(dir, 'model.safetensors.index.json');
  if (existsSync(indexPath)) return openSharded(indexPath);
  const single = join(dir, 'model.safetensors');
  if (existsSync(single)) return openSafetensors(single);
  throw new SafetensorsError(`${dir}: neither model.safetensors.index.json nor model.safetensors found`);
}

function openSharded(indexPath: string): TensorStore {
  let index: unknown;
  try {
    index = JSON.parse(readFileSync(indexPath, 'utf8'));
  } catch (e) {
    throw new SafetensorsError(`${indexPath}: not valid JSON (${(e as Error).message})`);
  }
  const weightMap = isObject(index) ? index.weight_map : undefined;
  if (weightMap === undefined) throw new SafetensorsError(`${indexPath}: no "weight_map"`);
  if (!isObject(weightMap) || !Object.values(weightMap).every((v) => typeof v === 'string')) {
    throw new SafetensorsError(`${indexPath}: "weight_map" must map tensor names to shard file names`);
  }
  const headers = new Map<string, Map<string, TensorInfo>>();
  const all = new Map<string, TensorInfo>();
  for (const [name, shard] of Object.entries(weightMap as Record<string, string>)) {
    const shardPath = join(dirname(indexPath), shard);
    if (!headers.has(shard)) {
      if (!existsSync(shardPath)) {
        throw new SafetensorsError(`${basename(indexPath)} maps tensor '${name}' to ${shard}, which does not exist`);
      }
      headers.set(shard, readHeader(shardPath).tensors);
    }
    const info = headers.get(shard)!.get(name);
    if (!info) throw new SafetensorsError(`${shard}: tensor '${name}' listed in ${basename(indexPath)} not found`);
    all.set(name, info);
  }
  return new FileTensorStore(basename(indexPath), all);
}
