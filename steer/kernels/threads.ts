// Splits each matrix product's output rows between the main thread and
// worker threads. Weights and activations live in shared memory (WebAssembly
// memories for the SIMD kernels, passed to every worker as they are made,
// or SharedArrayBuffers), so a command message carries only views or
// addresses, never copies. The main thread computes its own share, then
// blocks on an Atomics flag: a generation step is one synchronous chain of
// products, so there is nothing else it could do.
import { Worker } from 'node:worker_threads';
import { sharedAlloc, simdFits, type MatmulBackend } from './backend.ts';
import { matmulRange } from './matmul-kernels.mjs';
import { KERNEL, SimdArena, simdLinear, simdModule } from './simd.mjs';
import type { Linear } from '../model/weights.ts';

/** Below this many multiply-adds a message round trip costs more than it saves (scalar JS kernels). */
const MIN_PARALLEL_MACS = 100_000;
/** The SIMD kernels are ~10x faster, so a split pays off only for larger products. */
const MIN_PARALLEL_MACS_SIMD = 1_000_000;
const WAIT_MS = 120_000;

export async function createThreadedBackend(threads: number, o: { minParallelMacs?: number; simd?: boolean } = {}): Promise<MatmulBackend> {
  const failures: string[] = [];
  const started = await Promise.allSettled(Array.from({ length: Math.max(0, threads - 1) }, () => startWorker((m) => failures.push(m))));
  const workers = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = started.find((r) => r.status === 'rejected');
  if (failed) {
    // Stop the ones that did start before giving up.
    await Promise.all(workers.map((w) => w.terminate()));
    throw (failed as PromiseRejectedResult).reason;
  }
  const flags = workers.map(() => new Int32Array(new SharedArrayBuffer(4)));
  const n = workers.length + 1;
  const arena =
    (o.simd ?? true) && simdModule() ? new SimdArena((index, memory) => workers.forEach((w) => w.postMessage({ kind: 'memory', index, memory }))) : null;

  /** Row ranges per thread, in multiples of 8 rows; the main thread takes the first. */
  const split = (outDim: number, each: (k: number, rowStart: number, rowEnd: number) => void): number => {
    const share = Math.ceil(outDim / n / 8) * 8;
    workers.forEach((_, k) => each(k, Math.min(outDim, (k + 1) * share), k === workers.length - 1 ? outDim : Math.min(outDim, (k + 2) * share)));
    return Math.min(share, outDim);
  };
  const wait = (): void => {
    flags.forEach((flag) => {
      if (Atomics.wait(flag, 0, 0, WAIT_MS) === 'timed-out') throw new Error('matmul worker did not answer');
      if (Atomics.load(flag, 0) === 2) throw new Error(`matmul worker failed: ${failures.join('\n') || 'unknown error'}`);
    });
  };
  const post = (k: number, message: object): void => {
    Atomics.store(flags[k]!, 0, 0);
    workers[k]!.postMessage({ ...message, flag: flags[k] });
  };

  return {
    threads: n,
    alloc: sharedAlloc.f32,
    weights: arena ?? sharedAlloc,
    linear(x: Float32Array, T: number, lin: Linear, y: Float32Array): void {
      const { inDim, outDim, w, dtype, b } = lin;
      const m = arena?.of(w);
      if (m && simdFits(lin)) {
        const name = KERNEL[dtype];
        const kernel = m.instance.exports[name] as (...a: number[]) => void;
        simdLinear(m, x, T, inDim, b, y, outDim, (tc, yPtr) => {
          if (n === 1 || tc * inDim * outDim < (o.minParallelMacs ?? MIN_PARALLEL_MACS_SIMD)) {
            kernel(0, tc, inDim, w.byteOffset, yPtr, outDim, 0, outDim);
            return;
          }
          const mine = split(outDim, (k, rowStart, rowEnd) =>
            post(k, { kind: 'simd', index: m.index, name, T: tc, n: inDim, wPtr: w.byteOffset, yPtr, outDim, rowStart, rowEnd }),
          );
          kernel(0, tc, inDim, w.byteOffset, yPtr, outDim, 0, mine);
          wait();
        });
        return;
      }
      if (n === 1 || T * inDim * outDim < (o.minParallelMacs ?? MIN_PARALLEL_MACS)) {
        matmulRange(x, T, inDim, w, dtype, b, y, outDim, 0, outDim);
        return;
      }
      const mine = split(outDim, (k, rowStart, rowEnd) => post(k, { kind: 'js', x, T, inDim, w, dtype, b, y, outDim, rowStart, rowEnd }));
      matmulRange(x, T, inDim, w, dtype, b, y, outDim, 0, mine);
      wait();
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

function startWorker(onMessage: (m: string) => void): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./matmul-worker.mjs', import.meta.url));
    w.on('message', onMessage);
    w.once('online', () => {
      // An unclosed backend must not keep the process alive. Adding a
      // 'message' listener refs the worker again, so unref comes after it.
      w.unref();
      resolve(w);
    });
    w.once('error', reject);
  });
}
