// The uniform in-memory weight layout every architecture is loaded into, and
// the reading helpers the architecture modules share. Every matrix ends up
// [out, in] row-major (the nn.Linear layout), so a matrix-vector product
// walks each row contiguously. Q, K and V are fused into one [q; k; v] matrix
// and gate/up into one [gate; up] matrix so that a token costs one pass per
// fused matrix instead of three or two.
import { SafetensorsError, type TensorStore } from '../io/safetensors.ts';

export interface Linear {
  w: Float32Array;
  b: Float32Array | null;
  inDim: number;
  outDim: number;
}
export interface Norm {
  w: Float32Array;
  b: Float32Array | null;
}
export interface LayerWeights {
  ln1: Norm;
  ln2: Norm;
  qkv: Linear;
  o: Linear;
  /** [gate; up] rows when the MLP is gated, else the plain up-projection. */
  up: Linear;
  down: Linear;
}
export interface ModelWeights {
  embed: Float32Array;
  posEmbed: Float32Array | null;
  layers: LayerWeights[];
  finalNorm: Norm;
  unembed: Linear;
}

export type Alloc = (n: number) => Float32Array;

/** Reads named tensors of one checkpoint into `alloc`ated memory, checking every shape. */
export class WeightReader {
  constructor(readonly store: TensorStore, readonly alloc: Alloc) {}

  /** Which of the usual prefixes (e.g. "model." vs none for a bare base model) the checkpoint uses. */
  prefix(probe: string, candidates: string[]): string {
    for (const p of candidates) if (this.store.has(p + probe)) return p;
    throw new SafetensorsError(`${this.store.label}: tensor '${candidates[0]}${probe}' not found`);
  }

  tensor(name: string, shape: number[]): Float32Array {
    return this.store.read(name, shape, this.alloc);
  }

  norm(name: string, dim: number, bias: boolean): Norm {
    return { w: this.tensor(`${name}.weight`, [dim]), b: bias ? this.tensor(`${name}.bias`, [dim]) : null };
  }

  linear(name: string, outDim: number, inDim: number, bias: boolean): Linear {
    return { w: this.tensor(`${name}.weight`, [outDim, inDim]), b: bias ? this.tensor(`${name}.bias`, [outDim]) : null, inDim, outDim };
  }

  /** Several nn.Linear weights with the same input stacked row-wise into one matrix (q/k/v, gate/up). */
  stack(names: string[], rows: number[], inDim: number, bias: boolean): Linear {
    const outDim = rows.reduce((a, b) => a + b, 0);
    const w = this.alloc(outDim * inDim);
    const b = bias ? this.alloc(outDim) : null;
    let r = 0;
    names.forEach((n, k) => {
      w.set(this.store.read(`${n}.weight`, [rows[k]!, inDim]), r * inDim);
      if (b) b.set(this.store.read(`${n}.bias`, [rows[k]!]), r);
      r += rows[k]!;
    });
    return { w, b, inDim, outDim };
  }

  /** GPT-2's Conv1D stores [in, out]; transposed once at load time. */
  conv1d(name: string, inDim: number, outDim: number): Linear {
    const src = this.store.read(`${name}.weight`, [inDim, outDim]);
    const w = this.alloc(inDim * outDim);
    for (let i = 0; i < inDim; i++) for (let o = 0; o < outDim; o++) w[o * inDim + i] = src[i * outDim + o]!;
    return { w, b: this.tensor(`${name}.bias`, [outDim]), inDim, outDim };
  }

  /**
   * A fused QKV projection stored per key/value group as [q heads of the
   * group; k; v] (GPT-NeoX and BLOOM: one query head per group; Falcon:
   * H / KH query heads per group), regrouped into [all q; all k; all v].
   */
  groupedQkv(name: string, H: number, KH: number, hd: number, inDim: number, bias: boolean): Linear {
    const outDim = (H + 2 * KH) * hd;
    const w = groupedToBlocks(this.store.read(`${name}.weight`, [outDim, inDim]), H, KH, hd, inDim, this.alloc);
    const b = bias ? groupedToBlocks(this.store.read(`${name}.bias`, [outDim]), H, KH, hd, 1, this.alloc) : null;
    return { w, b, inDim, outDim };
  }
}

/** Rows [q_g..., k_g, v_g] per group g -> [q_0 .. q_{H-1}; k_0 .. k_{KH-1}; v_0 .. v_{KH-1}]. */
export function groupedToBlocks(src: Float32Array, H: number, KH: number, hd: number, cols: number, alloc: Alloc): Float32Array {
  const out = alloc(src.length);
  const perGroup = H / KH;
  const headRows = hd * cols;
  const copy = (fromHead: number, toHead: number): void => {
    out.set(src.subarray(fromHead * headRows, (fromHead + 1) * headRows), toHead * headRows);
  };
  for (let g = 0; g < KH; g++) {
    const base = g * (perGroup + 2);
    for (let j = 0; j < perGroup; j++) copy(base + j, g * perGroup + j);
    copy(base + perGroup, H + g);
    copy(base + perGroup + 1, H + KH + g);
  }
  return out;
}
