import { minimist } from 'zx';
import { InputErrors } from '../io/validate.ts';
import { ROOT, type Command } from './command.ts';
import { dashboardCommand, serveCommand } from './dashboard-command.ts';
import { diagnoseCommand } from './diagnose-command.ts';
import { diffCommand } from './diff-command.ts';
import { EXIT, UsageError } from './exit.ts';
import { hfieldCommand } from './hfield-command.ts';
import { importCommand } from './import-command.ts';
import { predictCommand } from './predict-command.ts';
import { checkReferenceCommand, snapshotCommand } from './reference-commands.ts';
import { reproduce } from './reproduce.ts';

const COMMANDS: Record<string, Command> = {
  reproduce: {
    summary: 'regenerate every table, figure and the claims ledger into results/<version>/',
    help: `cape reproduce [--seed S] [--resamples N] [--no-png]

Runs the whole pipeline on data/ and writes a new, versioned result folder.
The version is a hash of the data, config and code; rerunning unchanged
inputs does nothing. results/latest points to the newest folder.

  --seed S         seed of the one random number generator (default from config)
  --resamples N    number of bootstrap / null-model resamples for every stage
  --no-png         skip PNG rasterisation (SVG and Vega-Lite specs are still written)`,
    async run(argv) {
      const a = minimist(argv, { string: ['seed'], boolean: ['png'], default: { png: true } });
      const resamples = a.resamples === undefined ? undefined : Number(a.resamples);
      if (resamples !== undefined && !(Number.isInteger(resamples) && resamples > 0)) throw new UsageError(`--resamples expects a positive integer, got ${a.resamples}`);
      const r = await reproduce({ root: ROOT, seed: a.seed as string | undefined, resamples, png: a.png as boolean });
      console.log(r.path);
      return EXIT.ok;
    },
  },
  diagnose: diagnoseCommand,
  import: importCommand,
  'h-field': hfieldCommand,
  predict: predictCommand,
  diff: diffCommand,
  dashboard: dashboardCommand,
  serve: serveCommand,
  steer: {
    summary: 'activation steering for local open-weight models (direction, generate, eval, probe, inspect, export)',
    help: 'cape steer <direction|generate|eval|probe|inspect|export> --help  (see steer/README.md)',
    ownHelp: true,
    // Loaded on use: the steering engine and its tokenizer are not needed by any other command.
    run: async (argv) => (await import('../../steer/cli/main.ts')).steerMain(argv),
  },
  'check-reference': checkReferenceCommand,
  snapshot: snapshotCommand,
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return ['usage: cape <command> [options]', '', 'commands:', ...Object.entries(COMMANDS).map(([k, c]) => `  ${k.padEnd(width)}  ${c.summary}`), '', 'Run `cape <command> --help` for the options of one command.'].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? EXIT.ok : EXIT.usage;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    console.error(`cape: unknown command "${name}"\n\n${usage()}`);
    return EXIT.usage;
  }
  if (!cmd.ownHelp && (rest.includes('--help') || rest.includes('-h'))) {
    console.log(cmd.help);
    return EXIT.ok;
  }
  try {
    return await cmd.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`cape ${name}: ${e.message}\n\n${cmd.help}`);
      return EXIT.usage;
    }
    if (e instanceof InputErrors) {
      console.error(`cape ${name}: invalid input, nothing was written.\n${e.message}`);
      return EXIT.usage;
    }
    throw e;
  }
}
