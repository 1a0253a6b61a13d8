#!/usr/bin/env node
// Launcher: runs the prebuilt dist/cape.mjs. In a checkout whose sources are
// newer than dist/ (or without dist/), it rebuilds dist/ first (esbuild, well
// under a second); `make` does the same before its targets. An error that
// escapes the command is one line and exit 3, as `cape` promises.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildDist, buildErrorText, distIsStale } from '../scripts/build-dist.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function fail(e) {
  if (process.env.CAPE_DEBUG === '1') console.error(e instanceof Error ? e.stack : e);
  else console.error(`cape: internal error: ${String(e instanceof Error ? e.message : e).split('\n')[0]}\nset CAPE_DEBUG=1 for the stack trace`);
  process.exit(3);
}

try {
  if (distIsStale(root)) {
    console.error('cape: building dist/ (the sources changed since the last build)');
    await buildDist(root).catch((e) => {
      // A source that does not compile (e.g. a syntax error in pipeline/config.ts) is exit 2 naming file, line and column.
      const text = buildErrorText(e);
      if (!text) throw e;
      console.error(`cape: ${text}`);
      process.exit(2);
    });
  }
  const { main } = await import(pathToFileURL(join(root, 'dist', 'cape.mjs')).href);
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  fail(e);
}
