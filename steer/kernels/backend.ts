// Where matrix products run. The forward pass allocates its activation
// buffers, and the loader its weights, through the backend: a
// multi-threaded backend hands out SharedArrayBuffer memory that its
// workers see without copying, and weights go into WebAssembly memory when
// SIMD is available, where the SIMD kernels (simd.mjs) read them.
import { matmulRange } from './matmul-kernels.mjs';
import { KERNEL, SimdArena, simdLinear, simdModule } from './simd.mjs';
import type { Alloc, Linear } from '../model/weights.ts';

export interface MatmulBackend {
  readonly threads: number;
  alloc(n: number): Float32Array;
  /** Where weights go: WebAssembly memory for the SIMD kernels, or shared memory when workers must read them. */
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

/** The SIMD kernels need the input width in whole blocks of 8. */
export const simdFits = (lin: Linear): boolean => lin.inDim % 8 === 0;

/** Plain JavaScript kernels over ordinary arrays: the reference the SIMD path is tested against, and the fallback. */
export const serialBackend: MatmulBackend = {
  threads: 1,
  alloc: heapAlloc.f32,
  weights: heapAlloc,
  linear: (x, T, lin, y) => matmulRange(x, T, lin.inDim, lin.w, lin.dtype, lin.b, y, lin.outDim, 0, lin.outDim),
  close: async () => {},
};

/** One thread; weights in WebAssembly memory and SIMD kernels where available, else serialBackend. */
export function createSerialBackend(): MatmulBackend {
  if (!simdModule()) return serialBackend;
  const arena = new SimdArena();
  return {
    threads: 1,
    alloc: heapAlloc.f32,
    weights: arena,
    linear(x, T, lin, y) {
      const m = arena.of(lin.w);
      if (!m || !simdFits(lin)) return serialBackend.linear(x, T, lin, y);
      const kernel = m.instance.exports[KERNEL[lin.dtype]] as (...a: number[]) => void;
      simdLinear(m, x, T, lin.inDim, lin.b, y, lin.outDim, (tc, yPtr) => kernel(0, tc, lin.inDim, lin.w.byteOffset, yPtr, lin.outDim, 0, lin.outDim));
    },
    close: async () => {},
  };
}
