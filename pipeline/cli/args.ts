/**
 * Command-line parsing for every `cape` command: node:util parseArgs with
 * `strict`, negative numbers accepted as option values, and checks of option
 * values that name the flag. Every failure is a UsageError (exit 2).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './exit.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface Args {
  values: Values;
  positionals: string[];
}

const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

/**
 * parseArgs in strict mode refuses `--strength -4` as ambiguous; a negative
 * number after an option that takes a value is that option's value, so it is
 * joined as `--strength=-4` first.
 */
export function joinNegativeValues(argv: readonly string[], takesValue: (flag: string) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    if (a === '--') return [...out, ...argv.slice(i)];
    if (a.startsWith('--') && !a.includes('=') && next !== undefined && NEGATIVE_NUMBER.test(next) && takesValue(a.slice(2))) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** Rewrites node's parseArgs messages into one line that names the flag. */
function usageMessage(e: NodeJS.ErrnoException): string {
  const m = e.message.split('\n')[0]!;
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return m.replace(/^Unknown option '([^']+)'.*$/, 'unknown option $1');
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const missing = /^Option '(-\w, )?(--[\w-]+) <value>' argument missing/.exec(m);
    if (missing) return `${missing[2]} expects a value`;
    const ambiguous = /^Option '(--[\w-]+)' argument is ambiguous/.exec(m);
    if (ambiguous) return `${ambiguous[1]} expects a value, got another option; write ${ambiguous[1]}=VALUE for a value that starts with a dash`;
    const noArg = /^Option '(--[\w-]+)' does not take an argument/.exec(m);
    if (noArg) return `${noArg[1]} is a switch and takes no value`;
  }
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return m.replace(/^Unexpected argument '([^']*)'.*$/, 'unexpected argument "$1"');
  return m;
}

/** Parses one command's arguments; `--help`/`-h` is accepted by every command. */
export function parseCommandArgs(argv: readonly string[], options: Options, allowPositionals: boolean): Args {
  const all: Options = { ...options, help: { type: 'boolean', short: 'h' } };
  const args = joinNegativeValues(argv, (flag) => all[flag]?.type === 'string');
  try {
    const { values, positionals } = parseArgs({ args, options: all, strict: true, allowPositionals });
    return { values: values as Values, positionals };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(usageMessage(e as NodeJS.ErrnoException));
    }
    throw e;
  }
}

export const str = (v: Values, flag: string): string | undefined => v[flag] as string | undefined;
export const bool = (v: Values, flag: string): boolean => v[flag] === true;

/** A value that must not be empty or blank, e.g. --seed. */
export function nonEmpty(v: Values, flag: string): string | undefined {
  const s = str(v, flag);
  if (s !== undefined && s.trim() === '') throw new UsageError(`--${flag} expects a non-empty value`);
  return s;
}

/** A positive integer written in decimal digits (no 1e3, no 2.0, no 0x10). */
export function positiveInt(v: Values, flag: string, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const s = str(v, flag);
  if (s === undefined) return undefined;
  const n = /^\+?\d+$/.test(s.trim()) ? Number(s.trim()) : NaN;
  if (!(Number.isSafeInteger(n) && n > 0 && n <= max))
    throw new UsageError(`--${flag} expects a positive integer${max < Number.MAX_SAFE_INTEGER ? ` up to ${max}` : ''}, got "${s}"`);
  return n;
}

/** A finite number, optionally bounded; `what` says what is expected (e.g. "a positive number of billions"). */
export function finiteNumber(v: Values, flag: string, check: (x: number) => boolean = () => true, what = 'a number'): number | undefined {
  const s = str(v, flag);
  if (s === undefined) return undefined;
  const n = s.trim() === '' ? NaN : Number(s);
  if (!(Number.isFinite(n) && check(n))) throw new UsageError(`--${flag} expects ${what}, got "${s}"`);
  return n;
}

/** One of a fixed set of words. */
export function oneOf<T extends string>(v: Values, flag: string, allowed: readonly T[]): T | undefined {
  const s = str(v, flag);
  if (s === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(s)) throw new UsageError(`--${flag} expects ${allowed.map((a) => `"${a}"`).join(' or ')}, got "${s}"`);
  return s as T;
}
