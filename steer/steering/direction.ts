// The truth direction at one block output: mean(true) - mean(false) of the
// last-token states (the authors' method), or the top principal axis of the
// paired differences. Always unit-normalised, sign "true minus false".
import { basename } from 'node:path';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { dotProduct, lastTokenStates, meanOf, norm, rms } from './activations.ts';
import type { LoadedModel } from '../model/load.ts';
import { DEFAULT_STATEMENTS, statementSetSha256, type StatementSet } from './statements.ts';
import { VECTOR_FORMAT, type DirectionMethod, type VectorFile } from '../io/vector-file.ts';

export interface DirectionOptions {
  /** Default: floor(nLayers / 4), the authors' probe layer. */
  layer?: number;
  method?: DirectionMethod;
  statements?: StatementSet;
}

export const defaultLayer = (nLayers: number): number => Math.floor(nLayers / 4);

export function computeDirection(lm: LoadedModel, o: DirectionOptions = {}): VectorFile {
  const set = o.statements ?? DEFAULT_STATEMENTS;
  const layer = o.layer ?? defaultLayer(lm.config.nLayers);
  const method = o.method ?? 'mean-diff';
  const trues = lastTokenStates(
    lm,
    set.pairs.map((p) => p.true),
    [layer],
  ).get(layer)!;
  const falses = lastTokenStates(
    lm,
    set.pairs.map((p) => p.false),
    [layer],
  ).get(layer)!;
  const v = method === 'mean-diff' ? meanDifference(trues, falses) : pairedPca(trues, falses);
  return {
    format: VECTOR_FORMAT,
    model: { configSha256: lm.configSha256, modelType: lm.config.modelType, nLayers: lm.config.nLayers, source: basename(lm.dir) },
    layer,
    hookSite: 'block_output',
    operation: 'add',
    dModel: lm.config.dModel,
    method,
    statementSet: { name: set.name, sha256: statementSetSha256(set), nPairs: set.pairs.length },
    signConvention: 'true minus false',
    residualRms: rms([...trues, ...falses]),
    norm: 1,
    vector: Array.from(v),
  };
}

export function meanDifference(trues: Float32Array[], falses: Float32Array[]): Float64Array {
  const a = meanOf(trues),
    b = meanOf(falses);
  return unit(a.map((x, i) => x - b[i]!));
}

/**
 * First principal axis of the paired differences d_k = true_k - false_k,
 * uncentred: centring would subtract the mean difference, which is exactly
 * the shared truth signal. Computed through the small k x k Gram matrix.
 * The sign is chosen to agree with the mean difference.
 */
export function pairedPca(trues: Float32Array[], falses: Float32Array[]): Float64Array {
  const diffs = trues.map((t, k) => Float64Array.from(t, (x, i) => x - falses[k]![i]!));
  const n = diffs.length;
  const gram = Matrix.zeros(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) gram.set(i, j, dotProduct(diffs[i]!, diffs[j]!));
  const evd = new EigenvalueDecomposition(gram, { assumeSymmetric: true });
  const vals = evd.realEigenvalues;
  const top = vals.indexOf(Math.max(...vals));
  const u = evd.eigenvectorMatrix.getColumn(top);
  const v = new Float64Array(diffs[0]!.length);
  diffs.forEach((d, k) => d.forEach((x, i) => (v[i] = v[i]! + u[k]! * x)));
  const md = meanDifference(trues, falses);
  if (dotProduct(v, md) < 0) v.forEach((x, i) => (v[i] = -x));
  return unit(v);
}

export function unit(v: Float64Array): Float64Array {
  const n = norm(v);
  if (n === 0 || !Number.isFinite(n)) throw new Error('direction has zero or non-finite norm: true and false states coincide');
  return v.map((x) => x / n);
}
