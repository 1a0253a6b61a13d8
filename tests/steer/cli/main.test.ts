import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { steerMain } from '../../../steer/cli/main.ts';
import { encodeGguf } from '../../../steer/io/gguf.ts';
import type { Io } from '../../../steer/cli/commands.ts';
import { modelDir, NEOX, tempDir } from '../tiny-models.ts';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [],
    err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), progress: () => {} };
  const code = await steerMain(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let dir: string;
let vector: string;
beforeAll(async () => {
  dir = modelDir(NEOX);
  vector = join(tempDir(), 'v.json');
  const r = await cli('direction', '--model', dir, '--out', vector, '--threads', '1');
  if (r.code !== 0) throw new Error(r.err);
});

describe('cape steer', () => {
  it('direction writes a vector file at layer n_layers // 4 and describes the hook site', async () => {
    expect(existsSync(vector)).toBe(true);
    expect(JSON.parse(readFileSync(vector, 'utf8'))).toMatchObject({ layer: 1, hookSite: 'block_output', method: 'mean-diff' });
    const r = await cli('direction', '--model', dir, '--out', join(tempDir(), 'p.json'), '--method', 'pca', '--layer', '3', '--json', '--threads', '1');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ layer: 3, method: 'pca-paired' });
  });

  it("generate prints unsteered and steered text for each prompt, labelling the authors' gate", async () => {
    const r = await cli(
      'generate',
      '--model',
      dir,
      '--vector',
      vector,
      '--prompt',
      'The sun is',
      '--prompt',
      'Water is',
      '--max-new-tokens',
      '4',
      '--threads',
      '1',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/authors' gate/);
    expect(r.out.match(/unsteered: /g)).toHaveLength(2);
    const j = await cli('generate', '--model', dir, '--vector', vector, '--prompt', 'The sun is', '--strength', '5', '--seed', '3', '--json', '--threads', '1');
    expect(JSON.parse(j.out).rows[0]).toMatchObject({ label: 'fixed', alpha: 5 });
  });

  it('eval exits 0 or 1 by whether the direction beats the random control, and reports both numbers', async () => {
    const items = join(tempDir(), 'items.jsonl');
    writeFileSync(
      items,
      ['{"question": "Is the sun hot?", "true": "Yes.", "false": "No."}', '{"question": "Is water dry?", "true": "No.", "false": ["Yes.", "Always."]}'].join(
        '\n',
      ),
    );
    const r = await cli('eval', '--model', dir, '--vector', vector, '--items', items, '--gen-tokens', '3', '--json', '--threads', '1');
    const report = JSON.parse(r.out);
    expect(r.code).toBe(report.summary.finding ? 1 : 0);
    expect(report.summary.n).toBe(2);
    expect(report.summary.textChanged.steered.n).toBe(2);
    expect(report.summary.moreTruthful.control.n).toBe(2);
    const text = await cli('eval', '--model', dir, '--vector', vector, '--items', items, '--gen-tokens', '0', '--strength', '2', '--threads', '1');
    expect(text.out).toMatch(/judged more truthful/);
    expect(text.out).toMatch(/text changed[^\n]*\n\s+\(not generated\)/);
  });

  it('probe prints one row per layer', async () => {
    const r = await cli('probe', '--model', dir, '--json', '--threads', '1');
    expect(r.code).toBe(JSON.parse(r.out).anyCompeting ? 1 : 0);
    expect(JSON.parse(r.out).layers).toHaveLength(4);
  });

  it('inspect prints the prompt, logits, residuals and continuation as JSON, twice with a vector', async () => {
    const r = await cli('inspect', '--model', dir, '--prompt', 'The sun is', '--layers', '0,2', '--top-k', '3', '--max-new-tokens', '2', '--threads', '1');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.input.text).toBe('The sun is');
    expect(j.runs).toHaveLength(1);
    expect(j.runs[0].lastLogits.top).toHaveLength(3);
    expect(Object.keys(j.runs[0].residual)).toEqual(['0', '2']);
    expect(j.runs[0].continuation.steps).toHaveLength(2);
    const s = await cli('inspect', '--model', dir, '--ids', '5,6,7', '--vector', vector, '--strength', '3', '--full', '--threads', '1');
    const k = JSON.parse(s.out);
    expect(k.input.ids).toEqual([5, 6, 7]);
    expect(k.runs.map((x: { steering: { alpha: number } | null }) => x.steering?.alpha ?? null)).toEqual([null, 3]);
    expect(k.runs[0].lastLogits.all).toHaveLength(291);
  });

  it('exports a vector as a llama.cpp control vector and as safetensors, and steers with either', async () => {
    const gguf = join(tempDir(), 'v.gguf'),
      st = join(tempDir(), 'v.safetensors');
    const e = await cli('export', '--vector', vector, '--out', gguf, '--scale', '4');
    expect(e.code).toBe(0);
    expect(e.out).toMatch(/direction\.1 = 4 x the vector.*--control-vector-scaled/);
    expect((await cli('export', '--vector', gguf, '--out', st)).code).toBe(0);
    const run = async (f: string): Promise<unknown> =>
      JSON.parse(
        (await cli('generate', '--model', dir, '--vector', f, '--prompt', 'The sun is', '--strength', '2', '--max-new-tokens', '3', '--json', '--threads', '1'))
          .out,
      ).rows;
    const want = await run(vector);
    expect(await run(gguf)).toEqual(want);
    expect(await run(st)).toEqual(want);
  });

  it('needs --force for a control vector made elsewhere, and names the file when its width does not fit', async () => {
    const foreign = join(tempDir(), 'foreign.gguf');
    writeFileSync(
      foreign,
      encodeGguf(
        [
          ['general.architecture', 'controlvector'],
          ['controlvector.model_hint', 'gpt_neox'],
        ],
        [{ name: 'direction.2', data: new Float32Array(16).fill(0.25) }],
      ),
    );
    const args = ['generate', '--model', dir, '--vector', foreign, '--prompt', 'x', '--strength', '1', '--max-new-tokens', '1', '--threads', '1'];
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/foreign\.gguf: vector foreign\.gguf carries no config\.json hash.*--force/);
    expect((await cli(...args, '--force')).code).toBe(0);
    const wide = join(tempDir(), 'wide.gguf');
    writeFileSync(wide, encodeGguf([], [{ name: 'direction.2', data: new Float32Array(32) }]));
    const w = await cli('generate', '--model', dir, '--vector', wide, '--prompt', 'x', '--force', '--threads', '1');
    expect(w.code).toBe(2);
    expect(w.err).toMatch(/wide\.gguf: the vector has 32 entries \(d_model\), the model's hidden size is 16/);
  });

  it('answers --help for every command with exit 0', async () => {
    for (const c of ['direction', 'generate', 'eval', 'probe', 'inspect', 'export']) {
      const r = await cli(c, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^usage: cape steer ${c}`));
    }
    expect((await cli('--help')).out).toMatch(/commands:/);
  });

  it('exits 2 with a message for usage errors and bad inputs', async () => {
    const cases: [string[], RegExp][] = [
      [['bogus'], /unknown command "bogus"/],
      [['probe'], /--model DIR is required/],
      [['probe', '--model', dir, '--nope'], /Unknown option '--nope'/],
      [['generate', '--model', dir, '--vector', vector], /at least one --prompt/],
      [['eval', '--model', dir, '--vector', vector, '--gate', 'authors', '--strength', '1'], /either --gate or --strength/],
      [['generate', '--model', dir, '--vector', vector, '--prompt', 'x', '--temperature', '1'], /need --seed/],
      [['direction', '--model', join(dir, 'missing')], /config\.json: file not found/],
      [['eval', '--model', dir, '--sweep', '--strength', '1'], /--sweep takes its strengths from --strengths/],
      [['inspect', '--model', dir], /either --prompt TEXT or --ids/],
      [['inspect', '--model', dir, '--prompt', 'x', '--ids', '1'], /either --prompt TEXT or --ids/],
      [['inspect', '--model', dir, '--ids', '1,x'], /--ids expects an integer >= 0, got "x"/],
      [['inspect', '--model', dir, '--ids', '1,9999'], /token id 9999 outside the model's vocabulary/],
      [['inspect', '--model', dir, '--prompt', 'x', '--strength', '2'], /--strength needs --vector/],
      [['export', '--vector', vector], /--vector FILE and --out FILE are required/],
      [['export', '--vector', vector, '--out', 'v.txt'], /unknown vector file extension "\.txt"/],
      [['export', '--vector', vector, '--out', 'v.safetensors', '--scale', '2'], /--scale applies only to a \.gguf/],
    ];
    for (const [argv, msg] of cases) {
      const r = await cli(...argv, ...(argv[0] === 'export' ? [] : ['--threads', '1']));
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(msg);
    }
  });

  it('refuses a vector built for a different model unless --force', async () => {
    const other = modelDir({ ...NEOX, seed: 99, rotaryPct: 1 });
    const r = await cli('generate', '--model', other, '--vector', vector, '--prompt', 'x', '--max-new-tokens', '1', '--threads', '1');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/config\.json sha256/);
    expect((await cli('generate', '--model', other, '--vector', vector, '--prompt', 'x', '--max-new-tokens', '1', '--force', '--threads', '1')).code).toBe(0);
  });
});
