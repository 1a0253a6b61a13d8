// Where matrix products run. The forward pass allocates its activation
// buffers through the backend so a multi-threaded backend can hand out
// SharedArrayBuffer memory that its workers see without copying.
import { matmulRange } from './matmul-kernels.mjs';
import type { Linear } from '../model/weights.ts';

export interface MatmulBackend {
  readonly threads: number;
  alloc(n: number): Float32Array;
  /** y[T, lin.outDim] = x[T, lin.inDim] · lin.wᵀ + lin.b */
  linear(x: Float32Array, T: number, lin: Linear, y: Float32Array): void;
  close(): Promise<void>;
}

export const serialBackend: MatmulBackend = {
  threads: 1,
  alloc: (n) => new Float32Array(n),
  linear: (x, T, lin, y) => matmulRange(x, T, lin.inDim, lin.w, lin.b, y, lin.outDim, 0, lin.outDim),
  close: async () => {},
};
