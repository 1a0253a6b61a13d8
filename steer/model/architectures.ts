// The registry of supported architectures. Adding one means writing its
// module (config.json keys and tensor names) and listing it here.
import type { TensorStore } from '../io/safetensors.ts';
import { heapAlloc } from '../kernels/backend.ts';
import type { Architecture, ModelConfig } from './architecture.ts';
import { ConfigReader } from './config-reader.ts';
import { bloom } from './bloom.ts';
import { falcon } from './falcon.ts';
import { gemma } from './gemma.ts';
import { gpt2 } from './gpt2.ts';
import { gptNeo } from './gpt-neo.ts';
import { gptNeox } from './gpt-neox.ts';
import { llama } from './llama.ts';
import { olmo } from './olmo.ts';
import { opt } from './opt.ts';
import { phi } from './phi.ts';
import type { Alloc, ModelWeights } from './weights.ts';

const ARCHITECTURES: Architecture[] = [gptNeox, llama, gpt2, gemma, phi, opt, bloom, falcon, gptNeo, olmo];

export const SUPPORTED_MODEL_TYPES: readonly string[] = ARCHITECTURES.flatMap((a) => a.modelTypes);

function architectureFor(modelType: string): Architecture | undefined {
  return ARCHITECTURES.find((a) => a.modelTypes.includes(modelType));
}

export function parseConfig(raw: Record<string, unknown>, where = 'config.json'): ModelConfig {
  const c = new ConfigReader(raw, where);
  const arch = architectureFor(c.modelType) ?? c.fail(`model_type "${c.modelType}" is not supported (supported: ${SUPPORTED_MODEL_TYPES.join(', ')})`);
  return arch.parse(c);
}

export function loadWeights(cfg: ModelConfig, store: TensorStore, alloc: Alloc = heapAlloc): ModelWeights {
  return architectureFor(cfg.modelType)!.load(cfg, store, alloc);
}
