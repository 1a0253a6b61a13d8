// Where matrix products run. The forward pass allocates its activation
// buffers, and the loader its weights, through the backend so a
// multi-threaded backend can hand out SharedArrayBuffer memory that its
// workers see without copying.
import { matmulRange } from './matmul-kernels.mjs';
import type { Alloc, Linear } from '../model/weights.ts';

export interface MatmulBackend {
  readonly threads: number;
  alloc(n: number): Float32Array;
  /** Where weights go: shared memory when workers must read them. */
  readonly weights: Alloc;
  /** y[T, lin.outDim] = x[T, lin.inDim] · lin.wᵀ + lin.b */
  linear(x: Float32Array, T: number, lin: Linear, y: Float32Array): void;
  close(): Promise<void>;
}

export const heapAlloc: Alloc = { f32: (n) => new Float32Array(n), u16: (n) => new Uint16Array(n) };
export const sharedAlloc: Alloc = {
  f32: (n) => new Float32Array(new SharedArrayBuffer(n * 4)),
  u16: (n) => new Uint16Array(new SharedArrayBuffer(n * 2)),
};

export const serialBackend: MatmulBackend = {
  threads: 1,
  alloc: heapAlloc.f32,
  weights: heapAlloc,
  linear: (x, T, lin, y) => matmulRange(x, T, lin.inDim, lin.w, lin.dtype, lin.b, y, lin.outDim, 0, lin.outDim),
  close: async () => {},
};
