import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig, SUPPORTED_MODEL_TYPES } from '../../../steer/model/config.ts';
import { HELP } from '../../../steer/cli/help.ts';
import { loadModel } from '../../../steer/model/load.ts';
import { GPT2, LLAMA, modelDir, NEOX, QWEN2, tempDir } from '../tiny-models.ts';

describe('config.json', () => {
  it('reads a Pythia config as parallel-residual LayerNorm GELU with partial rotary', () => {
    const c = parseConfig({
      model_type: 'gpt_neox',
      hidden_size: 1024,
      num_hidden_layers: 24,
      num_attention_heads: 16,
      intermediate_size: 4096,
      vocab_size: 50304,
      rotary_pct: 0.25,
      rotary_emb_base: 10000,
      layer_norm_eps: 1e-5,
      hidden_act: 'gelu',
      use_parallel_residual: true,
    });
    expect(c).toMatchObject({ headDim: 64, rotaryDim: 16, residual: 'parallel', norm: 'layernorm', act: 'gelu', gatedMlp: false, qkvBias: true });
  });

  it('reads Llama, Mistral and Qwen2 configs as RMSNorm SwiGLU with full RoPE and grouped-query attention', () => {
    const base = {
      hidden_size: 64,
      num_hidden_layers: 2,
      num_attention_heads: 8,
      num_key_value_heads: 2,
      intermediate_size: 128,
      vocab_size: 100,
      rope_theta: 500000,
    };
    for (const model_type of ['llama', 'mistral', 'qwen2']) {
      const c = parseConfig({ ...base, model_type });
      expect(c).toMatchObject({ norm: 'rmsnorm', act: 'silu', gatedMlp: true, rotaryDim: 8, ropeTheta: 500000, nKvHeads: 2 });
      expect(c.qkvBias).toBe(model_type === 'qwen2');
    }
  });

  it('rejects an unsupported model_type naming config.json and the type', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ model_type: 'mamba', hidden_size: 8 }));
    expect(() => loadConfig(dir)).toThrow(new RegExp(`${join(dir, 'config.json')}: model_type "mamba" is not supported`));
  });

  it('rejects RoPE scaling rather than silently computing the wrong positions', () => {
    expect(() =>
      parseConfig({
        model_type: 'llama',
        hidden_size: 8,
        num_hidden_layers: 1,
        num_attention_heads: 2,
        intermediate_size: 8,
        vocab_size: 10,
        rope_scaling: { rope_type: 'llama3', factor: 8 },
      }),
    ).toThrow(/rope_scaling type "llama3" is not supported/);
  });
});

describe('model folders', () => {
  it('load in the GPT-NeoX, Llama, Qwen2 and GPT-2 layouts from single and sharded F32, F16 and BF16 files', async () => {
    const cases = [
      [NEOX, 'F16', 1],
      [LLAMA, 'BF16', 2],
      [QWEN2, 'F32', 3],
      [GPT2, 'F16', 2],
    ] as const;
    for (const [spec, dtype, shards] of cases) {
      const lm = await loadModel(modelDir(spec, { dtype, shards }));
      const logits = lm.model.forward(lm.tokenizer.encode('The sun is'), lm.model.newCache())!;
      expect(logits.length).toBe(lm.config.vocabSize);
      expect(logits.every(Number.isFinite)).toBe(true);
      await lm.close();
    }
  });

  it('loads with two matmul threads and gives exactly the single-threaded logits', async () => {
    const dir = modelDir(LLAMA);
    const one = await loadModel(dir, { threads: 1 });
    const two = await loadModel(dir, { threads: 2 });
    const ids = one.tokenizer.encode('Water is wet and the sun is hot.');
    expect(two.model.backend.threads).toBe(2);
    expect(Array.from(two.model.forward(ids, two.model.newCache(), { logits: 'all' })!)).toEqual(
      Array.from(one.model.forward(ids, one.model.newCache(), { logits: 'all' })!),
    );
    await Promise.all([one.close(), two.close()]);
  });

  it('names the checkpoint and the tensor when a weight is missing', async () => {
    const dir = modelDir(NEOX);
    // Same file, but the config claims one more block than the checkpoint holds.
    const cfg = { ...JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')), num_hidden_layers: 5 };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(cfg));
    await expect(loadModel(dir)).rejects.toThrow(/model\.safetensors: tensor 'gpt_neox\.layers\.4\.[a-z_.]+' not found/);
  });

  it('names the tensor whose shape does not match config.json', async () => {
    const dir = modelDir(LLAMA);
    const cfg = { ...JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')), intermediate_size: 25 };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(cfg));
    await expect(loadModel(dir)).rejects.toThrow(/tensor 'model\.layers\.0\.mlp\.gate_proj\.weight' has shape \[24,16\], expected \[25,16\]/);
  });
});

describe('documentation', () => {
  it('lists every supported model_type, and no other, in the steer README table, the main README and the help', () => {
    const root = join(import.meta.dirname, '../../..');
    const section = readFileSync(join(root, 'steer/README.md'), 'utf8').split('## Supported architectures')[1]!.split('\n## ')[0]!;
    // Rows after the header and its |---| line.
    const rows = section
      .split('\n')
      .filter((l) => l.startsWith('|'))
      .slice(2);
    expect(rows.map((l) => /^\| `([a-z0-9_]+)`/.exec(l)?.[1]).sort()).toEqual([...SUPPORTED_MODEL_TYPES].sort());
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const t of SUPPORTED_MODEL_TYPES) {
      expect(readme, t).toContain(`\`${t}\``);
      expect(HELP.steer, t).toMatch(new RegExp(`\\b${t}\\b`));
    }
  });
});
