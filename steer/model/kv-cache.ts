// Keys and values of every past position, per layer, so that a generation
// step only runs the new token through the network.
import type { ModelConfig } from './config.ts';

export class KVCache {
  /** Positions currently held; the next token is written at this position. */
  length = 0;
  private capacity: number;
  readonly kvDim: number;
  k: Float32Array[];
  v: Float32Array[];

  constructor(cfg: ModelConfig, capacity = 64) {
    this.kvDim = cfg.nKvHeads * cfg.headDim;
    this.capacity = capacity;
    this.k = Array.from({ length: cfg.nLayers }, () => new Float32Array(capacity * this.kvDim));
    this.v = Array.from({ length: cfg.nLayers }, () => new Float32Array(capacity * this.kvDim));
  }

  /** Makes room for positions up to `n` (exclusive), doubling to keep appends amortised O(1). */
  reserve(n: number): void {
    if (n <= this.capacity) return;
    let cap = this.capacity;
    while (cap < n) cap *= 2;
    const grow = (a: Float32Array): Float32Array => {
      const b = new Float32Array(cap * this.kvDim);
      b.set(a.subarray(0, this.length * this.kvDim));
      return b;
    };
    this.k = this.k.map(grow);
    this.v = this.v.map(grow);
    this.capacity = cap;
  }

  /** Forgets positions from `n` on: lets the judge score several answers after one shared prefix. */
  truncate(n: number): void {
    if (n > this.length) throw new Error(`cannot truncate a KV cache of length ${this.length} to ${n}`);
    this.length = n;
  }
}
