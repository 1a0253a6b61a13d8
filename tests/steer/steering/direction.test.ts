import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastTokenStates, norm } from '../../../steer/steering/activations.ts';
import { randomDirection } from '../../../steer/steering/control.ts';
import { computeDirection, pairedPca } from '../../../steer/steering/direction.ts';
import type { LoadedModel } from '../../../steer/model/load.ts';
import { DEFAULT_STATEMENTS, readStatements, statementSetSha256 } from '../../../steer/steering/statements.ts';
import { clopperPearson } from '../../../steer/eval/stats.ts';
import { checkVectorFits, readVectorFile, writeVectorFile } from '../../../steer/io/vector-file.ts';
import { loadedModel, NEOX, tempDir } from '../tiny-models.ts';

let lm: LoadedModel;
beforeAll(async () => {
  lm = await loadedModel(NEOX);
});
afterAll(() => lm.close());

describe('truth direction', () => {
  it('is the unit-normalised mean(true) minus mean(false) of last-token states at layer n_layers // 4 by default', () => {
    const vf = computeDirection(lm);
    expect(vf.layer).toBe(1); // 4 blocks
    const pairs = DEFAULT_STATEMENTS.pairs;
    const t = lastTokenStates(
      lm,
      pairs.map((p) => p.true),
      [1],
    ).get(1)!;
    const f = lastTokenStates(
      lm,
      pairs.map((p) => p.false),
      [1],
    ).get(1)!;
    const diff = Array.from({ length: lm.config.dModel }, (_, i) => (t.reduce((a, r) => a + r[i]!, 0) - f.reduce((a, r) => a + r[i]!, 0)) / pairs.length);
    const n = Math.hypot(...diff);
    vf.vector.forEach((x, i) => expect(x).toBeCloseTo(diff[i]! / n, 6));
    expect(norm(vf.vector)).toBeCloseTo(1, 12);
  });

  it('records the model identity, hook site, statement-set hash, sign convention and residual RMS', () => {
    const vf = computeDirection(lm, { layer: 2 });
    const configHash = createHash('sha256')
      .update(readFileSync(join(lm.dir, 'config.json')))
      .digest('hex');
    expect(vf).toMatchObject({
      layer: 2,
      hookSite: 'block_output',
      operation: 'add',
      dModel: 16,
      method: 'mean-diff',
      signConvention: 'true minus false',
      model: { configSha256: configHash, modelType: 'gpt_neox', nLayers: 4 },
      statementSet: { name: 'cape-default-v1', nPairs: DEFAULT_STATEMENTS.pairs.length, sha256: statementSetSha256(DEFAULT_STATEMENTS) },
    });
    const states = lastTokenStates(
      lm,
      DEFAULT_STATEMENTS.pairs.flatMap((p) => [p.true, p.false]),
      [2],
    ).get(2)!;
    const rms = Math.sqrt(states.reduce((a, r) => a + r.reduce((b, x) => b + x * x, 0), 0) / (states.length * 16));
    expect(vf.residualRms).toBeCloseTo(rms, 6);
  });

  it('recovers the shared axis of paired differences by PCA, signed to agree with the mean difference', () => {
    const axis = [0.6, 0, -0.8, 0];
    const falses = [
      [1, 2, 3, 4],
      [0, 1, 0, 1],
      [2, 2, 2, 2],
    ].map((r) => Float32Array.from(r));
    // Each pair differs by a multiple of -axis (with varying sizes): PCA must return +/-axis, signed like mean(true - false).
    const trues = falses.map((r, k) => r.map((x, i) => x - (k + 1) * axis[i]!));
    const v = pairedPca(trues, falses);
    v.forEach((x, i) => expect(x).toBeCloseTo(-axis[i]!, 6));
  });

  it('reads a user statement file as JSON Lines and hashes its content, not its formatting', () => {
    const dir = tempDir();
    const a = join(dir, 'a.jsonl'),
      b = join(dir, 'b.json');
    writeFileSync(a, '# mine\n{"true": "Snow is cold.", "false": "Snow is hot."}\n\n{"true": "Fire is hot.", "false": "Fire is cold."}\n');
    writeFileSync(
      b,
      JSON.stringify(
        [
          { true: 'Snow is cold.', false: 'Snow is hot.' },
          { false: 'Fire is cold.', true: 'Fire is hot.' },
        ],
        null,
        2,
      ),
    );
    expect(readStatements(a).pairs).toHaveLength(2);
    expect(statementSetSha256(readStatements(a))).toBe(statementSetSha256(readStatements(b)));
    writeFileSync(a, '{"true": "Snow is cold."}\n{"true": "x", "false": "y"}\n');
    expect(() => readStatements(a)).toThrow(/entry 1 needs string fields "true" and "false"/);
  });
});

describe('vector file', () => {
  it('round-trips and refuses a model whose config hash or width differs', () => {
    const vf = computeDirection(lm);
    const path = join(tempDir(), 'v.json');
    writeVectorFile(path, vf);
    const back = readVectorFile(path);
    expect(back).toEqual(vf);
    const fits = { configSha256: lm.configSha256, dModel: 16, nLayers: 4 };
    expect(() => checkVectorFits(back, fits)).not.toThrow();
    expect(() => checkVectorFits(back, { ...fits, configSha256: 'f'.repeat(64) })).toThrow(/--force/);
    expect(() => checkVectorFits(back, { ...fits, configSha256: 'f'.repeat(64) }, true)).not.toThrow();
    expect(() => checkVectorFits(back, { ...fits, dModel: 32 }, true)).toThrow(/the vector has 16 entries \(d_model\), the model's hidden size is 32/);
  });
});

describe('random-direction control', () => {
  it('has the same norm as the truth vector, is reproducible from its seed, and differs across seeds', () => {
    const a = randomDirection(16, 1, 'x'),
      b = randomDirection(16, 1, 'x'),
      c = randomDirection(16, 1, 'y');
    expect(norm(a)).toBeCloseTo(1, 6);
    expect(norm(randomDirection(33, 7.5, 0))).toBeCloseTo(7.5, 5);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });
});

describe('Clopper–Pearson interval', () => {
  it('matches the closed forms at k = 0 and k = n and is symmetric', () => {
    // k = 0: upper = 1 - (alpha/2)^(1/n); k = n: lower = (alpha/2)^(1/n).
    expect(clopperPearson(0, 10)[1]).toBeCloseTo(1 - 0.025 ** 0.1, 8);
    expect(clopperPearson(10, 10)[0]).toBeCloseTo(0.025 ** 0.1, 8);
    const [lo, hi] = clopperPearson(3, 10);
    const [lo2, hi2] = clopperPearson(7, 10);
    expect(lo).toBeCloseTo(1 - hi2, 8);
    expect(hi).toBeCloseTo(1 - lo2, 8);
    expect(lo).toBeLessThan(0.3);
    expect(hi).toBeGreaterThan(0.3);
  });
});
