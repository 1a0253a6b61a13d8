export type WeightDType = 'F32' | 'F16' | 'BF16';

/** y[t, o] = b[o] + sum_i x[t, i] * w[o, i] for rows o in [rowStart, rowEnd) and t in [0, T); w in `dtype` (16-bit types as raw bits). */
export function matmulRange(
  x: Float32Array,
  T: number,
  inDim: number,
  w: Float32Array | Uint16Array,
  dtype: WeightDType,
  b: Float32Array | null,
  y: Float32Array,
  outDim: number,
  rowStart: number,
  rowEnd: number,
): void;

/** Row `row` of a [rows, n] matrix held in `dtype`, widened to float32 into out[at .. at + n). */
export function readRow(w: Float32Array | Uint16Array, dtype: WeightDType, n: number, row: number, out: Float32Array, at: number): void;
