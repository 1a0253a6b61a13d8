// Matrix-product kernels, in plain JavaScript so that worker threads can load
// them without a TypeScript loader (types: matmul-kernels.d.mts).
//
// y[t, o] = b[o] + sum_i x[t, i] * w[o, i], for rows o in [rowStart, rowEnd).
// w is [out, in] row-major. Several weight rows are consumed together so each
// activation load feeds several multiply-adds and the rows stay in L1 while
// activations stream past. Measured on the 2-core target (GMAC/s, V8 scalar):
// one row at a time 0.5; 4 rows 1.1; 8 rows 1.4 (one token);
// 4 rows x 2 tokens 1.75 (prompt prefill).

/** @returns {void} */
export function matmulRange(x, T, inDim, w, b, y, outDim, rowStart, rowEnd) {
  if (T === 1) rows8(x, inDim, w, b, y, rowStart, rowEnd);
  else rows4tokens2(x, T, inDim, w, b, y, outDim, rowStart, rowEnd);
}

function rows8(x, n, w, b, y, rowStart, rowEnd) {
  let o = rowStart;
  for (; o + 7 < rowEnd; o += 8) {
    const r0 = o * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n, r4 = r3 + n, r5 = r4 + n, r6 = r5 + n, r7 = r6 + n;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    for (let i = 0; i < n; i++) {
      const xi = x[i];
      s0 += w[r0 + i] * xi; s1 += w[r1 + i] * xi; s2 += w[r2 + i] * xi; s3 += w[r3 + i] * xi;
      s4 += w[r4 + i] * xi; s5 += w[r5 + i] * xi; s6 += w[r6 + i] * xi; s7 += w[r7 + i] * xi;
    }
    if (b) { s0 += b[o]; s1 += b[o + 1]; s2 += b[o + 2]; s3 += b[o + 3]; s4 += b[o + 4]; s5 += b[o + 5]; s6 += b[o + 6]; s7 += b[o + 7]; }
    y[o] = s0; y[o + 1] = s1; y[o + 2] = s2; y[o + 3] = s3; y[o + 4] = s4; y[o + 5] = s5; y[o + 6] = s6; y[o + 7] = s7;
  }
  for (; o < rowEnd; o++) y[o] = dot(x, 0, w, o * n, n) + (b ? b[o] : 0);
}

function rows4tokens2(x, T, n, w, b, y, outDim, rowStart, rowEnd) {
  let o = rowStart;
  for (; o + 3 < rowEnd; o += 4) {
    const r0 = o * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
    const c0 = b ? b[o] : 0, c1 = b ? b[o + 1] : 0, c2 = b ? b[o + 2] : 0, c3 = b ? b[o + 3] : 0;
    let t = 0;
    for (; t + 1 < T; t += 2) {
      const xa = t * n, xb = xa + n;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
      for (let i = 0; i < n; i++) {
        const u = x[xa + i], v = x[xb + i];
        const w0 = w[r0 + i], w1 = w[r1 + i], w2 = w[r2 + i], w3 = w[r3 + i];
        a0 += w0 * u; a1 += w1 * u; a2 += w2 * u; a3 += w3 * u;
        b0 += w0 * v; b1 += w1 * v; b2 += w2 * v; b3 += w3 * v;
      }
      const ya = t * outDim + o, yb = ya + outDim;
      y[ya] = a0 + c0; y[ya + 1] = a1 + c1; y[ya + 2] = a2 + c2; y[ya + 3] = a3 + c3;
      y[yb] = b0 + c0; y[yb + 1] = b1 + c1; y[yb + 2] = b2 + c2; y[yb + 3] = b3 + c3;
    }
    if (t < T) {
      const xa = t * n, ya = t * outDim + o;
      y[ya] = dot(x, xa, w, r0, n) + c0; y[ya + 1] = dot(x, xa, w, r1, n) + c1;
      y[ya + 2] = dot(x, xa, w, r2, n) + c2; y[ya + 3] = dot(x, xa, w, r3, n) + c3;
    }
  }
  for (; o < rowEnd; o++) {
    for (let t = 0; t < T; t++) y[t * outDim + o] = dot(x, t * n, w, o * n, n) + (b ? b[o] : 0);
  }
}

function dot(x, xOff, w, wOff, n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += w[wOff + i] * x[xOff + i];
  return s;
}
