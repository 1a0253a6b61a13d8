// A model folder on disk (config.json, safetensors, tokenizer.json) -> a
// runnable Transformer plus its tokenizer and identity.
import { createSerialBackend, serialBackend, type MatmulBackend } from '../kernels/backend.ts';
import { loadConfig, type ModelConfig } from './config.ts';
import { Transformer } from './forward.ts';
import { openCheckpoint } from '../io/safetensors.ts';
import { createThreadedBackend } from '../kernels/threads.ts';
import { loadTokenizer, type TextTokenizer } from '../io/tokenizer.ts';
import { loadWeights } from './architectures.ts';

export interface LoadedModel {
  dir: string;
  config: ModelConfig;
  /** sha256 of config.json: identifies the architecture a vector file belongs to. */
  configSha256: string;
  model: Transformer;
  tokenizer: TextTokenizer;
  close(): Promise<void>;
}

export interface LoadOptions {
  /** Matmul threads (main thread included). Default 1. */
  threads?: number;
}

export async function loadModel(dir: string, o: LoadOptions = {}): Promise<LoadedModel> {
  const { config, sha256 } = loadConfig(dir);
  const tokenizer = loadTokenizer(dir);
  // Every header is read and checked before a worker thread exists, and from
  // here on every path out closes the backend: a bad file must not leave
  // threads running (the process would never exit).
  const store = openCheckpoint(dir);
  let backend: MatmulBackend = serialBackend;
  try {
    backend = (o.threads ?? 1) > 1 ? await createThreadedBackend(o.threads!) : createSerialBackend();
    const weights = loadWeights(config, store, backend.weights);
    const model = new Transformer(config, weights, backend);
    return { dir, config, configSha256: sha256, model, tokenizer, close: () => backend.close() };
  } catch (e) {
    await backend.close();
    throw e;
  } finally {
    store.close();
  }
}
