/**
 * The `cape` entry point: parses the command line strictly, loads only the
 * command asked for, and turns every outcome into an exit code (0 ok, 1 a
 * finding or a change, 2 usage or input error, 3 internal error) with
 * results on stdout and everything else on stderr.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommandArgs, type Args } from './args.ts';
import { defaultIo, ROOT, type Command, type Io } from './command.ts';
import { COMMANDS } from './commands.ts';
import { EXIT, internalErrorText, isInputErrors, UsageError } from './exit.ts';

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return [
    'usage: cape <command> [options]',
    '       cape --version | --help',
    '',
    'commands:',
    ...Object.entries(COMMANDS).map(([k, c]) => `  ${k.padEnd(width)}  ${c.summary}`),
    '',
    'Run `cape <command> --help` for the options of one command.',
    'Exit status: 0 ok, 1 a finding or a change, 2 usage or input error, 3 internal error.',
  ].join('\n');
}

export function version(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return `cape (${pkg.name}) ${pkg.version}`;
}

/** The synopsis lines of a command's help: what a usage error repeats. */
const synopsis = (help: string): string => help.split('\n\n')[0]!;

function report(e: unknown, name: string, cmd: Command, io: Io): number {
  if (e instanceof UsageError) {
    io.err(`cape ${name}: ${e.message}\n\n${synopsis(cmd.help)}\nRun \`cape ${name} --help\` for details.`);
    return EXIT.usage;
  }
  if (isInputErrors(e)) {
    io.err(`cape ${name}: invalid input, nothing was written.\n${e.message}`);
    return EXIT.usage;
  }
  io.err(internalErrorText(`cape ${name}`, e));
  return EXIT.internal;
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(usage());
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    io.out(version());
    return EXIT.ok;
  }
  const cmd = Object.hasOwn(COMMANDS, name) ? COMMANDS[name]! : undefined;
  if (!cmd) {
    io.err(`cape: unknown ${name.startsWith('-') ? 'option' : 'command'} "${name}"\n\n${usage()}`);
    return EXIT.usage;
  }
  try {
    let args: Args;
    if (cmd.raw) args = { values: {}, positionals: rest };
    else {
      args = parseCommandArgs(rest, cmd.options, cmd.positionals);
      if (args.values.help) {
        io.out(cmd.help);
        return EXIT.ok;
      }
    }
    const mod = await cmd.load();
    return await mod.run(args, io);
  } catch (e) {
    return report(e, name, cmd, io);
  }
}
