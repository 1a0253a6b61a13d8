// The uniform in-memory weight layout every architecture is loaded into, and
// the reading helpers the architecture modules share. Every matrix ends up
// [out, in] row-major (the nn.Linear layout), so a matrix-vector product
// walks each row contiguously. Q, K and V are fused into one [q; k; v] matrix
// and gate/up into one [gate; up] matrix so that a token costs one pass per
// fused matrix instead of three or two. Matrices stay in the checkpoint's
// dtype (BF16 and F16 as raw 16-bit patterns, widened inside the kernels) and
// are read from the file straight into their final place; norms, biases and
// position tables are small and decoded to float32.
import type { WeightDType } from '../kernels/matmul-kernels.mjs';
import { SafetensorsError, type DType, type TensorStore } from '../io/safetensors.ts';

export type WeightArray = Float32Array | Uint16Array;

export interface Linear {
  w: WeightArray;
  dtype: WeightDType;
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
  /** null: the MLP reads ln1's output too (parallel blocks with one norm: Phi, Falcon-7B). */
  ln2: Norm | null;
  qkv: Linear;
  o: Linear;
  /** [gate; up] rows when the MLP is gated, else the plain up-projection. */
  up: Linear;
  down: Linear;
}
export interface ModelWeights {
  /** [vocab, embedDim]; also the unembedding when tied. */
  embed: Linear;
  /** Learned absolute positions [rows, d_model], or null. */
  posEmbed: Float32Array | null;
  /** BLOOM normalises the embeddings before the first block. */
  embedNorm: Norm | null;
  /** OPT: embedDim -> d_model after the lookup, and back before the unembedding. */
  projectIn: Linear | null;
  layers: LayerWeights[];
  /** null for post-norm models, whose blocks end in a norm. */
  finalNorm: Norm | null;
  projectOut: Linear | null;
  unembed: Linear;
}

/** The optional parts absent, for an architecture module to spread and override. */
export const PLAIN: Pick<ModelWeights, 'posEmbed' | 'embedNorm' | 'projectIn' | 'projectOut'> = {
  posEmbed: null,
  embedNorm: null,
  projectIn: null,
  projectOut: null,
};

export interface Alloc {
  f32(n: number): Float32Array;
  u16(n: number): Uint16Array;
}

/** Bytes of every matrix as held (norms and biases, which are tiny, not counted). */
export function heldMatrixBytes(w: ModelWeights): number {
  const seen = new Set<WeightArray>();
  const add = (l: Linear | null): void => void (l && seen.add(l.w));
  [w.embed, w.unembed, w.projectIn, w.projectOut].forEach(add);
  for (const L of w.layers) [L.qkv, L.o, L.up, L.down].forEach(add);
  return [...seen].reduce((a, x) => a + x.byteLength, 0);
}

const bytesView = (a: WeightArray): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Reads named tensors of one checkpoint into `alloc`ated memory, checking every shape. */
export class WeightReader {
  constructor(
    readonly store: TensorStore,
    readonly alloc: Alloc,
  ) {}

  /** Which of the usual prefixes (e.g. "model." vs none for a bare base model) the checkpoint uses. */
  prefix(probe: string, candidates: string[]): string {
    for (const p of candidates) if (this.store.has(p + probe)) return p;
    throw new SafetensorsError(`${this.store.label}: tensor '${candidates[0]}${probe}' not found`);
  }

  /** A small tensor (norm, bias, position table) decoded to float32. */
  tensor(name: string, shape: number[]): Float32Array {
    return this.store.read(name, shape, this.alloc.f32);
  }

  norm(name: string, dim: number, bias: boolean): Norm {
    return { w: this.tensor(`${name}.weight`, [dim]), b: bias ? this.tensor(`${name}.bias`, [dim]) : null };
  }

  /** Room for n weights in `dtype` (16-bit types as raw bits). */
  private array(dtype: DType, n: number): WeightArray {
    return dtype === 'F32' ? this.alloc.f32(n) : this.alloc.u16(n);
  }

