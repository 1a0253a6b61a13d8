import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../pipeline/cli/command.ts';
import { COMMANDS } from '../../pipeline/cli/commands.ts';
import { internalErrorText } from '../../pipeline/cli/exit.ts';
import { main } from '../../pipeline/cli/main.ts';
import { copyData, editFile, tempDir } from '../helpers/fixtures.ts';

/** Runs `cape ARGS` in-process and keeps what went to each stream. */
async function cape(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), tty: false };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const noTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('cape streams and exit codes', () => {
  it('prints usage on stderr and exits 2 when run with no arguments', async () => {
    const r = await cape();
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^usage: cape <command>/);
  });

  it('prints usage and the version on stdout when asked', async () => {
    const help = await cape('--help');
    expect([help.code, help.err]).toEqual([0, '']);
    expect(help.out).toMatch(/^usage: cape <command>/);
    const version = await cape('--version');
    expect(version.code).toBe(0);
    expect(version.out).toMatch(/^cape \(cape-repro\) \d+\.\d+\.\d+$/);
  });

  it('answers every command’s --help on stdout without running it', async () => {
    for (const name of Object.keys(COMMANDS).filter((n) => !COMMANDS[n]!.raw)) {
      const r = await cape(name, '--help');
      expect(r.code, name).toBe(0);
      expect(r.out, name).toBe(COMMANDS[name]!.help);
    }
  });

  it('exits 2 naming the flag for an unknown flag, a missing value or a bad number, before reading any data', async () => {
    const cases: [string[], RegExp][] = [
      [['reproduce', '--sed', 'x'], /unknown option --sed/],
      [['reproduce', '--seed'], /--seed expects a value/],
      [['reproduce', '--seed', ''], /--seed expects a non-empty value/],
      [['reproduce', '--resamples', '0'], /--resamples expects a positive integer, got "0"/],
      [['reproduce', '--resamples', '-5'], /--resamples expects a positive integer, got "-5"/],
      [['reproduce', '--resamples', 'many'], /--resamples expects a positive integer, got "many"/],
      [['predict', '--family', 'Pythia', '--size', '0'], /--size expects a positive number of billions of parameters, got "0"/],
      [['predict', '--family', 'Pythia', '--size', '-2'], /--size expects a positive number of billions of parameters, got "-2"/],
      [['h-field', '--swe', '-4', '--gpqa', '50'], /--swe expects a percentage in \[0, 100\], got "-4"/],
      [['diagnose', '--model', 'Pythia-1B', '--panel', 'paper'], /--panel expects "audited" or "published", got "paper"/],
      [['serve', '--port', '70000'], /--port expects an integer from 0 to 65535, got "70000"/],
      [['diff', 'reference'], /expected exactly two result versions/],
    ];
    for (const [argv, message] of cases) {
      const r = await cape(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toMatch(new RegExp(`^cape ${argv[0]}: ${message.source}`));
      expect(r.out).toBe('');
      noTrace(r.err);
    }
  });

  it('passes a negative number through to steer as a value, not as an option', async () => {
    // steer prints through console itself; keep what it says.
    const said: string[] = [];
    const saved = console.error;
    console.error = (...a: unknown[]) => said.push(a.join(' '));
    try {
      expect((await cape('steer', 'generate', '--strength', '-4', '--prompt', 'hi')).code).toBe(2);
    } finally {
      console.error = saved;
    }
    expect(said.join('\n')).toMatch(/^cape steer generate: --model DIR is required/);
  });

  it('exits 2 naming a directory given to cape diagnose', async () => {
    const dir = tempDir();
    const r = await cape('diagnose', dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`family file: "${dir}" is a directory, expected a file`);
    noTrace(r.err);
  });

  it('reads the data of --data instead of the data shipped with cape', async () => {
    const data = copyData();
    editFile(join(data, 'frontier', 'models.csv'), (t) => t.replace('\nGPT-5,OpenAI,74.9,', '\nGPT-5,OpenAI,70.9,'));
    const shipped = JSON.parse((await cape('h-field', '--model', 'GPT-5', '--json')).out);
    const theirs = JSON.parse((await cape('h-field', '--model', 'GPT-5', '--json', '--data', data)).out);
    expect(theirs.swe).toBe(70.9);
    expect(shipped.swe).not.toBe(70.9);
  });

  it('exits 2 naming a --data or --out that cannot be used', async () => {
    const file = join(tempDir(), 'plain.txt');
    writeFileSync(file, 'x');
    expect((await cape('reproduce', '--data', join(tempDir(), 'nope'))).err).toMatch(/--data: no such folder/);
    const out = await cape('reproduce', '--out', file);
    expect(out.code).toBe(2);
    expect(out.err).toMatch(/--out: ".*plain\.txt" is a file, expected a folder/);
  });

  it('exits 2 naming the file, line and column of a config syntax error, and the key of a type error, writing nothing', async () => {
    const dir = tempDir();
    const results = join(dir, 'results');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "noise": { "draws": 10, }\n}\n');
    const syntax = await cape('reproduce', '--config', bad, '--out', results);
    expect(syntax.code).toBe(2);
    expect(syntax.err).toMatch(new RegExp(`--config: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+: not valid JSON`));
    writeFileSync(bad, '{ "noise": { "draws": "10" } }');
    expect((await cape('reproduce', '--config', bad, '--out', results)).err).toMatch(/key "noise\.draws" expects a number, got a string \("10"\)/);
    writeFileSync(bad, '{ "noise": { "drawz": 10 } }');
    expect((await cape('reproduce', '--config', bad, '--out', results)).err).toMatch(/unknown key "noise\.drawz"; known keys here: draws, /);
    mkdirSync(join(dir, 'cfg'));
    expect((await cape('reproduce', '--config', join(dir, 'cfg'), '--out', results)).err).toMatch(/--config: ".*cfg" is a directory, expected a JSON file/);
    expect(readdirSync(dir).sort()).toEqual(['bad.json', 'cfg']);
  });

  it('reports an unexpected error in one line with the hint for the stack trace, and exits 3', async () => {
    COMMANDS.boom = {
      summary: 'fails',
      help: 'cape boom',
      options: {},
      positionals: false,
      load: async () => ({ run: async () => (null as unknown as { x: number }).x }),
    };
    try {
      const r = await cape('boom');
      expect(r.code).toBe(3);
      expect(r.err.split('\n')).toEqual([
        expect.stringMatching(/^cape boom: internal error: Cannot read properties of null/),
        'set CAPE_DEBUG=1 for the stack trace',
      ]);
    } finally {
      delete COMMANDS.boom;
    }
    expect(internalErrorText('cape x', new Error('deep'), { CAPE_DEBUG: '1' })).toMatch(/^cape x: internal error\nError: deep\n\s+at /);
  });
});
