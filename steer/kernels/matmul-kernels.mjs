// Matrix-product kernels, in plain JavaScript so that worker threads can load
// them without a TypeScript loader (types: matmul-kernels.d.mts).
//
// y[t, o] = b[o] + sum_i x[t, i] * w[o, i], for rows o in [rowStart, rowEnd).
// w is [out, in] row-major, held in the checkpoint's dtype: F32 as a
// Float32Array, F16 and BF16 as the raw 16-bit patterns in a Uint16Array.
// 16-bit rows are widened to float32 into a small scratch panel just before
// use (exactly: every F16 and BF16 value is a float32), so the model stays
// at 2 bytes per weight in memory. Sums run in JS doubles in the same order
// for every dtype, so a 16-bit matrix gives bit-identical results to its
// float32 decoding.
//
// Several weight rows are consumed together so each activation load feeds
// several multiply-adds and the rows stay in L1 while activations stream
// past. Measured on the 2-core target (GMAC/s, V8 scalar): one row at a time
// 0.5; 4 rows 1.1; 8 rows 1.4 (one token); 4 rows x 2 tokens 1.75 (prefill).

/** Elements of one row widened at a time for a single token: 8 rows x 512 x 4 bytes = 16 KiB of L1. */
const CHUNK = 512;
let panel = new Float32Array(8 * CHUNK);
let panelBits = new Uint32Array(panel.buffer);

const f16Table = (() => {
  const t = new Float32Array(65536);
  for (let h = 0; h < 65536; h++) {
    const sign = h & 0x8000 ? -1 : 1,
      exp = (h >> 10) & 0x1f,
      frac = h & 0x3ff;
    t[h] = exp === 0 ? sign * frac * 2 ** -24 : exp === 0x1f ? (frac ? NaN : sign * Infinity) : sign * (1 + frac / 1024) * 2 ** (exp - 15);
  }
  return t;
})();

/** Widens n 16-bit values of w from `src` into the panel from `dst`. */
function widenBF16(w, src, n, dst) {
  for (let k = 0; k < n; k++) panelBits[dst + k] = w[src + k] << 16;
}
function widenF16(w, src, n, dst) {
  for (let k = 0; k < n; k++) panel[dst + k] = f16Table[w[src + k]];
}

function ensurePanel(n) {
  if (panel.length < n) {
    panel = new Float32Array(n);
    panelBits = new Uint32Array(panel.buffer);
  }
}

/** @returns {void} */
export function matmulRange(x, T, inDim, w, dtype, b, y, outDim, rowStart, rowEnd) {
  if (dtype === 'F32') {
    if (T === 1) rows8(x, inDim, w, b, y, rowStart, rowEnd);
    else for (let o = rowStart; o < rowEnd; o += 4) rowsTokens(x, T, inDim, w, o * inDim, b, y, outDim, o, Math.min(4, rowEnd - o));
    return;
  }
  const widen = dtype === 'BF16' ? widenBF16 : dtype === 'F16' ? widenF16 : null;
  if (!widen) throw new Error(`matmul: unsupported weight dtype ${dtype}`);
  if (T === 1) rows8Half(x, inDim, w, widen, b, y, rowStart, rowEnd);
  else {
    // Prefill: widen 4 whole rows once, then every token pair reuses them.
    ensurePanel(4 * inDim);
    for (let o = rowStart; o < rowEnd; o += 4) {
      const rows = Math.min(4, rowEnd - o);
      widen(w, o * inDim, rows * inDim, 0);
      rowsTokens(x, T, inDim, panel, 0, b, y, outDim, o, rows);
    }
  }
}

/** Row `row` of a [rows, n] matrix of any dtype, widened into out[at..at+n). */
export function readRow(w, dtype, n, row, out, at) {
  if (dtype === 'F32') out.set(w.subarray(row * n, row * n + n), at);
  else if (dtype === 'BF16') {
    const bits = new Uint32Array(out.buffer, out.byteOffset + at * 4, n);
    for (let k = 0; k < n; k++) bits[k] = w[row * n + k] << 16;
  } else for (let k = 0; k < n; k++) out[at + k] = f16Table[w[row * n + k]];
}

function rows8(x, n, w, b, y, rowStart, rowEnd) {
  let o = rowStart;
  for (; o + 7 < rowEnd; o += 8) {
    const r0 = o * n,
      r1 = r0 + n,
      r2 = r1 + n,
      r3 = r2 + n,
      r4 = r3 + n,
      r5 = r4 + n,
      r6 = r5 + n,
      r7 = r6 + n;
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0,
      s4 = 0,
      s5 = 0,
      s6 = 0,
      s7 = 0;
    for (let i = 0; i < n; i++) {
      const xi = x[i];
      s0 += w[r0 + i] * xi;
      s1 += w[r1 + i] * xi;
      s2 += w[r2 + i] * xi;
      s3 += w[r3 + i] * xi;
      s4 += w[r4 + i] * xi;
      s5 += w[r5 + i] * xi;
      s6 += w[r6 + i] * xi;
      s7 += w[r7 + i] * xi;
    }
    if (b) {
      s0 += b[o];
      s1 += b[o + 1];
      s2 += b[o + 2];
      s3 += b[o + 3];
      s4 += b[o + 4];
      s5 += b[o + 5];
      s6 += b[o + 6];
      s7 += b[o + 7];
    }
    y[o] = s0;
    y[o + 1] = s1;
    y[o + 2] = s2;
    y[o + 3] = s3;
    y[o + 4] = s4;
    y[o + 5] = s5;
    y[o + 6] = s6;
    y[o + 7] = s7;
  }
  for (; o < rowEnd; o++) y[o] = dot(x, 0, w, o * n, n) + (b ? b[o] : 0);
}

