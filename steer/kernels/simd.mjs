// WebAssembly SIMD matrix-vector kernels, for weights held in WebAssembly
// memory. Plain JavaScript (worker threads load it too); the module is
// assembled here, byte by byte, from the instructions listed below, so there
// is no binary blob and no build step.
//
// f32(xPtr, T, n, wPtr, yPtr, outDim, rowStart, rowEnd), and bf16 and f16
// with the same parameters: y[t * outDim + o] = sum_i x[t, i] * w[o, i] for
// rows o in [rowStart, rowEnd), t in [0, T), n a multiple of 8. Weights are
// read 8 at a time and split into their even and odd entries, which
// multiply x stored the same way (each block of 8 as x0 x2 x4 x6 x1 x3 x5 x7,
// written by `deinterleave`): BF16 needs only a shift and a mask for that,
// F16 is widened exactly by scaling its shifted bits by 2^112, F32 by two
// shuffles. Every dtype therefore sums the same products in the same float32
// lanes in the same order: a 16-bit matrix gives bit-identical results to
// its float32 decoding. Four rows share each load of x, and the rows of one
// block are reused, still in cache, by every token of a prompt.

const I32 = 0x7f,
  V128 = 0x7b;
const uleb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const sleb = (n) => {
  const out = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
};
const str = (s) => [...uleb(s.length), ...Buffer.from(s)];
const section = (id, body) => [id, ...uleb(body.length), ...body];
const vec = (items) => [...uleb(items.length), ...items.flat()];

// Core and SIMD opcodes (WebAssembly core specification, SIMD binary encoding).
const get = (l) => [0x20, ...uleb(l)],
  set = (l) => [0x21, ...uleb(l)];
const i32 = (v) => [0x41, ...sleb(v)];
const ADD = [0x6a],
  MUL = [0x6c],
  SHL = [0x74],
  LT_U = [0x49],
  GT_U = [0x4b],
  F32_ADD = [0x92];
const BLOCK = [0x02, 0x40],
  LOOP = [0x03, 0x40],
  END = [0x0b];
const br = (d) => [0x0c, ...uleb(d)],
  brIf = (d) => [0x0d, ...uleb(d)];
const simd = (op, ...imm) => [0xfd, ...uleb(op), ...imm];
const load = (offset) => simd(0x00, 0, ...uleb(offset));
const f32Store = [0x38, 2, 0];
const splat32 = (u) => simd(0x0c, ...Array.from({ length: 4 }, () => [u & 0xff, (u >>> 8) & 0xff, (u >>> 16) & 0xff, u >>> 24]).flat());
const AND = simd(0x4e),
  OR = simd(0x50),
  I32X4_EQ = simd(0x37),
  I32X4_SHL = simd(0xab),
  I32X4_SHR_U = simd(0xad);
const F32X4_ADD = simd(0xe4),
  F32X4_MUL = simd(0xe6);
const lane = (k) => simd(0x1f, k);
/** Bytes of the 32-bit lanes 0 and 2 (even) or 1 and 3 (odd) of two vectors. */
const shuffle = (first) => simd(0x0d, ...[0, 2, 4, 6].flatMap((l) => [0, 1, 2, 3].map((b) => 4 * (l + first) + b)));

// Locals: parameters, then i32 scratch, then v128 accumulators and temporaries.
const [X, T, N, W, Y, OUT, ROW_START, ROW_END] = [0, 1, 2, 3, 4, 5, 6, 7];
const O = 8,
  TOK = 9,
  PX = 10,
  XEND = 11,
  ROWBYTES = 12,
  P = [13, 14, 15, 16];
const ACC = [17, 18, 19, 20, 21, 22, 23, 24],
  WE = 25,
  WO = 26,
  XE = 27,
  XO = 28,
  V = 29;

