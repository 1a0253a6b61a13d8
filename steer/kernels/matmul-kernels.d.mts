/** y[t, o] = b[o] + sum_i x[t, i] * w[o, i] for rows o in [rowStart, rowEnd) and t in [0, T). */
export function matmulRange(
  x: Float32Array, T: number, inDim: number, w: Float32Array, b: Float32Array | null,
  y: Float32Array, outDim: number, rowStart: number, rowEnd: number,
): void;
