// The transformer forward pass with a KV cache and a hook on the residual
// stream at the output of every block.
import { serialBackend, type MatmulBackend } from '../kernels/backend.ts';
import type { ModelConfig } from './config.ts';
import { SteerInputError } from '../errors.ts';
import { KVCache } from './kv-cache.ts';
import { readRow } from '../kernels/matmul-kernels.mjs';
import { alibiSlopes, applyRope, gelu, geluTanh, layerNorm, relu, rmsNorm, ropeInvFreq, silu, softmaxInPlace } from '../kernels/ops.ts';
import type { LayerWeights, ModelWeights, Norm } from './weights.ts';

/**
 * Sees (and may edit in place) the residual stream right after block `layer`
 * (blocks numbered from 0), for the T positions of this pass; row t is the
 * token at absolute position startPos + t. Later blocks read the edited values.
 * The buffer is reused by the next pass: copy what you keep.
 */
export type BlockOutputHook = (layer: number, resid: Float32Array, T: number, startPos: number) => void;

export interface ForwardOptions {
  hook?: BlockOutputHook;
  /** 'last' (default) computes logits only for the final position: one unembedding instead of T. */
  logits?: 'last' | 'all' | 'none';
  /** Stop after this block: no logits, and the cache length is left unchanged (the pass was a probe). */
  stopAfterLayer?: number;
}

export class Transformer {
  private readonly invFreq: Float64Array;
  private readonly alibiSlopes: Float64Array | null;
  private readonly scratch = new Map<string, Float32Array>();
  private readonly act: (x: number) => number;

  constructor(
    readonly config: ModelConfig,
    readonly weights: ModelWeights,
    readonly backend: MatmulBackend = serialBackend,
  ) {
    this.invFreq = config.positions === 'rotary' ? ropeInvFreq(config.rotaryDim, config.ropeTheta) : new Float64Array(0);
    this.alibiSlopes = config.positions === 'alibi' ? alibiSlopes(config.nHeads) : null;
    this.act = { gelu, gelu_tanh: geluTanh, silu, relu }[config.act];
  }

  newCache(capacity = 64): KVCache {
    return new KVCache(this.config, capacity);
  }

  /** Runs `ids` at positions cache.length.. and appends their keys/values. Returns logits ([1 or T, vocab]) or null. */
  forward(ids: number[], cache: KVCache, opts: ForwardOptions = {}): Float32Array | null {
    const { dModel: D, vocabSize: V, nLayers, embedDim: E } = this.config;
    const T = ids.length;
    const start = cache.length;
    if (T === 0) throw new SteerInputError('forward: no tokens (an empty prompt?)');
    const W = this.weights;
    if (W.posEmbed && start + T + this.config.positionOffset > W.posEmbed.length / D) {
      throw new SteerInputError(`forward: position ${start + T - 1} beyond the model's ${this.config.maxPositions} positions`);
    }
    cache.reserve(start + T);
    const x = this.buf('resid', T * D).subarray(0, T * D);
    const e = W.projectIn ? this.buf('embedded', T * E) : x;
    ids.forEach((id, t) => {
      if (!(id >= 0 && id < V))
        throw new SteerInputError(`forward: token id ${id} outside the model's vocabulary of ${V} (tokenizer.json and config.json disagree?)`);
      readRow(W.embed.w, W.embed.dtype, E, id, e, t * E);
    });
    const scale = this.config.embedScale;
    if (scale !== 1) for (let i = 0; i < T * E; i++) e[i] = e[i]! * scale;
    if (W.projectIn) this.backend.linear(e, T, W.projectIn, x);
    if (W.posEmbed) {
      const off = this.config.positionOffset;
      for (let t = 0; t < T; t++) for (let i = 0; i < D; i++) x[t * D + i]! += W.posEmbed[(start + t + off) * D + i]!;
    }
    if (W.embedNorm) this.norm(W.embedNorm, x, T, x);
    for (let l = 0; l < nLayers; l++) {
      this.block(l, x, T, start, cache);
      opts.hook?.(l, x, T, start);
      if (l === opts.stopAfterLayer) return null;
    }
    cache.length = start + T;
    const mode = opts.logits ?? 'last';
    if (mode === 'none') return null;
    const rows = mode === 'all' ? T : 1;
    let h = x.subarray((T - rows) * D, T * D);
    if (W.finalNorm) {
      const normed = this.buf('final', rows * D);
      this.norm(W.finalNorm, h, rows, normed);
      h = normed;
    }
    if (W.projectOut) {
      const out = this.buf('projected', rows * E);
      this.backend.linear(h, rows, W.projectOut, out);
      h = out;
    }
    const logits = this.buf('logits', rows * V);
    this.backend.linear(h, rows, W.unembed, logits);
    return logits.slice(0, rows * V);
  }

