// `cape steer <command>`: argument parsing, dispatch and exit codes.
// Exit codes: 0 ok, 1 finding, 2 usage error (bad flags, and also missing,
// malformed or unsupported inputs); anything else is a bug and is rethrown.
import { availableParallelism } from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { HELP } from './help.ts';
import { EXIT, isInputError, UsageError } from '../errors.ts';
import { directionCommand, evalCommand, exportCommand, generateCommand, inspectCommand, probeCommand, type Io, type Values } from './commands.ts';

type Options = NonNullable<ParseArgsConfig['options']>;
const s = { type: 'string' } as const;
const b = { type: 'boolean' } as const;
const COMMON: Options = { model: s, threads: s, json: b, help: { type: 'boolean', short: 'h' } };
const STEER: Options = { vector: s, 'vector-layer': s, gate: s, strength: s, relative: b, positions: s, force: b, seed: s, temperature: s, 'top-p': s };

const COMMANDS: Record<string, { options: Options; run: (v: Values, io: Io) => Promise<number> }> = {
  direction: { options: { ...COMMON, layer: s, method: s, statements: s, out: s }, run: directionCommand },
  generate: { options: { ...COMMON, ...STEER, prompt: { type: 'string', multiple: true }, prompts: s, 'max-new-tokens': s }, run: generateCommand },
  eval: {
    options: { ...COMMON, ...STEER, items: s, controls: s, 'control-seed': s, 'gen-tokens': s, sweep: b, layers: s, strengths: s, method: s, statements: s },
    run: evalCommand,
  },
  probe: { options: { ...COMMON, reasoning: s, truthfulness: s, layers: s, splits: s, seed: s }, run: probeCommand },
  inspect: {
    options: {
      ...COMMON,
      vector: s,
      'vector-layer': s,
      gate: s,
      strength: s,
      relative: b,
      positions: s,
      force: b,
      prompt: s,
      ids: s,
      'top-k': s,
      full: b,
      layers: s,
      'max-new-tokens': s,
    },
    run: inspectCommand,
  },
  export: { options: { vector: s, 'vector-layer': s, out: s, scale: s, json: b, help: { type: 'boolean', short: 'h' } }, run: exportCommand },
};

const defaultIo: Io = {
  out: (t) => console.log(t),
  err: (t) => console.error(t),
  progress: (t) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${t}\x1b[K`);
  },
};

export async function steerMain(argv: string[], io: Io = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.out : io.err)(HELP.steer!);
    return name ? EXIT.ok : EXIT.usage;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.err(`cape steer: unknown command "${name}"\n\n${HELP.steer}`);
    return EXIT.usage;
  }
  let values: Values;
  try {
    values = parseArgs({ args: rest, options: cmd.options, strict: true, allowPositionals: false }).values as Values;
  } catch (e) {
    io.err(`cape steer ${name}: ${(e as Error).message}\n\n${HELP[name]}`);
    return EXIT.usage;
  }
  if (values.help) {
    io.out(HELP[name]!);
    return EXIT.ok;
  }
  try {
    if ('model' in cmd.options) {
      if (!values.model) throw new UsageError('--model DIR is required');
      values.threads ??= String(Math.min(8, availableParallelism()));
    }
    return await cmd.run(values, io);
  } catch (e) {
    if (!isInputError(e)) throw e;
    const msg = (e as Error).message;
    io.err(e instanceof UsageError ? `cape steer ${name}: ${msg}\n\n${HELP[name]}` : `cape steer ${name}: ${msg}`);
    return EXIT.usage;
  }
}