/** Leaves the even and odd weights of 8 entries at address local `p` in WE and WO. */
const WEIGHTS = {
  f32: (p) => [
    ...get(p),
    ...load(0),
    ...set(V),
    ...get(V),
    ...get(p),
    ...load(16),
    ...shuffle(0),
    ...set(WE),
    ...get(V),
    ...get(p),
    ...load(16),
    ...shuffle(1),
    ...set(WO),
  ],
  bf16: (p) => [...get(p), ...load(0), ...set(V), ...get(V), ...i32(16), ...I32X4_SHL, ...set(WE), ...get(V), ...splat32(0xffff0000), ...AND, ...set(WO)],
  f16: (p) => {
    // h in the low 16 bits of each lane -> float32, exactly: sign, then
    // (exponent|mantissa) << 13 scaled by 2^112 (normal and subnormal), and
    // an all-ones exponent for infinities and NaNs.
    const widen = [
      ...set(WO),
      ...get(WO),
      ...splat32(0x7fff),
      ...AND,
      ...i32(13),
      ...I32X4_SHL,
      ...splat32(0x77800000),
      ...F32X4_MUL,
      ...get(WO),
      ...splat32(0x8000),
      ...AND,
      ...i32(16),
      ...I32X4_SHL,
      ...OR,
      ...get(WO),
      ...splat32(0x7c00),
      ...AND,
      ...splat32(0x7c00),
      ...I32X4_EQ,
      ...splat32(0x7f800000),
      ...AND,
      ...OR,
    ];
    return [
      ...get(p),
      ...load(0),
      ...set(V),
      ...get(V),
      ...splat32(0xffff),
      ...AND,
      ...widen,
      ...set(WE),
      ...get(V),
      ...i32(16),
      ...I32X4_SHR_U,
      ...widen,
      ...set(WO),
    ];
  },
};
const BYTES = { f32: 4, bf16: 2, f16: 2 };

/** Rows o .. o+R-1 for every token, while o + R <= rowEnd. */
function rowBlocks(dtype, R) {
  const es = BYTES[dtype];
  const acc = ACC.slice(0, 2 * R);
  const hsum = (a) => [...get(a), ...lane(0), ...get(a), ...lane(1), ...F32_ADD, ...get(a), ...lane(2), ...get(a), ...lane(3), ...F32_ADD, ...F32_ADD];
  return [
    ...LOOP,
    ...BLOCK,
    ...get(O),
    ...i32(R),
    ...ADD,
    ...get(ROW_END),
    ...GT_U,
    ...brIf(0),
    ...i32(0),
    ...set(TOK),
    ...LOOP,
    ...acc.flatMap((a) => [...splat32(0), ...set(a)]),
    // px = x + t * n * 4; xend = px + n * 4; p_r = w + (o + r) * rowBytes
    ...get(X),
    ...get(TOK),
    ...get(N),
    ...MUL,
    ...i32(2),
    ...SHL,
    ...ADD,
    ...set(PX),
    ...get(PX),
    ...get(N),
    ...i32(2),
    ...SHL,
    ...ADD,
    ...set(XEND),
    ...P.slice(0, R).flatMap((p, r) => [...get(W), ...get(O), ...i32(r), ...ADD, ...get(ROWBYTES), ...MUL, ...ADD, ...set(p)]),
    ...LOOP,
    ...get(PX),
    ...load(0),
    ...set(XE),
    ...get(PX),
    ...load(16),
    ...set(XO),
    ...P.slice(0, R).flatMap((p, r) => [
      ...WEIGHTS[dtype](p),
      ...get(acc[2 * r]),
      ...get(WE),
      ...get(XE),
      ...F32X4_MUL,
      ...F32X4_ADD,
      ...set(acc[2 * r]),
      ...get(acc[2 * r + 1]),
      ...get(WO),
      ...get(XO),
      ...F32X4_MUL,
      ...F32X4_ADD,
      ...set(acc[2 * r + 1]),
      ...get(p),
      ...i32(8 * es),
      ...ADD,
      ...set(p),
    ]),
    ...get(PX),
    ...i32(32),
    ...ADD,
    ...set(PX),
    ...get(PX),
    ...get(XEND),
    ...LT_U,
    ...brIf(0),
    ...END,
    // y[t * outDim + o + r] = (even lanes) + (odd lanes)
    ...Array.from({ length: R }, (_, r) => [
      ...get(Y),
      ...get(TOK),
      ...get(OUT),
      ...MUL,
      ...get(O),
      ...ADD,
      ...i32(r),
      ...ADD,
      ...i32(2),
      ...SHL,
      ...ADD,
      ...hsum(acc[2 * r]),
      ...hsum(acc[2 * r + 1]),
      ...F32_ADD,
      ...f32Store,
    ]).flat(),
    ...get(TOK),
    ...i32(1),
    ...ADD,
    ...set(TOK),
    ...get(TOK),
    ...get(T),
    ...LT_U,
    ...brIf(0),
    ...END,
    ...get(O),
    ...i32(R),
    ...ADD,
    ...set(O),
    ...br(1),
    ...END,
    ...END,
  ];
}

