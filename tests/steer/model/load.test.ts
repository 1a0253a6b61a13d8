import { describe, expect, it } from 'vitest';
import { openCheckpoint } from '../../../steer/io/safetensors.ts';
import { MemoryTensorStore } from '../../../steer/io/synthetic.ts';
import { loadWeights } from '../../../steer/model/architectures.ts';
import { createSerialBackend } from '../../../steer/kernels/backend.ts';
import { Transformer } from '../../../steer/model/forward.ts';
import { loadModel } from '../../../steer/model/load.ts';
import { heldMatrixBytes } from '../../../steer/model/weights.ts';
import { GPT2, LLAMA, modelDir, NEOX } from '../tiny-models.ts';

/** The same checkpoint with every tensor decoded to float32 up front (the engine's behaviour before 16-bit holding), on the same kind of backend. */
function decodedModel(dir: string, lm: Awaited<ReturnType<typeof loadModel>>): Transformer {
  const store = openCheckpoint(dir);
  const tensors = store.names().map((name) => ({ name, shape: store.shape(name), data: store.read(name) }));
  const backend = createSerialBackend();
  return new Transformer(lm.config, loadWeights(lm.config, new MemoryTensorStore(tensors), backend.weights), backend);
}

describe('16-bit checkpoints', () => {
  // d_ff 600 > 512: the down projection crosses a widening-chunk boundary.
  const cases = [
    [{ ...LLAMA, dFF: 600 }, 'BF16'],
    [NEOX, 'F16'],
    [GPT2, 'BF16'],
  ] as const;
  for (const [spec, dtype] of cases) {
    it(`holds a ${spec.modelType} ${dtype} checkpoint's matrices at 2 bytes per weight, with the logits of its float32 decoding bit for bit`, async () => {
      const dir = modelDir(spec, { dtype });
      const lm = await loadModel(dir);
      const L = lm.model.weights.layers[0]!;
      for (const lin of [L.qkv, L.o, L.up, L.down, lm.model.weights.embed]) {
        expect(lin.dtype).toBe(dtype);
        expect(lin.w).toBeInstanceOf(Uint16Array);
      }
      const ref = decodedModel(dir, lm);
      expect(heldMatrixBytes(lm.model.weights)).toBe(heldMatrixBytes(ref.weights) / 2);
      const ids = [3, 17, 40, 2, 99];
      expect(Array.from(lm.model.forward(ids, lm.model.newCache(), { logits: 'all' })!)).toEqual(
        Array.from(ref.forward(ids, ref.newCache(), { logits: 'all' })!),
      );
      expect(Array.from(lm.model.forward([5], lm.model.newCache())!)).toEqual(Array.from(ref.forward([5], ref.newCache())!));
      await lm.close();
    });
  }

  it('gives bit-identical BF16 logits with two matmul threads', async () => {
    // d_model 128: single-token products are large enough to be split between threads.
    const dir = modelDir({ ...LLAMA, dModel: 128, dFF: 600 }, { dtype: 'BF16' });
    const [one, two] = await Promise.all([loadModel(dir, { threads: 1 }), loadModel(dir, { threads: 2 })]);
    const ids = [1, 2, 3, 4, 5, 6];
    expect(Array.from(two.model.forward(ids, two.model.newCache(), { logits: 'all' })!)).toEqual(
      Array.from(one.model.forward(ids, one.model.newCache(), { logits: 'all' })!),
    );
    expect(Array.from(two.model.forward([9], two.model.newCache())!)).toEqual(Array.from(one.model.forward([9], one.model.newCache())!));
    await Promise.all([one.close(), two.close()]);
  });
});
