import { describe, expect, it } from 'vitest';
import { f16BitsToNumber, numberToBF16Bits, numberToF16Bits, bf16BitsToNumber } from '../../../steer/io/half.ts';
import { deinterleave, KERNEL, SimdArena, simdLinear, simdModule } from '../../../steer/kernels/simd.mjs';

const rand = (seed: number): (() => number) => {
  let a = seed;
  return () => ((a = (a * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
};

/** y = x·wᵀ + b through the SIMD kernel of `dtype`, for weights placed in a fresh arena. */
function product(
  dtype: 'F32' | 'BF16' | 'F16',
  w: Float32Array | Uint16Array,
  x: Float32Array,
  T: number,
  n: number,
  rows: number,
  b: Float32Array | null,
): Float32Array {
  const arena = new SimdArena();
  const held = dtype === 'F32' ? arena.f32(w.length) : arena.u16(w.length);
  held.set(w);
  const m = arena.of(held)!;
  const kernel = m.instance.exports[KERNEL[dtype]] as (...a: number[]) => void;
  const y = new Float32Array(T * rows);
  simdLinear(m, x, T, n, b, y, rows, (tc, yPtr) => kernel(0, tc, n, held.byteOffset, yPtr, rows, 0, rows));
  return y;
}

describe('WebAssembly SIMD kernels', () => {
  it('are available on this Node', () => {
    expect(simdModule()).not.toBeNull();
  });

  it('store each block of 8 inputs as the even entries, then the odd ones', () => {
    const out = new Float32Array(16);
    deinterleave(
      Float32Array.from({ length: 16 }, (_, i) => i),
      2,
      8,
      out,
    );
    expect(Array.from(out)).toEqual([0, 2, 4, 6, 1, 3, 5, 7, 8, 10, 12, 14, 9, 11, 13, 15]);
  });

  // 7 rows: one block of 4 and 3 single rows; 40 columns: 5 blocks of 8.
  const rows = 7,
    n = 40;
  for (const dtype of ['BF16', 'F16'] as const) {
    it(`give ${dtype} weights bit-identical products to their float32 values, within float32 rounding of a double sum`, () => {
      const r = rand(5);
      const enc = dtype === 'BF16' ? numberToBF16Bits : numberToF16Bits;
      const dec = dtype === 'BF16' ? bf16BitsToNumber : f16BitsToNumber;
      // F16 subnormals (below 6.1e-5) and signed zeros are among the weights.
      const bits = Uint16Array.from({ length: rows * n }, (_, i) => enc(i % 9 === 0 ? r() * 1e-6 : i % 13 === 0 ? -0 : r()));
      const values = Float32Array.from(bits, dec);
      const b = Float32Array.from({ length: rows }, r);
      for (const T of [1, 2, 3]) {
        const x = Float32Array.from({ length: T * n }, r);
        const got = product(dtype, bits, x, T, n, rows, b);
        expect(Array.from(got)).toEqual(Array.from(product('F32', values, x, T, n, rows, b)));
        for (let t = 0; t < T; t++)
          for (let o = 0; o < rows; o++) {
            let s = b[o]!;
            for (let i = 0; i < n; i++) s += x[t * n + i]! * values[o * n + i]!;
            expect(got[t * rows + o]).toBeCloseTo(s, 5);
          }
      }
    });
  }

  it('widen F16 infinities and NaN as such', () => {
    const w = new Uint16Array(8).fill(numberToF16Bits(0));
    w[3] = 0x7c00; // +inf
    w[6] = 0xfc00; // -inf, so the row sums to NaN
    const x = new Float32Array(8).fill(1);
    const one = product('F16', w.slice(0, 8), x, 1, 8, 1, null);
    expect(one[0]).toBeNaN();
    w[6] = 0;
    expect(product('F16', w, x, 1, 8, 1, null)[0]).toBe(Infinity);
  });

  it('keep each tensor in a WebAssembly memory the arena can find again, and ordinary arrays outside', () => {
    const arena = new SimdArena();
    const a = arena.u16(10),
      c = arena.f32(3);
    expect(arena.of(a)).toBe(arena.memories[0]);
    expect(arena.of(c)).toBe(arena.memories[0]);
    expect(c.byteOffset % 16).toBe(0);
    expect(arena.of(new Float32Array(4))).toBeUndefined();
  });
});
