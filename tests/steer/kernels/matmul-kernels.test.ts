import { describe, expect, it } from 'vitest';
import { bf16BitsToNumber, f16BitsToNumber, numberToBF16Bits, numberToF16Bits } from '../../../steer/io/half.ts';
import { matmulRange, readRow, type WeightDType } from '../../../steer/kernels/matmul-kernels.mjs';

const rand = (seed: number): (() => number) => {
  let a = seed;
  return () => ((a = (a * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
};

/** A [rows, cols] matrix as 16-bit bits, and the float32 values those bits stand for. */
function halfMatrix(dtype: 'BF16' | 'F16', rows: number, cols: number, seed: number): { bits: Uint16Array; values: Float32Array } {
  const r = rand(seed);
  const enc = dtype === 'BF16' ? numberToBF16Bits : numberToF16Bits;
  const dec = dtype === 'BF16' ? bf16BitsToNumber : f16BitsToNumber;
  const bits = Uint16Array.from({ length: rows * cols }, () => enc(r()));
  return { bits, values: Float32Array.from(bits, dec) };
}

describe('matrix kernels over 16-bit weights', () => {
  // 13 rows: one block of 8 plus a tail of 5 (T = 1), three blocks of 4 plus
  // one row (T > 1); 1100 columns: two full 512-column chunks and a partial one.
  const rows = 13,
    cols = 1100;
  for (const dtype of ['BF16', 'F16'] as const) {
    it(`gives ${dtype} weights bit-identical products to their float32 values, for 1 to 5 tokens and a row range`, () => {
      const { bits, values } = halfMatrix(dtype, rows, cols, 7);
      const r = rand(3);
      const b = Float32Array.from({ length: rows }, r);
      for (const T of [1, 2, 3, 5]) {
        const x = Float32Array.from({ length: T * cols }, r);
        const want = new Float32Array(T * rows),
          got = new Float32Array(T * rows);
        matmulRange(x, T, cols, values, 'F32', b, want, rows, 2, rows);
        matmulRange(x, T, cols, bits, dtype, b, got, rows, 2, rows);
        expect(Array.from(got)).toEqual(Array.from(want));
        // Rows before rowStart are left alone.
        expect(got[0]).toBe(0);
        expect(want[rows + 2]).not.toBe(0);
      }
    });
  }

  it('computes one product by hand: y = W x + b with BF16 weights', () => {
    // 1, -2, 0.5 and 3 are exact in BF16.
    const w = Uint16Array.from([1, -2, 0.5, 3].map(numberToBF16Bits));
    const y = new Float32Array(2);
    matmulRange(Float32Array.from([2, 4]), 1, 2, w, 'BF16', Float32Array.from([0.25, -1]), y, 2, 0, 2);
    expect(Array.from(y)).toEqual([1 * 2 - 2 * 4 + 0.25, 0.5 * 2 + 3 * 4 - 1]);
  });

  it('widens one row of any dtype for the embedding lookup', () => {
    for (const dtype of ['F32', 'BF16', 'F16'] as WeightDType[]) {
      const { bits, values } = halfMatrix(dtype === 'F16' ? 'F16' : 'BF16', 3, 5, 11);
      const out = new Float32Array(7);
      readRow(dtype === 'F32' ? values : bits, dtype, 5, 2, out, 1);
      expect(Array.from(out.subarray(1, 6))).toEqual(Array.from(values.subarray(10, 15)));
      expect(out[0]).toBe(0);
    }
  });
});
