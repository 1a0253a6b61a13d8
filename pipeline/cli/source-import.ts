/**
 * Imports a TypeScript module that is not part of the dist/ bundle (the
 * dashboard, whose build bundles its own sources for the browser): directly
 * when cape runs from the sources, through tsx's loader when it runs from dist/.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD } from '../build-info.ts';
import { ROOT } from './command.ts';

let registered = false;

export async function importSource<T>(rel: string): Promise<T> {
  if (BUILD && !registered) {
    const { register } = await import('tsx/esm/api');
    register();
    registered = true;
  }
  return (await import(pathToFileURL(join(ROOT, rel)).href)) as T;
}
