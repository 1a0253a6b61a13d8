// The transformer forward pass with a KV cache and a hook on the residual
// stream at the output of every block.
import { serialBackend, type MatmulBackend } from '../kernels/backend.ts';
import type { ModelConfig } from './config.ts';
import { SteerInputError } from '../errors.ts';
import { KVCache } from './kv-cache.ts';
import { readRow } from '../kernels/matmul-kernels.mjs';
import { applyRope, gelu, geluTanh, layerNorm, relu, rmsNorm, ropeInvFreq, silu, softmaxInPlace } from '../kernels/ops.ts';
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
  private readonly scratch = new Map<string, Float32Array>();
  private readonly act: (x: number) => number;

  constructor(readonly config: ModelConfig, readonly weights: ModelWeights, readonly backend: MatmulBackend = serialBackend) {
    this.invFreq = ropeInvFreq(config.rotaryDim, config.ropeTheta);
    this.act = { gelu, gelu_tanh: geluTanh, silu, relu }[config.act];
  }

  newCache(capacity = 64): KVCache {
    return new KVCache(this.config, capacity);
  }

  /** Runs `ids` at positions cache.length.. and appends their keys/values. Returns logits ([1 or T, vocab]) or null. */
  forward(ids: number[], cache: KVCache, opts: ForwardOptions = {}): Float32Array | null {
    const { dModel: D, vocabSize: V, nLayers } = this.config;
    const T = ids.length;
    const start = cache.length;
    if (T === 0) throw new SteerInputError('forward: no tokens (an empty prompt?)');
    if (start + T > this.config.maxPositions && this.weights.posEmbed) {
      throw new SteerInputError(`forward: position ${start + T - 1} beyond the model's ${this.config.maxPositions} positions`);
    }
    cache.reserve(start + T);
    const x = this.buf('resid', T * D).subarray(0, T * D);
    const W = this.weights;
    ids.forEach((id, t) => {
      if (!(id >= 0 && id < V)) throw new SteerInputError(`forward: token id ${id} outside the model's vocabulary of ${V} (tokenizer.json and config.json disagree?)`);
      readRow(W.embed.w, W.embed.dtype, D, id, x, t * D);
      if (W.posEmbed) for (let i = 0; i < D; i++) x[t * D + i]! += W.posEmbed[(start + t) * D + i]!;
    });
    for (let l = 0; l < nLayers; l++) {
      this.block(l, x, T, start, cache);
      opts.hook?.(l, x, T, start);
      if (l === opts.stopAfterLayer) return null;
    }
    cache.length = start + T;
    const mode = opts.logits ?? 'last';
    if (mode === 'none') return null;
    const rows = mode === 'all' ? T : 1;
    const h = this.buf('final', rows * D);
    this.norm(W.finalNorm, x.subarray((T - rows) * D, T * D), rows, h);
    const logits = this.buf('logits', rows * V);
    this.backend.linear(h, rows, W.unembed, logits);
    return logits.slice(0, rows * V);
  }

  private block(l: number, x: Float32Array, T: number, start: number, cache: KVCache): void {
    const cfg = this.config;
    const L = this.weights.layers[l]!;
    const D = cfg.dModel;
    const h = this.buf('normed', T * D);
    this.norm(L.ln1, x, T, h);
    const attnOut = this.attention(l, L, h, T, start, cache);
    if (cfg.parallelResidual) {
      this.norm(L.ln2, x, T, h);
      const mlpOut = this.mlp(L, h, T);
      for (let i = 0; i < T * D; i++) x[i] = x[i]! + attnOut[i]! + mlpOut[i]!;
    } else {
      for (let i = 0; i < T * D; i++) x[i] = x[i]! + attnOut[i]!;
      this.norm(L.ln2, x, T, h);
      const mlpOut = this.mlp(L, h, T);
      for (let i = 0; i < T * D; i++) x[i] = x[i]! + mlpOut[i]!;
    }
  }

  private attention(l: number, L: LayerWeights, h: Float32Array, T: number, start: number, cache: KVCache): Float32Array {
    const { nHeads: H, nKvHeads: KH, headDim: hd, slidingWindow } = this.config;
    const qDim = H * hd, kvDim = KH * hd, stride = qDim + 2 * kvDim;
    const qkv = this.buf('qkv', T * stride);
    this.backend.linear(h, T, L.qkv, qkv);
    const K = cache.k[l]!, Vc = cache.v[l]!;
    for (let t = 0; t < T; t++) {
      const base = t * stride, pos = start + t;
      if (this.invFreq.length) {
        applyRope(qkv, base, H, hd, this.invFreq, pos);
        applyRope(qkv, base + qDim, KH, hd, this.invFreq, pos);
      }
      K.set(qkv.subarray(base + qDim, base + qDim + kvDim), pos * kvDim);
      Vc.set(qkv.subarray(base + qDim + kvDim, base + stride), pos * kvDim);
    }
    const out = this.buf('attn', T * qDim);
    const scores = new Float64Array(start + T);
    const scale = 1 / Math.sqrt(hd);
    const group = H / KH;
    for (let t = 0; t < T; t++) {
      const pos = start + t;
      const j0 = slidingWindow ? Math.max(0, pos - slidingWindow + 1) : 0;
      const n = pos - j0 + 1;
      for (let hh = 0; hh < H; hh++) {
        const q = t * stride + hh * hd;
        const kOff = Math.floor(hh / group) * hd;
        for (let j = 0; j < n; j++) {
          const k = (j0 + j) * kvDim + kOff;
          let s = 0;
          for (let e = 0; e < hd; e++) s += qkv[q + e]! * K[k + e]!;
          scores[j] = s * scale;
        }
        softmaxInPlace(scores, n);
        const o = t * qDim + hh * hd;
        out.fill(0, o, o + hd);
        for (let j = 0; j < n; j++) {
          const v = (j0 + j) * kvDim + kOff, p = scores[j]!;
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
