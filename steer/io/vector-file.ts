// The saved steering vector and everything needed to know what it means and
// whether it fits a given model.
import { readFileSync, writeFileSync } from 'node:fs';
import { SteerInputError } from '../errors.ts';

export const VECTOR_FORMAT = 'cape-steer-vector/1';

export type DirectionMethod = 'mean-diff' | 'pca-paired';

export interface VectorFile {
  format: typeof VECTOR_FORMAT;
  model: { configSha256: string; modelType: string; nLayers: number; source: string };
  /** Block index, from 0. */
  layer: number;
  hookSite: 'block_output';
  operation: 'add';
  dModel: number;
  /** 'imported': read from a control vector made elsewhere, which does not say. */
  method: DirectionMethod | 'imported';
  /** null when imported. */
  statementSet: { name: string; sha256: string; nPairs: number } | null;
  signConvention: 'true minus false' | 'unknown';
  /** RMS of the block-`layer` output entries over the statements' last tokens; typical residual L2 norm = residualRms * sqrt(dModel). null when imported. */
  residualRms: number | null;
  /** L2 norm of `vector` (1: directions made here are saved unit-normalised; an imported one keeps its own). */
  norm: number;
  vector: number[];
}

export class VectorFileError extends SteerInputError {}

export function writeVectorFile(path: string, v: VectorFile): void {
  writeFileSync(path, JSON.stringify(v, null, 2) + '\n');
}

export function readVectorFile(path: string): VectorFile {
  let v: VectorFile;
  try {
    v = JSON.parse(readFileSync(path, 'utf8')) as VectorFile;
  } catch (e) {
    throw new VectorFileError(`${path}: cannot read vector file (${(e as Error).message})`);
  }
  if (v.format !== VECTOR_FORMAT) throw new VectorFileError(`${path}: format is ${JSON.stringify(v.format)}, expected "${VECTOR_FORMAT}"`);
  if (!Array.isArray(v.vector) || v.vector.length !== v.dModel) {
    throw new VectorFileError(`${path}: vector has ${v.vector?.length} entries but dModel is ${v.dModel}`);
  }
  if (v.hookSite !== 'block_output' || v.operation !== 'add') {
    throw new VectorFileError(`${path}: hook site ${v.hookSite} / operation ${v.operation} not supported (block_output / add)`);
  }
  return v;
}

/** Refuses a vector made for another architecture; a different config hash is refused unless `force`. */
export function checkVectorFits(v: VectorFile, model: { configSha256: string; dModel: number; nLayers: number }, force = false): void {
  if (v.dModel !== model.dModel) throw new VectorFileError(`the vector has ${v.dModel} entries (d_model), the model's hidden size is ${model.dModel}`);
  if (v.layer < 0 || v.layer >= model.nLayers) throw new VectorFileError(`vector layer ${v.layer} outside the model's 0..${model.nLayers - 1}`);
  if (!force && !v.model.configSha256) {
    throw new VectorFileError(
      `vector ${v.model.source} carries no config.json hash (an imported control vector, model hint "${v.model.modelType}"): check it was made for this model and pass --force`,
    );
  }
  if (!force && v.model.configSha256 !== model.configSha256) {
    throw new VectorFileError(
      `vector was built for config.json sha256 ${v.model.configSha256.slice(0, 12)}…, this model's is ${model.configSha256.slice(0, 12)}… (use --force to apply anyway)`,
    );
  }
}
