// Numeric kernels over row-major Float32Array activations ([T, dim]).
// Sums are accumulated in JS doubles, which is at least as accurate as the
// float32 accumulation PyTorch uses on CPU.

export function layerNorm(x: Float32Array, T: number, D: number, w: Float32Array, b: Float32Array | null, eps: number, out: Float32Array): void {
  for (let t = 0; t < T; t++) {
    const r = t * D;
    let mean = 0;
    for (let i = 0; i < D; i++) mean += x[r + i]!;
    mean /= D;
    let v = 0;
    for (let i = 0; i < D; i++) v += (x[r + i]! - mean) ** 2;
    const inv = 1 / Math.sqrt(v / D + eps);
    for (let i = 0; i < D; i++) out[r + i] = (x[r + i]! - mean) * inv * w[i]! + (b ? b[i]! : 0);
  }
}

export function rmsNorm(x: Float32Array, T: number, D: number, w: Float32Array, eps: number, out: Float32Array): void {
  for (let t = 0; t < T; t++) {
    const r = t * D;
    let ss = 0;
    for (let i = 0; i < D; i++) ss += x[r + i]! ** 2;
    const inv = 1 / Math.sqrt(ss / D + eps);
    for (let i = 0; i < D; i++) out[r + i] = x[r + i]! * inv * w[i]!;
  }
}

/** Abramowitz & Stegun 7.1.26: |error| < 1.5e-7, below float32 resolution near 1. */
export function erf(x: number): number {
  const s = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return s * (1 - poly * Math.exp(-a * a));
}

export const gelu = (x: number): number => 0.5 * x * (1 + erf(x / Math.SQRT2));
export const geluTanh = (x: number): number => 0.5 * x * (1 + Math.tanh(0.7978845608028654 * (x + 0.044715 * x * x * x)));
export const silu = (x: number): number => x / (1 + Math.exp(-x));
export const relu = (x: number): number => Math.max(x, 0);

export function softmaxInPlace(a: Float64Array | Float32Array, n: number): void {
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (a[i]! > m) m = a[i]!;
  let s = 0;
  for (let i = 0; i < n; i++) {
    a[i] = Math.exp(a[i]! - m);
    s += a[i]!;
  }
  for (let i = 0; i < n; i++) a[i] = a[i]! / s;
}

/** log softmax of row `row` of a [*, V] logits array, at index `id`. */
export function logProbAt(logits: Float32Array, row: number, V: number, id: number): number {
  const r = row * V;
  let m = -Infinity;
  for (let i = 0; i < V; i++) if (logits[r + i]! > m) m = logits[r + i]!;
  let s = 0;
  for (let i = 0; i < V; i++) s += Math.exp(logits[r + i]! - m);
  return logits[r + id]! - m - Math.log(s);
}

/** HF rotary frequencies, rounded to float32 as PyTorch computes them. */
export function ropeInvFreq(rotaryDim: number, theta: number): Float64Array {
  const f = new Float64Array(rotaryDim / 2);
  for (let i = 0; i < f.length; i++) f[i] = Math.fround(1 / Math.fround(theta ** Math.fround((2 * i) / rotaryDim)));
  return f;
}

/**
 * Rotates the first `invFreq.length * 2` dims of each of `nHeads` heads at
 * `offset` in the "rotate_half" convention used by GPT-NeoX and HF Llama:
 * dim i pairs with dim i + rotaryDim/2, both at frequency invFreq[i].
 */
export function applyRope(buf: Float32Array, offset: number, nHeads: number, headDim: number, invFreq: Float64Array, pos: number): void {
  const half = invFreq.length;
  for (let i = 0; i < half; i++) {
    const angle = Math.fround(pos * invFreq[i]!);
    const c = Math.fround(Math.cos(angle)),
      s = Math.fround(Math.sin(angle));
    for (let h = 0; h < nHeads; h++) {
      const a = offset + h * headDim + i;
      const x1 = buf[a]!,
        x2 = buf[a + half]!;
      buf[a] = x1 * c - x2 * s;
      buf[a + half] = x2 * c + x1 * s;
    }
  }
}

/**
 * ALiBi head slopes as BLOOM builds them: for the largest power of two
 * n <= nHeads, slope_h = 2^(-8(h+1)/n); any further heads take every other
 * slope of the 2n-head sequence, 2^(-4(2k+1)/n), k = 0, 1, ...
 * As PyTorch computes them: a float32 base raised to integer powers.
 */
export function alibiSlopes(nHeads: number): Float64Array {
  const n = 2 ** Math.floor(Math.log2(nHeads));
  const base = Math.fround(2 ** (-8 / n)),
    extra = Math.fround(2 ** (-4 / n));
  const slopes = new Float64Array(nHeads);
  for (let h = 0; h < n; h++) slopes[h] = Math.fround(base ** (h + 1));
  for (let k = 0; n + k < nHeads; k++) slopes[n + k] = Math.fround(extra ** (2 * k + 1));
  return slopes;
}