function body(dtype) {
  const code = [
    ...get(N),
    ...i32(Math.log2(BYTES[dtype])),
    ...SHL,
    ...set(ROWBYTES),
    ...get(ROW_START),
    ...set(O),
    ...rowBlocks(dtype, 4),
    ...rowBlocks(dtype, 1),
    ...END,
  ];
  const locals = vec([
    [...uleb(9), I32],
    [...uleb(13), V128],
  ]);
  return [...uleb(locals.length + code.length), ...locals, ...code];
}

/**
 * sum(ptr, bytes): the float32 sum of `bytes` (a multiple of 64) of memory,
 * read front to back 64 bytes at a time into four accumulators: the fastest
 * sequential read there is here, used to measure memory bandwidth.
 */
function sumBody() {
  const [PTR, LEN, STOP] = [0, 1, 2];
  const A = [3, 4, 5, 6];
  const code = [
    ...get(PTR),
    ...get(LEN),
    ...ADD,
    ...set(STOP),
    ...A.flatMap((a) => [...splat32(0), ...set(a)]),
    ...BLOCK,
    ...get(PTR),
    ...get(STOP),
    ...LT_U,
    ...[0x45],
    ...brIf(0), // i32.eqz: nothing to read
    ...LOOP,
    ...A.flatMap((a, k) => [...get(a), ...get(PTR), ...load(16 * k), ...F32X4_ADD, ...set(a)]),
    ...get(PTR),
    ...i32(64),
    ...ADD,
    ...set(PTR),
    ...get(PTR),
    ...get(STOP),
    ...LT_U,
    ...brIf(0),
    ...END,
    ...END,
    ...get(A[0]),
    ...get(A[1]),
    ...F32X4_ADD,
    ...get(A[2]),
    ...get(A[3]),
    ...F32X4_ADD,
    ...F32X4_ADD,
    ...set(A[0]),
    ...get(A[0]),
    ...lane(0),
    ...get(A[0]),
    ...lane(1),
    ...F32_ADD,
    ...get(A[0]),
    ...lane(2),
    ...get(A[0]),
    ...lane(3),
    ...F32_ADD,
    ...F32_ADD,
    ...END,
  ];
  const locals = vec([
    [...uleb(1), I32],
    [...uleb(4), V128],
  ]);
  return [...uleb(locals.length + code.length), ...locals, ...code];
}

/** Builds the module for a shared memory of at most `maxPages` 64 KiB pages. */
export function buildModule(maxPages) {
  const dtypes = ['f32', 'bf16', 'f16'];
  const F32 = 0x7d;
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(
      1,
      vec([
        [0x60, ...vec(Array(8).fill([I32])), 0],
        [0x60, ...vec([[I32], [I32]]), 1, F32],
      ]),
    ),
    ...section(2, vec([[...str('m'), ...str('mem'), 0x02, 0x03, ...uleb(1), ...uleb(maxPages)]])),
    ...section(3, vec([...dtypes.map(() => [0]), [1]])),
    ...section(7, vec([...dtypes.map((d, k) => [...str(d), 0x00, k]), [...str('sum'), 0x00, dtypes.length]])),
    ...section(10, vec([...dtypes.map(body), sumBody()])),
  ]);
}

export const MAX_PAGES = 65536;
let compiled = null;
/** The compiled module, or null where WebAssembly SIMD or shared memory is unavailable. */
export function simdModule() {
  if (compiled === null) {
    try {
      compiled = new WebAssembly.Module(buildModule(MAX_PAGES));
    } catch {
      compiled = false;
    }
  }
  return compiled || null;
}

