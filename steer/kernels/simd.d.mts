import type { WeightDType } from './matmul-kernels.mjs';

export interface SimdMemory {
  index: number;
  memory: WebAssembly.Memory;
  instance: WebAssembly.Instance;
  top: number;
}

export const MAX_PAGES: number;
export const SCRATCH_BYTES: number;
export const KERNEL: Record<WeightDType, 'f32' | 'bf16' | 'f16'>;
export function buildModule(maxPages: number): Uint8Array;
export function simdModule(): WebAssembly.Module | null;
export function instantiate(memory: WebAssembly.Memory): WebAssembly.Instance;
export function deinterleave(x: Float32Array, T: number, n: number, out: Float32Array): void;

export class SimdArena {
  constructor(onNewMemory?: (index: number, memory: WebAssembly.Memory) => void);
  readonly memories: SimdMemory[];
  f32(n: number): Float32Array;
  u16(n: number): Uint16Array;
  of(view: ArrayBufferView): SimdMemory | undefined;
}

export function simdLinear(
  m: SimdMemory,
  x: Float32Array,
  T: number,
  n: number,
  b: Float32Array | null,
  y: Float32Array,
  outDim: number,
  runRows: (T: number, yPtr: number) => void,
): void;
