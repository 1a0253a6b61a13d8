// Worker side of threads.ts. 'memory' messages bring each WebAssembly memory
// of weights (instantiated here once); 'simd' and 'js' messages ask for a row
// range of one product, after which the worker flips its shared done flag
// (1 = done, 2 = failed) and wakes the main thread.
import { parentPort } from 'node:worker_threads';
import { matmulRange } from './matmul-kernels.mjs';
import { instantiate } from './simd.mjs';

const instances = [];

parentPort.on('message', (m) => {
  if (m.kind === 'memory') {
    instances[m.index] = instantiate(m.memory);
    return;
  }
  try {
    if (m.kind === 'simd') instances[m.index].exports[m.name](0, m.T, m.n, m.wPtr, m.yPtr, m.outDim, m.rowStart, m.rowEnd);
    else matmulRange(m.x, m.T, m.inDim, m.w, m.dtype, m.b, m.y, m.outDim, m.rowStart, m.rowEnd);
    Atomics.store(m.flag, 0, 1);
  } catch (e) {
    parentPort.postMessage(String(e?.stack ? e.stack : e));
    Atomics.store(m.flag, 0, 2);
  }
  Atomics.notify(m.flag, 0);
});