  /** A [rows, cols] matrix in its stored dtype, read straight into place (or into a temporary, heap-allocated copy). */
  matrix(name: string, rows: number, cols: number, temporary = false): { w: WeightArray; dtype: DType } {
    const dtype = this.store.dtype(name, [rows, cols]);
    const w = temporary ? (dtype === 'F32' ? new Float32Array(rows * cols) : new Uint16Array(rows * cols)) : this.array(dtype, rows * cols);
    this.store.readRaw(name, [rows, cols], bytesView(w));
    return { w, dtype };
  }

  /** A token-embedding table [vocab, width], usable as a (tied) unembedding. */
  embedding(name: string, vocab: number, width: number): Linear {
    return { ...this.matrix(name, vocab, width), b: null, inDim: width, outDim: vocab };
  }

  linear(name: string, outDim: number, inDim: number, bias: boolean): Linear {
    return { ...this.matrix(`${name}.weight`, outDim, inDim), b: bias ? this.tensor(`${name}.bias`, [outDim]) : null, inDim, outDim };
  }

  /**
   * Several nn.Linear weights with the same input stacked row-wise into one
   * matrix (q/k/v, gate/up), each read straight into its rows. Parts stored
   * in different dtypes (unusual) are all decoded to float32.
   */
  stack(names: string[], rows: number[], inDim: number, bias: boolean): Linear {
    const outDim = rows.reduce((a, b) => a + b, 0);
    const dtypes = names.map((n, k) => this.store.dtype(`${n}.weight`, [rows[k]!, inDim]));
    const dtype = dtypes.every((d) => d === dtypes[0]) ? dtypes[0]! : 'F32';
    const w = this.array(dtype, outDim * inDim);
    const b = bias ? this.alloc.f32(outDim) : null;
    let r = 0;
    names.forEach((n, k) => {
      const part = w.subarray(r * inDim, (r + rows[k]!) * inDim);
      if (dtype === dtypes[k]) this.store.readRaw(`${n}.weight`, [rows[k]!, inDim], bytesView(part));
      else part.set(this.store.read(`${n}.weight`, [rows[k]!, inDim]));
      if (b) b.set(this.store.read(`${n}.bias`, [rows[k]!]), r);
      r += rows[k]!;
    });
    return { w, dtype, b, inDim, outDim };
  }

  /** GPT-2's Conv1D stores [in, out]; transposed once at load time. */
  conv1d(name: string, inDim: number, outDim: number): Linear {
    const src = this.matrix(`${name}.weight`, inDim, outDim, true);
    const w = this.array(src.dtype, inDim * outDim);
    for (let i = 0; i < inDim; i++) for (let o = 0; o < outDim; o++) w[o * inDim + i] = src.w[i * outDim + o]!;
    return { w, dtype: src.dtype, b: this.tensor(`${name}.bias`, [outDim]), inDim, outDim };
  }

  /**
   * A fused QKV projection stored per key/value group as [q heads of the
   * group; k; v] (GPT-NeoX and BLOOM: one query head per group; Falcon:
   * H / KH query heads per group), regrouped into [all q; all k; all v].
   */
  groupedQkv(name: string, H: number, KH: number, hd: number, inDim: number, bias: boolean): Linear {
    const outDim = (H + 2 * KH) * hd;
    const src = this.matrix(`${name}.weight`, outDim, inDim, true);
    const w = groupedToBlocks(src.w, H, KH, hd, inDim, this.array(src.dtype, src.w.length));
    const b = bias ? groupedToBlocks(this.store.read(`${name}.bias`, [outDim]), H, KH, hd, 1, this.alloc.f32(outDim)) : null;
    return { w, dtype: src.dtype, b, inDim, outDim };
  }
}

/** Rows [q_g..., k_g, v_g] per group g -> [q_0 .. q_{H-1}; k_0 .. k_{KH-1}; v_0 .. v_{KH-1}]. */
export function groupedToBlocks<A extends WeightArray>(src: A, H: number, KH: number, hd: number, cols: number, out: A): A {
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
