// Worker side of threads.ts: computes the row range it is sent, then flips
// its shared done flag (1 = done, 2 = failed) and wakes the main thread.
import { parentPort } from 'node:worker_threads';
import { matmulRange } from './matmul-kernels.mjs';

parentPort.on('message', (m) => {
  try {
    matmulRange(m.x, m.T, m.inDim, m.w, m.dtype, m.b, m.y, m.outDim, m.rowStart, m.rowEnd);
    Atomics.store(m.flag, 0, 1);
  } catch (e) {
    parentPort.postMessage(String(e && e.stack ? e.stack : e));
    Atomics.store(m.flag, 0, 2);
  }
  Atomics.notify(m.flag, 0);
});
