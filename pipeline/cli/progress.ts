/**
 * Progress on stderr: on a terminal the newest progress line is rewritten in
 * place and log lines scroll above it; elsewhere (a pipe, a CI log) only the
 * log lines are written, so logs stay readable.
 */
import type { Io } from './command.ts';

export interface LiveLine {
  update(line: string): void;
  log(line: string): void;
  clear(): void;
}

export function liveLine(io: Io, write: (s: string) => void = (s) => process.stderr.write(s)): LiveLine {
  let shown = false;
  const clear = () => {
    if (shown) write('\r\x1b[K');
    shown = false;
  };
  return {
    update(line) {
      if (!io.tty) return;
      const width = process.stderr.columns ?? 100;
      write(`\r${line.length > width - 1 ? line.slice(0, width - 2) + '…' : line}\x1b[K`);
      shown = true;
    },
    log(line) {
      clear();
      io.err(line);
    },
    clear,
  };
}
