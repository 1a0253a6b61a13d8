import { describe, expect, it } from 'vitest';
import { finiteNumber, joinNegativeValues, nonEmpty, oneOf, parseCommandArgs, positiveInt } from '../../pipeline/cli/args.ts';
import { UsageError } from '../../pipeline/cli/exit.ts';

const options = { size: { type: 'string' }, json: { type: 'boolean' } } as const;

describe('parseCommandArgs', () => {
  it('takes a negative number after an option as that option’s value', () => {
    expect(parseCommandArgs(['--size', '-4'], options, false).values.size).toBe('-4');
    expect(parseCommandArgs(['--size', '-.5'], options, false).values.size).toBe('-.5');
    expect(parseCommandArgs(['--size=-4'], options, false).values.size).toBe('-4');
  });

  it('names the flag of an unknown option, a missing value and a value given to a switch', () => {
    expect(() => parseCommandArgs(['--sise', '4'], options, false)).toThrow(new UsageError('unknown option --sise'));
    expect(() => parseCommandArgs(['--size'], options, false)).toThrow(new UsageError('--size expects a value'));
    expect(() => parseCommandArgs(['--size', '--json'], options, false)).toThrow(/^--size expects a value, got another option/);
    expect(() => parseCommandArgs(['--json=yes'], options, false)).toThrow(new UsageError('--json is a switch and takes no value'));
    expect(() => parseCommandArgs(['stray'], options, false)).toThrow(new UsageError('unexpected argument "stray"'));
  });

  it('accepts --help and -h on every command', () => {
    expect(parseCommandArgs(['-h'], {}, false).values.help).toBe(true);
    expect(parseCommandArgs(['--help'], options, true).values.help).toBe(true);
  });

  it('leaves everything after -- alone', () => {
    expect(joinNegativeValues(['--', '--size', '-4'], () => true)).toEqual(['--', '--size', '-4']);
    expect(joinNegativeValues(['--json', '-4'], (f) => f !== 'json')).toEqual(['--json', '-4']);
  });
});

describe('value checks', () => {
  const v = { resamples: '0', seed: '  ', size: '-1', panel: 'paper', ok: '12', n: '2.5', e: '1e3' };
  it('rejects a resample count that is not a positive integer, naming the flag', () => {
    for (const bad of ['0', '-3', '2.5', '1e3', 'abc', '', '0x10'])
      expect(() => positiveInt({ resamples: bad }, 'resamples')).toThrow(`--resamples expects a positive integer, got "${bad}"`);
    expect(positiveInt(v, 'ok')).toBe(12);
    expect(positiveInt({}, 'resamples')).toBeUndefined();
  });

  it('rejects an empty seed and a size at or below zero', () => {
    expect(() => nonEmpty(v, 'seed')).toThrow('--seed expects a non-empty value');
    expect(() => finiteNumber(v, 'size', (x) => x > 0, 'a positive number')).toThrow('--size expects a positive number, got "-1"');
    expect(() => finiteNumber({ size: '' }, 'size')).toThrow('--size expects a number, got ""');
    expect(finiteNumber(v, 'n')).toBe(2.5);
  });

  it('names the allowed words of a choice', () => {
    expect(() => oneOf(v, 'panel', ['audited', 'published'])).toThrow('--panel expects "audited" or "published", got "paper"');
  });
});
