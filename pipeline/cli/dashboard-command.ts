/**
 * `cape dashboard`: builds the static dashboard of a result version. The
 * dashboard's build bundles its own TypeScript sources for the browser, so it
 * is loaded from those sources (through tsx when cape runs from dist/), and
 * only by this command and `cape serve`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bool, type Args } from './args.ts';
import { ROOT, type Io } from './command.ts';
import { EXIT, UsageError } from './exit.ts';
import { chosenFolder } from './result-version.ts';
import { importSource } from './source-import.ts';

export { resultFolder } from './result-version.ts';

/** Builds the dashboard of `dir`, turning the build's own input errors into usage errors. */
export async function build(dir: string, screenshots: boolean, log: (line: string) => void): Promise<string> {
  const [{ buildDashboard }, { ResultFolderError }, { BrowserMissing }] = await Promise.all([
    importSource<typeof import('../../dashboard/build.ts')>('dashboard/build.ts'),
    importSource<typeof import('../../dashboard/derive.ts')>('dashboard/derive.ts'),
    importSource<typeof import('../../dashboard/browser.ts')>('dashboard/browser.ts'),
  ]);
  try {
    return await buildDashboard(dir, { screenshots, log });
  } catch (e) {
    if (e instanceof ResultFolderError) throw new UsageError(`${relative(ROOT, dir) || dir}: ${e.message}`);
    if (e instanceof BrowserMissing) throw new UsageError(`${e.message}; or pass --no-screenshots`);
    throw e;
  }
}

export async function run({ values, positionals }: Args, io: Io): Promise<number> {
  const dir = chosenFolder(values, positionals);
  const out = await build(dir, !bool(values, 'no-screenshots'), (l) => io.err(l));
  const shotsDir = join(out, 'screenshots');
  const screenshots = existsSync(shotsDir)
    ? readdirSync(shotsDir)
        .sort()
        .map((s) => join(shotsDir, s))
    : [];
  if (bool(values, 'json')) io.out(JSON.stringify({ path: out, screenshots }, null, 2));
  else {
    if (screenshots.length) io.err(`screenshots: ${screenshots.map((s) => relative(process.cwd(), s)).join(', ')}`);
    io.out(out);
  }
  return EXIT.ok;
}