export function instantiate(memory) {
  return new WebAssembly.Instance(simdModule(), { m: { mem: memory } });
}

/** Writes T rows of n values (n a multiple of 8) to `out` with each block of 8 as x0 x2 x4 x6 x1 x3 x5 x7. */
export function deinterleave(x, T, n, out) {
  for (let b = 0; b < T * n; b += 8) {
    out[b] = x[b];
    out[b + 1] = x[b + 2];
    out[b + 2] = x[b + 4];
    out[b + 3] = x[b + 6];
    out[b + 4] = x[b + 1];
    out[b + 5] = x[b + 3];
    out[b + 6] = x[b + 5];
    out[b + 7] = x[b + 7];
  }
}

const PAGE = 65536;
/** The start of every memory: de-interleaved inputs in the first half, outputs in the second. */
export const SCRATCH_BYTES = 32 << 20;

/**
 * Weights in WebAssembly shared memories (a memory holds at most 4 GiB, so a
 * large model spans several), each with its kernel instance. Views handed
 * out are typed arrays over the memory, usable like any other; `of` finds a
 * view's memory. `onNewMemory` lets a threaded backend pass each memory to
 * its workers before any product needs it.
 */
export class SimdArena {
  constructor(onNewMemory = () => {}) {
    this.memories = [];
    this.byBuffer = new WeakMap();
    this.onNewMemory = onNewMemory;
    // Bound, since callers pass them around as plain functions.
    this.f32 = (n) => this.alloc(n, 4, Float32Array);
    this.u16 = (n) => this.alloc(n, 2, Uint16Array);
  }

  alloc(n, bytesPer, View) {
    const bytes = n * bytesPer;
    if (bytes > MAX_PAGES * PAGE - SCRATCH_BYTES) throw new Error(`a ${bytes}-byte tensor does not fit one WebAssembly memory`);
    let m = this.memories.at(-1);
    if (!m || m.top + bytes > MAX_PAGES * PAGE) m = this.newMemory();
    const offset = m.top;
    m.top = Math.ceil((offset + bytes) / 16) * 16;
    const pages = Math.ceil(m.top / PAGE) - m.memory.buffer.byteLength / PAGE;
    if (pages > 0) m.memory.grow(pages);
    const buffer = m.memory.buffer;
    this.byBuffer.set(buffer, m);
    return new View(buffer, offset, n);
  }

  newMemory() {
    const memory = new WebAssembly.Memory({ initial: SCRATCH_BYTES / PAGE, maximum: MAX_PAGES, shared: true });
    const m = { index: this.memories.length, memory, instance: instantiate(memory), top: SCRATCH_BYTES };
    this.memories.push(m);
    this.onNewMemory(m.index, memory);
    return m;
  }

  /** The memory record holding `view`, or undefined for ordinary arrays. */
  of(view) {
    return this.byBuffer.get(view.buffer);
  }
}

export const KERNEL = { F32: 'f32', BF16: 'bf16', F16: 'f16' };

/**
 * y = x·wᵀ + b for a matrix in memory m: x is de-interleaved into the
 * memory's scratch (in chunks of tokens that fit), `runRows(T, yPtr)` runs
 * the kernel over all rows (split between threads by the caller), and the
 * results are copied out with the bias added.
 */
export function simdLinear(m, x, T, n, b, y, outDim, runRows) {
  const half = SCRATCH_BYTES / 8;
  const scratch = new Float32Array(m.memory.buffer, 0, SCRATCH_BYTES / 4);
  const chunk = Math.max(1, Math.floor(half / Math.max(n, outDim)));
  for (let t0 = 0; t0 < T; t0 += chunk) {
    const tc = Math.min(chunk, T - t0);
    deinterleave(x.subarray(t0 * n, (t0 + tc) * n), tc, n, scratch);
    runRows(tc, SCRATCH_BYTES / 2);
    for (let t = 0; t < tc; t++) {
      const from = half + t * outDim,
        to = (t0 + t) * outDim;
      if (b) for (let o = 0; o < outDim; o++) y[to + o] = scratch[from + o] + b[o];
      else y.set(scratch.subarray(from, from + outDim), to);
    }
  }
}
