// A steering vector in the three file formats, chosen by extension when
// writing and by content when reading:
//  - .json: this project's `cape-steer-vector/1` (vector-file.ts);
//  - .gguf: a llama.cpp control vector, as repeng exports them: metadata
//    general.architecture "controlvector", controlvector.model_hint and
//    controlvector.layer_count, and one F32 tensor `direction.N` per block;
//  - .safetensors: one F32 tensor `direction` with the layer, hook site,
//    operation, model config hash and unit-norm flag as metadata.
// Both binary formats also carry the whole vector file's fields as JSON
// (`cape.vector`, `cape_vector`), so a vector made here round-trips; a
// control vector made elsewhere is read as "imported".
//
// Layer index: llama.cpp adds `direction.N` to the output of block N
// (blocks from 0: its `l_out` of layer N), our hook site, so N is our
// `layer`. But llama.cpp refuses `direction.0` (it never steers block 0's
// output), and it adds the vector at every position of every pass (our
// `--positions all`), scaled by --control-vector-scaled's factor (1 for
// --control-vector).
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { encodeGguf, readGguf, type GgufValue } from './gguf.ts';
import { readHeader, readTensor } from './safetensors.ts';
import { encodeSafetensors } from './safetensors-write.ts';
import { readVectorFile, VECTOR_FORMAT, VectorFileError, writeVectorFile, type VectorFile } from './vector-file.ts';

export type VectorFormat = 'json' | 'gguf' | 'safetensors';

export function formatOf(path: string): VectorFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.gguf') return 'gguf';
  if (ext === '.safetensors') return 'safetensors';
  if (ext === '.json' || ext === '') return 'json';
  throw new VectorFileError(`${path}: unknown vector file extension "${ext}" (.json, .gguf or .safetensors)`);
}

export interface WriteOptions {
  /** GGUF only: the direction is written multiplied by this, since llama.cpp adds it as stored (default 1). */
  scale?: number;
}

export function writeVectorAny(path: string, v: VectorFile, o: WriteOptions = {}): void {
  const format = formatOf(path);
  if (format === 'json') writeVectorFile(path, v);
  else if (format === 'gguf') writeFileSync(path, encodeControlVector(v, o.scale ?? 1));
  else writeFileSync(path, encodeSafetensorsVector(v));
}

/** `layer` picks one direction of a control vector that has several. */
export function readVectorAny(path: string, o: { layer?: number } = {}): VectorFile {
  const head = Buffer.alloc(4);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') === 'GGUF') return readControlVector(path, o.layer);
  if (extname(path).toLowerCase() === '.safetensors') return readSafetensorsVector(path);
  return readVectorFile(path);
}

const metaOf = (v: VectorFile): Omit<VectorFile, 'vector'> => {
  const { vector: _vector, ...rest } = v;
  return rest;
};

function encodeControlVector(v: VectorFile, scale: number): Buffer {
  if (v.layer === 0) {
    throw new VectorFileError(`a llama.cpp control vector cannot steer block 0: llama.cpp refuses direction.0 (build the vector at a layer >= 1)`);
  }
  return encodeGguf(
    [
      ['general.architecture', 'controlvector'],
      ['controlvector.model_hint', v.model.modelType],
      ['controlvector.layer_count', { u32: 1 }],
      ['cape.vector', JSON.stringify(metaOf(v))],
      ['cape.scale', { f32: scale }],
    ],
    [{ name: `direction.${v.layer}`, data: Float32Array.from(v.vector, (x) => x * scale) }],
  );
}

