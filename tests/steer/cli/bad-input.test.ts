// The real `cape` process, spawned: a hang or a stack trace only shows from outside.
import { execFile } from 'node:child_process';
import { rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelDir, NEOX } from '../tiny-models.ts';

const ROOT = join(import.meta.dirname, '../../..');

function cape(args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin/cape.mjs'), 'steer', ...args], { timeout: 30_000 }, (e, _out, err) => {
      resolve({ code: e ? ((e as { code?: number | null }).code ?? null) : 0, err });
    });
  });
}

type Case = [name: string, spoil: (dir: string) => void, message: RegExp];
const weights = (dir: string): string => join(dir, 'model.safetensors');
const header = (json: string): Buffer => {
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(Buffer.byteLength(json)));
  return Buffer.concat([len, Buffer.from(json)]);
};
const CASES: Case[] = [
  ['a missing weights file', (d) => rmSync(weights(d)), /neither model\.safetensors\.index\.json nor model\.safetensors found/],
  [
    'a truncated weights file',
    (d) => truncateSync(weights(d), statSync(weights(d)).size - 100),
    /model\.safetensors: tensor '[^']+' ends at byte \d+ but the file has \d+/,
  ],
  ['a garbage weights file', (d) => writeFileSync(weights(d), Buffer.alloc(4096, 0xab)), /model\.safetensors: header length \d+ is larger than the file/],
  ['a header that is a JSON array', (d) => writeFileSync(weights(d), header('[1, 2, 3]')), /model\.safetensors: header is not a JSON object/],
  ['a header that is JSON null', (d) => writeFileSync(weights(d), header('null')), /model\.safetensors: header is not a JSON object/],
  [
    'a header entry without data_offsets',
    (d) => writeFileSync(weights(d), header('{"w": {"dtype": "F32", "shape": [1]}}')),
    /model\.safetensors: tensor 'w' needs "dtype", "shape" and "data_offsets"/,
  ],
  [
    'a malformed model.safetensors.index.json',
    (d) => writeFileSync(join(d, 'model.safetensors.index.json'), '{"weight_map": '),
    /model\.safetensors\.index\.json: not valid JSON/,
  ],
  [
    'an index whose weight_map is not an object of file names',
    (d) => writeFileSync(join(d, 'model.safetensors.index.json'), '{"weight_map": [1]}'),
    /model\.safetensors\.index\.json: "weight_map" must map tensor names to shard file names/,
  ],
];

describe('cape steer on a broken checkpoint', () => {
  it('exits 2 with a message naming the file, never hanging, with worker threads running', async () => {
    const runs = CASES.map(async ([name, spoil, message]) => {
      const dir = modelDir(NEOX);
      spoil(dir);
      const r = await cape(['direction', '--model', dir, '--threads', '2', '--out', join(dir, 'v.json')]);
      return { name, message, ...r };
    });
    for (const r of await Promise.all(runs)) {
      expect(r.code, `${r.name}: ${r.err}`).toBe(2);
      expect(r.err, r.name).toMatch(r.message);
      expect(r.err, r.name).not.toMatch(/\n\s+at /);
    }
  });

  it('exits 2 naming the flag for an empty prompt', async () => {
    const dir = modelDir(NEOX);
    const vector = join(dir, 'v.json');
    expect((await cape(['direction', '--model', dir, '--threads', '2', '--out', vector])).code).toBe(0);
    const r = await cape(['generate', '--model', dir, '--threads', '2', '--vector', vector, '--prompt', '']);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/--prompt 1 is empty/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
