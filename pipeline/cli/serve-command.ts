/** `cape serve`: serves a result version and its dashboard on 127.0.0.1 until stopped, building the dashboard first when it is missing. */
import { existsSync, realpathSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { finiteNumber, type Args } from './args.ts';
import type { Io } from './command.ts';
import { build } from './dashboard-command.ts';
import { EXIT, UsageError } from './exit.ts';
import { chosenFolder } from './result-version.ts';
import { importSource } from './source-import.ts';

const DEFAULT_PORT = 8765;

export async function run({ values, positionals }: Args, io: Io): Promise<number> {
  const port = finiteNumber(values, 'port', (x) => Number.isInteger(x) && x >= 0 && x < 65536, 'an integer from 0 to 65535') ?? DEFAULT_PORT;
  const dir = chosenFolder(values, positionals);
  if (!existsSync(join(dir, 'dashboard', 'index.html'))) await build(dir, false, (l) => io.err(l));
  const { serveDirectory } = await importSource<typeof import('../../dashboard/serve.ts')>('dashboard/serve.ts');
  const served = await serveDirectory(dir, { port, home: '/dashboard/' }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') throw new UsageError(`--port: port ${port} is in use; pass --port N (0 picks a free port)`);
    throw e;
  });
  io.err(`Serving result version ${basename(realpathSync(dir))} from ${relative(process.cwd(), realpathSync(dir)) || dir} (Ctrl+C to stop)`);
  io.out(`${served.url}dashboard/`);
  await new Promise<void>((done) => {
    const stop = () => void served.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT.ok;
}