  private block(l: number, x: Float32Array, T: number, start: number, cache: KVCache): void {
    const L = this.weights.layers[l]!;
    const n = T * this.config.dModel;
    const residual = this.config.residual;
    if (residual === 'post-norm') {
      const attnOut = this.attention(l, L, x, T, start, cache);
      for (let i = 0; i < n; i++) x[i] = x[i]! + attnOut[i]!;
      this.norm(L.ln1, x, T, x);
      const mlpOut = this.mlp(L, x, T);
      for (let i = 0; i < n; i++) x[i] = x[i]! + mlpOut[i]!;
      this.norm(L.ln2!, x, T, x);
      return;
    }
    const h = this.buf('normed', n);
    this.norm(L.ln1, x, T, h);
    const attnOut = this.attention(l, L, h, T, start, cache);
    if (residual === 'parallel') {
      // With one shared norm the MLP reads ln1's output, still in h.
      if (L.ln2) this.norm(L.ln2, x, T, h);
      const mlpOut = this.mlp(L, h, T);
      for (let i = 0; i < n; i++) x[i] = x[i]! + attnOut[i]! + mlpOut[i]!;
    } else {
      for (let i = 0; i < n; i++) x[i] = x[i]! + attnOut[i]!;
      this.norm(L.ln2!, x, T, h);
      const mlpOut = this.mlp(L, h, T);
      for (let i = 0; i < n; i++) x[i] = x[i]! + mlpOut[i]!;
    }
  }

  private attention(l: number, L: LayerWeights, h: Float32Array, T: number, start: number, cache: KVCache): Float32Array {
    const { nHeads: H, nKvHeads: KH, headDim: hd, attnScale: scale, clipQkv } = this.config;
    const window = this.config.window[l] ?? null;
    const qDim = H * hd,
      kvDim = KH * hd,
      stride = qDim + 2 * kvDim;
    const qkv = this.buf('qkv', T * stride);
    this.backend.linear(h, T, L.qkv, qkv);
    if (clipQkv !== null) for (let i = 0; i < T * stride; i++) qkv[i] = Math.min(clipQkv, Math.max(-clipQkv, qkv[i]!));
    const K = cache.k[l]!,
      Vc = cache.v[l]!;
    for (let t = 0; t < T; t++) {
      const base = t * stride,
        pos = start + t;
      if (this.invFreq.length) {
        applyRope(qkv, base, H, hd, this.invFreq, pos);
        applyRope(qkv, base + qDim, KH, hd, this.invFreq, pos);
      }
      K.set(qkv.subarray(base + qDim, base + qDim + kvDim), pos * kvDim);
      Vc.set(qkv.subarray(base + qDim + kvDim, base + stride), pos * kvDim);
    }
    const out = this.buf('attn', T * qDim);
    const scores = new Float64Array(start + T);
    const group = H / KH;
    const slopes = this.alibiSlopes;
    for (let t = 0; t < T; t++) {
      const pos = start + t;
      const j0 = window ? Math.max(0, pos - window + 1) : 0;
      const n = pos - j0 + 1;
      for (let hh = 0; hh < H; hh++) {
        const q = t * stride + hh * hd;
        const kOff = Math.floor(hh / group) * hd;
        // ALiBi adds slope x key position; softmax ignores the constant -slope x query position of HF's relative form.
        const slope = slopes ? slopes[hh]! : 0;
        for (let j = 0; j < n; j++) {
          const k = (j0 + j) * kvDim + kOff;
          let s = 0;
          for (let e = 0; e < hd; e++) s += qkv[q + e]! * K[k + e]!;
          scores[j] = s * scale + slope * (j0 + j);
        }
        softmaxInPlace(scores, n);
        const o = t * qDim + hh * hd;
        out.fill(0, o, o + hd);
        for (let j = 0; j < n; j++) {
          const v = (j0 + j) * kvDim + kOff,
            p = scores[j]!;
          for (let e = 0; e < hd; e++) out[o + e]! += p * Vc[v + e]!;
        }
      }
    }
    const proj = this.buf('attnProj', T * this.config.dModel);
    this.backend.linear(out, T, L.o, proj);
    return proj;
  }

  private mlp(L: LayerWeights, h: Float32Array, T: number): Float32Array {
    const F = this.config.dFF;
    const up = this.buf('up', T * L.up.outDim);
    this.backend.linear(h, T, L.up, up);
    const a = this.buf('act', T * F);
    if (this.config.gatedMlp) {
      for (let t = 0; t < T; t++) for (let f = 0; f < F; f++) a[t * F + f] = this.act(up[t * 2 * F + f]!) * up[t * 2 * F + F + f]!;
    } else {
      for (let i = 0; i < T * F; i++) a[i] = this.act(up[i]!);
    }
    const out = this.buf('mlp', T * this.config.dModel);
    this.backend.linear(a, T, L.down, out);
    return out;
  }

  /** In place when out === x: each row's statistics are taken before it is written. */
  private norm(n: Norm, x: Float32Array, T: number, out: Float32Array): void {
    const { dModel: D, normEps } = this.config;
    if (this.config.norm === 'rmsnorm') rmsNorm(x, T, D, n.w, normEps, out);
    else layerNorm(x, T, D, n.w, n.b, normEps, out);
  }

  /** Reused per-role activation buffers; forward is synchronous, so no two users overlap. */
  private buf(name: string, n: number): Float32Array {
    let b = this.scratch.get(name);
    if (!b || b.length < n) {
      b = this.backend.alloc(Math.max(n, (b?.length ?? 0) * 2));
      this.scratch.set(name, b);
    }
    return b;
  }
}