/** rows8 over 16-bit weights: 8 rows are widened CHUNK columns at a time into the panel. */
function rows8Half(x, n, w, widen, b, y, rowStart, rowEnd) {
  const P = panel;
  let o = rowStart;
  for (; o + 7 < rowEnd; o += 8) {
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0,
      s4 = 0,
      s5 = 0,
      s6 = 0,
      s7 = 0;
    for (let i0 = 0; i0 < n; i0 += CHUNK) {
      const c = Math.min(CHUNK, n - i0);
      for (let r = 0; r < 8; r++) widen(w, (o + r) * n + i0, c, r * CHUNK);
      for (let i = 0; i < c; i++) {
        const xi = x[i0 + i];
        s0 += P[i] * xi;
        s1 += P[CHUNK + i] * xi;
        s2 += P[2 * CHUNK + i] * xi;
        s3 += P[3 * CHUNK + i] * xi;
        s4 += P[4 * CHUNK + i] * xi;
        s5 += P[5 * CHUNK + i] * xi;
        s6 += P[6 * CHUNK + i] * xi;
        s7 += P[7 * CHUNK + i] * xi;
      }
    }
    if (b) {
      s0 += b[o];
      s1 += b[o + 1];
      s2 += b[o + 2];
      s3 += b[o + 3];
      s4 += b[o + 4];
      s5 += b[o + 5];
      s6 += b[o + 6];
      s7 += b[o + 7];
    }
    y[o] = s0;
    y[o + 1] = s1;
    y[o + 2] = s2;
    y[o + 3] = s3;
    y[o + 4] = s4;
    y[o + 5] = s5;
    y[o + 6] = s6;
    y[o + 7] = s7;
  }
  for (; o < rowEnd; o++) {
    let s = 0;
    for (let i0 = 0; i0 < n; i0 += CHUNK) {
      const c = Math.min(CHUNK, n - i0);
      widen(w, o * n + i0, c, 0);
      for (let i = 0; i < c; i++) s += P[i] * x[i0 + i];
    }
    y[o] = s + (b ? b[o] : 0);
  }
}

/**
 * Output rows o..o+rows-1 (rows <= 4) for all T tokens; their weights start
 * at w[wOff] (the matrix itself, or a widened panel). Two tokens per pass.
 */
function rowsTokens(x, T, n, w, wOff, b, y, outDim, o, rows) {
  if (rows < 4) {
    for (let r = 0; r < rows; r++) {
      for (let t = 0; t < T; t++) y[t * outDim + o + r] = dot(x, t * n, w, wOff + r * n, n) + (b ? b[o + r] : 0);
    }
    return;
  }
  const r0 = wOff,
    r1 = r0 + n,
    r2 = r1 + n,
    r3 = r2 + n;
  const c0 = b ? b[o] : 0,
    c1 = b ? b[o + 1] : 0,
    c2 = b ? b[o + 2] : 0,
    c3 = b ? b[o + 3] : 0;
  let t = 0;
  for (; t + 1 < T; t += 2) {
    const xa = t * n,
      xb = xa + n;
    let a0 = 0,
      a1 = 0,
      a2 = 0,
      a3 = 0,
      b0 = 0,
      b1 = 0,
      b2 = 0,
      b3 = 0;
    for (let i = 0; i < n; i++) {
      const u = x[xa + i],
        v = x[xb + i];
      const w0 = w[r0 + i],
        w1 = w[r1 + i],
        w2 = w[r2 + i],
        w3 = w[r3 + i];
      a0 += w0 * u;
      a1 += w1 * u;
      a2 += w2 * u;
      a3 += w3 * u;
      b0 += w0 * v;
      b1 += w1 * v;
      b2 += w2 * v;
      b3 += w3 * v;
    }
    const ya = t * outDim + o,
      yb = ya + outDim;
    y[ya] = a0 + c0;
    y[ya + 1] = a1 + c1;
    y[ya + 2] = a2 + c2;
    y[ya + 3] = a3 + c3;
    y[yb] = b0 + c0;
    y[yb + 1] = b1 + c1;
    y[yb + 2] = b2 + c2;
    y[yb + 3] = b3 + c3;
  }
  if (t < T) {
    const xa = t * n,
      ya = t * outDim + o;
    y[ya] = dot(x, xa, w, r0, n) + c0;
    y[ya + 1] = dot(x, xa, w, r1, n) + c1;
    y[ya + 2] = dot(x, xa, w, r2, n) + c2;
    y[ya + 3] = dot(x, xa, w, r3, n) + c3;
  }
}

function dot(x, xOff, w, wOff, n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += w[wOff + i] * x[xOff + i];
  return s;
}
