// What the engine computes for one prompt, laid bare: its token ids and
// vocabulary pieces, the last position's logits (top k, or all), the
// residual stream at chosen block outputs, and a greedy continuation with
// each step's top-1 minus top-2 logit margin; once unsteered and, given a
// vector, once steered.
import { SteerInputError } from '../errors.ts';
import type { BlockOutputHook } from '../model/forward.ts';
import type { LoadedModel } from '../model/load.ts';
import { lastTokenStatesOfIds } from '../steering/activations.ts';
import { captureHook, composeHooks, steeringHook, type SteerPositions } from '../steering/hooks.ts';
import { argmax } from '../steering/sampling.ts';
import { resolveStrength, type StrengthSpec } from '../steering/strength.ts';
import type { VectorFile } from '../io/vector-file.ts';

export interface InspectOptions {
  /** The k largest last-position logits are listed; with allLogits every one is printed too. */
  topK: number;
  allLogits: boolean;
  /** Block outputs (blocks from 0) whose residual stream is reported at every prompt position. */
  layers: number[];
  maxNewTokens: number;
  steer?: { vector: VectorFile; strength: StrengthSpec; positions: SteerPositions; source: string } | null;
}

export interface TokenLogit {
  id: number;
  piece: string;
  logit: number;
  logProb: number;
}

export interface InspectRun {
  steering: { vector: string; layer: number; alpha: number; label: string; cos: number | null; positions: SteerPositions } | null;
  lastLogits: { top: TokenLogit[]; all?: number[] };
  /** residual[L][t] = block L's output at prompt position t (after steering, in the steered run). */
  residual: Record<string, number[][]>;
  continuation: { ids: number[]; text: string; steps: { id: number; piece: string; logit: number; margin: number }[] };
}

export interface InspectReport {
  model: { dir: string; modelType: string; nLayers: number; dModel: number; vocabSize: number };
  input: { text: string | null; ids: number[]; pieces: string[]; decoded: string };
  runs: InspectRun[];
}

export function inspectPrompt(lm: LoadedModel, input: { text: string | null; ids: number[] }, o: InspectOptions): InspectReport {
  const { tokenizer, config } = lm;
  const ids = input.ids;
  if (ids.length === 0) throw new SteerInputError('inspect: the prompt has no tokens');
  const bad = ids.find((id) => !(Number.isInteger(id) && id >= 0 && id < config.vocabSize));
  if (bad !== undefined) throw new SteerInputError(`inspect: token id ${bad} outside the model's vocabulary 0..${config.vocabSize - 1}`);
  for (const l of o.layers) {
    if (!(Number.isInteger(l) && l >= 0 && l < config.nLayers)) throw new SteerInputError(`inspect: layer ${l} outside 0..${config.nLayers - 1}`);
  }
  const runs = [run(lm, ids, o, null)];
  if (o.steer) runs.push(run(lm, ids, o, o.steer));
  return {
    model: { dir: lm.dir, modelType: config.modelType, nLayers: config.nLayers, dModel: config.dModel, vocabSize: config.vocabSize },
    input: { text: input.text, ids, pieces: ids.map((id) => tokenizer.piece(id)), decoded: tokenizer.decodeVerbatim(ids) },
    runs,
  };
}

function run(lm: LoadedModel, ids: number[], o: InspectOptions, steer: InspectOptions['steer']): InspectRun {
  const { model, tokenizer, config } = lm;
  let steering: InspectRun['steering'] = null;
  let hook: BlockOutputHook | undefined;
  if (steer) {
    const vf = steer.vector;
    const state = steer.strength.kind === 'authors-gate' ? lastTokenStatesOfIds(model, ids, [vf.layer]).get(vf.layer) : undefined;
    const { alpha, label, cos } = resolveStrength(steer.strength, vf, state);
    steering = { vector: steer.source, layer: vf.layer, alpha, label, cos, positions: steer.positions };
    hook = steeringHook({ layer: vf.layer, vector: Float32Array.from(vf.vector), alpha, positions: steer.positions });
  }
  // Residuals of the prompt pass only; the capture runs after the steering hook, so it sees steered values.
  const cap = captureHook(o.layers, 'all', config.dModel);
  const cache = model.newCache(ids.length + o.maxNewTokens);
  let logits = model.forward(ids, cache, { hook: composeHooks(hook, o.layers.length ? cap.hook : undefined) })!;
  const lastLogits = { top: topTokens(lm, logits, o.topK), ...(o.allLogits ? { all: Array.from(logits) } : {}) };
  const residual: InspectRun['residual'] = {};
  for (const l of o.layers) {
    const rows = cap.outputs.get(l)!;
    residual[l] = Array.from({ length: ids.length }, (_, t) => Array.from(rows.subarray(t * config.dModel, (t + 1) * config.dModel)));
  }
  const steps: InspectRun['continuation']['steps'] = [];
  const stop = new Set(config.eosTokenIds);
  while (steps.length < o.maxNewTokens) {
    const id = argmax(logits);
    const [first, second] = topTokens(lm, logits, 2);
    steps.push({ id, piece: tokenizer.piece(id), logit: first!.logit, margin: first!.logit - (second?.logit ?? -Infinity) });
    if (stop.has(id) || steps.length === o.maxNewTokens) break;
    logits = model.forward([id], cache, { hook })!;
  }
  const out = steps.map((s) => s.id);
  return { steering, lastLogits, residual, continuation: { ids: out, text: tokenizer.decodeVerbatim(out), steps } };
}

/** The k largest logits, ties to the lower id (as argmax does), with log-probabilities. */
function topTokens(lm: LoadedModel, logits: Float32Array, k: number): TokenLogit[] {
  let m = -Infinity;
  for (const x of logits) if (x > m) m = x;
  let z = 0;
  for (const x of logits) z += Math.exp(x - m);
  const logZ = m + Math.log(z);
  return largest(logits, k).map((id) => ({ id, piece: lm.tokenizer.piece(id), logit: logits[id]!, logProb: logits[id]! - logZ }));
}

/** Ids of the k largest values, largest first: one scan with a small sorted list (a vocabulary is too long to sort per step). */
export function largest(a: Float32Array, k: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < a.length && k > 0; i++) {
    if (top.length === k) {
      if (!(a[i]! > a[top[k - 1]!]!)) continue;
      top.pop();
    }
    let j = top.length;
    while (j > 0 && a[i]! > a[top[j - 1]!]!) j--;
    top.splice(j, 0, i);
  }
  return top;
}
