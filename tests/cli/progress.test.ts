import { describe, expect, it } from 'vitest';
import type { Io } from '../../pipeline/cli/command.ts';
import { liveLine } from '../../pipeline/cli/progress.ts';

function setup(tty: boolean) {
  const written: string[] = [];
  const logged: string[] = [];
  const io: Io = { out: () => {}, err: (t) => logged.push(t), tty };
  return { line: liveLine(io, (s) => written.push(s)), written, logged };
}

describe('the progress line', () => {
  it('rewrites one line in place on a terminal and clears it before a log line', () => {
    const { line, written, logged } = setup(true);
    line.update('[emit] 1/23 A-fig1a');
    line.update('[emit] 2/23 A-fig1b');
    line.log('[emit] 67 tables');
    line.clear();
    expect(written).toEqual(['\r[emit] 1/23 A-fig1a\x1b[K', '\r[emit] 2/23 A-fig1b\x1b[K', '\r\x1b[K']);
    expect(logged).toEqual(['[emit] 67 tables']);
  });

  it('writes only the log lines when stderr is not a terminal', () => {
    const { line, written, logged } = setup(false);
    line.update('[emit] 1/23 A-fig1a');
    line.log('done');
    line.clear();
    expect(written).toEqual([]);
    expect(logged).toEqual(['done']);
  });
});
