// Last-token residual states at chosen block outputs, one prompt per pass.
// Each pass stops after the deepest layer needed: no unembedding, no cache reuse.
import { SteerInputError } from '../errors.ts';
import { captureHook } from './hooks.ts';
import type { Transformer } from '../model/forward.ts';
import type { LoadedModel } from '../model/load.ts';

/** states.get(layer)[k] = block-`layer` output at the last token of texts[k]. */
export function lastTokenStates(lm: Pick<LoadedModel, 'model' | 'tokenizer'>, texts: string[], layers: number[]): Map<number, Float32Array[]> {
  const { model, tokenizer } = lm;
  const nLayers = model.config.nLayers;
  for (const l of layers) {
    if (!Number.isInteger(l) || l < 0 || l >= nLayers) throw new SteerInputError(`layer ${l} outside 0..${nLayers - 1}`);
  }
  const states = new Map<number, Float32Array[]>(layers.map((l) => [l, []]));
  for (const text of texts) {
    const ids = tokenizer.encode(text);
    if (ids.length === 0) throw new SteerInputError(`prompt tokenizes to nothing: ${JSON.stringify(text)}`);
    const got = lastTokenStatesOfIds(model, ids, layers);
    for (const l of layers) states.get(l)!.push(got.get(l)!);
  }
  return states;
}

/** Block outputs at the last of `ids`, for each of `layers`; the pass stops after the deepest. */
export function lastTokenStatesOfIds(model: Transformer, ids: number[], layers: number[]): Map<number, Float32Array> {
  const cap = captureHook(layers, 'last', model.config.dModel);
  model.forward(ids, model.newCache(ids.length), { hook: cap.hook, stopAfterLayer: Math.max(...layers), logits: 'none' });
  return cap.outputs;
}

export function meanOf(rows: Float32Array[]): Float64Array {
  const m = new Float64Array(rows[0]!.length);
  for (const r of rows) for (let i = 0; i < m.length; i++) m[i] = m[i]! + r[i]!;
  for (let i = 0; i < m.length; i++) m[i] = m[i]! / rows.length;
  return m;
}

export function dotProduct(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

export function norm(a: ArrayLike<number>): number {
  return Math.sqrt(dotProduct(a, a));
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const d = norm(a) * norm(b);
  return d === 0 ? 0 : dotProduct(a, b) / d;
}

/** Root mean square of all entries of all rows. */
export function rms(rows: ArrayLike<number>[]): number {
  let ss = 0,
    n = 0;
  for (const r of rows) {
    ss += dotProduct(r, r);
    n += r.length;
  }
  return Math.sqrt(ss / n);
}