function readControlVector(path: string, layer?: number): VectorFile {
  const g = readGguf(path);
  const arch = g.metadata.get('general.architecture');
  if (arch !== undefined && arch !== 'controlvector') {
    throw new VectorFileError(`${path}: general.architecture is ${JSON.stringify(arch)}, not "controlvector": a model, not a control vector`);
  }
  const directions = new Map<number, Float32Array>();
  for (const t of g.tensors) {
    const m = /^direction\.(\d+)$/.exec(t.name);
    if (!m) throw new VectorFileError(`${path}: tensor '${t.name}' is not named direction.N, so this is not a control vector`);
    if (t.dims.length !== 1) throw new VectorFileError(`${path}: tensor '${t.name}' has shape [${t.dims}], a control vector's are one-dimensional`);
    const n = Number(m[1]);
    // llama.cpp sums repeated indices; so do we.
    const prev = directions.get(n);
    directions.set(n, prev ? prev.map((x, i) => x + t.data[i]!) : t.data);
  }
  if (directions.size === 0) throw new VectorFileError(`${path}: no direction.N tensors: not a control vector`);
  const widths = new Set([...directions.values()].map((d) => d.length));
  if (widths.size > 1) throw new VectorFileError(`${path}: direction tensors have different lengths (${[...widths].join(', ')})`);
  const layers = [...directions.keys()].sort((a, b) => a - b);
  const chosen = layer ?? (layers.length === 1 ? layers[0]! : undefined);
  if (chosen === undefined) throw new VectorFileError(`${path}: directions for blocks ${layers.join(', ')}: choose one with --vector-layer`);
  const data = directions.get(chosen);
  if (!data) throw new VectorFileError(`${path}: no direction.${chosen} (it has blocks ${layers.join(', ')})`);
  const cape = g.metadata.get('cape.vector');
  if (typeof cape === 'string') {
    const scale = Number(g.metadata.get('cape.scale') ?? 1);
    return fromMeta(
      path,
      cape,
      Array.from(data, (x) => x / scale),
    );
  }
  const hint = g.metadata.get('controlvector.model_hint');
  return imported(path, chosen, Array.from(data), typeof hint === 'string' ? hint : 'unknown', g.metadata.get('controlvector.layer_count'));
}

function encodeSafetensorsVector(v: VectorFile): Buffer {
  return encodeSafetensors([{ name: 'direction', shape: [v.dModel], data: Float32Array.from(v.vector) }], {
    format: VECTOR_FORMAT,
    layer: String(v.layer),
    hook_site: v.hookSite,
    operation: v.operation,
    model_config_sha256: v.model.configSha256,
    unit_norm: String(Math.abs(v.norm - 1) < 1e-6),
    cape_vector: JSON.stringify(metaOf(v)),
  });
}

function readSafetensorsVector(path: string): VectorFile {
  const { tensors, metadata: meta } = readHeader(path);
  const info = tensors.get('direction');
  if (!info) throw new VectorFileError(`${path}: no tensor 'direction': not a steering vector`);
  if (info.shape.length !== 1) throw new VectorFileError(`${path}: tensor 'direction' has shape [${info.shape}], expected one dimension`);
  const data = Array.from(readTensor(info));
  if (meta.cape_vector) return fromMeta(path, meta.cape_vector, data);
  const layer = Number(meta.layer);
  if (!Number.isInteger(layer) || layer < 0) throw new VectorFileError(`${path}: metadata "layer" must be a block index, found ${JSON.stringify(meta.layer)}`);
  if ((meta.hook_site ?? 'block_output') !== 'block_output' || (meta.operation ?? 'add') !== 'add') {
    throw new VectorFileError(`${path}: hook site ${meta.hook_site} / operation ${meta.operation} not supported (block_output / add)`);
  }
  const v = imported(path, layer, data, 'unknown', undefined);
  return { ...v, model: { ...v.model, configSha256: meta.model_config_sha256 ?? '' } };
}

/** Our own fields, carried as JSON, around the stored numbers. */
function fromMeta(path: string, json: string, vector: number[]): VectorFile {
  let meta: Omit<VectorFile, 'vector'>;
  try {
    meta = JSON.parse(json) as Omit<VectorFile, 'vector'>;
  } catch (e) {
    throw new VectorFileError(`${path}: the embedded vector description is not valid JSON (${(e as Error).message})`);
  }
  if (meta.format !== VECTOR_FORMAT || meta.dModel !== vector.length) {
    throw new VectorFileError(
      `${path}: the embedded description (format ${JSON.stringify(meta.format)}, d_model ${meta.dModel}) does not match the ${vector.length}-entry direction`,
    );
  }
  return { ...meta, vector };
}

/** A direction made elsewhere: everything but its numbers and its block is unknown. */
function imported(path: string, layer: number, vector: number[], hint: string, layerCount: GgufValue | undefined): VectorFile {
  return {
    format: VECTOR_FORMAT,
    model: { configSha256: '', modelType: hint, nLayers: typeof layerCount === 'number' ? layerCount : 0, source: basename(path) },
    layer,
    hookSite: 'block_output',
    operation: 'add',
    dModel: vector.length,
    method: 'imported',
    statementSet: null,
    signConvention: 'unknown',
    residualRms: null,
    norm: Math.sqrt(vector.reduce((a, x) => a + x * x, 0)),
    vector,
  };
}
