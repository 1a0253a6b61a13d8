// Splits each matrix product's output rows between the main thread and
// worker threads. Weights and activations live in SharedArrayBuffers, so a
// command message carries only views, never copies. The main thread computes
// its own share, then blocks on an Atomics flag: a generation step is one
// synchronous chain of products, so there is nothing else it could do.
import { Worker } from 'node:worker_threads';
import { sharedAlloc, type MatmulBackend } from './backend.ts';
import { matmulRange } from './matmul-kernels.mjs';
import type { Linear } from '../model/weights.ts';

/** Below this many multiply-adds a message round trip costs more than it saves. */
const MIN_PARALLEL_MACS = 100_000;
const WAIT_MS = 120_000;

export async function createThreadedBackend(threads: number, o: { minParallelMacs?: number } = {}): Promise<MatmulBackend> {
  const minMacs = o.minParallelMacs ?? MIN_PARALLEL_MACS;
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
  return {
    threads: n,
    alloc: sharedAlloc.f32,
    weights: sharedAlloc,
    linear(x: Float32Array, T: number, lin: Linear, y: Float32Array): void {
      const { inDim, outDim, w, dtype, b } = lin;
      if (n === 1 || T * inDim * outDim < minMacs) {
        matmulRange(x, T, inDim, w, dtype, b, y, outDim, 0, outDim);
        return;
      }
      // Shares are multiples of 8 rows so every thread stays in the fast kernel path.
      const share = Math.ceil(outDim / n / 8) * 8;
      workers.forEach((wk, k) => {
        const rowStart = Math.min(outDim, (k + 1) * share);
        const rowEnd = k === workers.length - 1 ? outDim : Math.min(outDim, (k + 2) * share);
        Atomics.store(flags[k]!, 0, 0);
        wk.postMessage({ x, T, inDim, w, dtype, b, y, outDim, rowStart, rowEnd, flag: flags[k] });
      });
      matmulRange(x, T, inDim, w, dtype, b, y, outDim, 0, Math.min(share, outDim));
      flags.forEach((flag) => {
        if (Atomics.wait(flag, 0, 0, WAIT_MS) === 'timed-out') throw new Error('matmul worker did not answer');
        if (Atomics.load(flag, 0) === 2) throw new Error(`matmul worker failed: ${failures.join('\n') || 'unknown error'}`);
      });
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
