// Hook site: the residual stream at the OUTPUT of block L (blocks numbered
// from 0), i.e. HF's hidden_states[L + 1]; for the last block this is before
// the final norm. These helpers build BlockOutputHooks for forward().
import type { BlockOutputHook } from '../model/forward.ts';

/**
 * 'last': add to the final position of every forward pass. With a KV cache
 * that is the last prompt token on the prefill pass and then each newly
 * generated token: what the authors' PyTorch forward hook does during
 * generate(). 'all': add at every position of every pass.
 */
export type SteerPositions = 'last' | 'all';

export interface Steering {
  layer: number;
  vector: Float32Array;
  /** Multiplies `vector`: the residual gains alpha * vector. */
  alpha: number;
  positions: SteerPositions;
}

export function steeringHook(s: Steering): BlockOutputHook {
  return (layer, resid, T) => {
    if (layer !== s.layer || s.alpha === 0) return;
    const D = s.vector.length;
    for (let t = s.positions === 'last' ? T - 1 : 0; t < T; t++) {
      for (let i = 0; i < D; i++) resid[t * D + i] = resid[t * D + i]! + s.alpha * s.vector[i]!;
    }
  };
}

/** Copies of the block outputs (last position only, or every position) of the layers asked for. */
export function captureHook(
  layers: number[] | 'all',
  rows: 'last' | 'all',
  D: number,
): {
  hook: BlockOutputHook;
  outputs: Map<number, Float32Array>;
} {
  const outputs = new Map<number, Float32Array>();
  const wanted = layers === 'all' ? null : new Set(layers);
  const hook: BlockOutputHook = (layer, resid, T) => {
    if (wanted && !wanted.has(layer)) return;
    outputs.set(layer, rows === 'last' ? resid.slice((T - 1) * D, T * D) : resid.slice(0, T * D));
  };
  return { hook, outputs };
}

/** Runs hooks in order; a capture listed after a steering hook sees the steered values. */
export function composeHooks(...hooks: (BlockOutputHook | undefined)[]): BlockOutputHook {
  const hs = hooks.filter((h): h is BlockOutputHook => !!h);
  return (layer, resid, T, start) => {
    for (const h of hs) h(layer, resid, T, start);
  };
}
