import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));

export interface Bundle {
  js: string;
  /** Source files that went into the bundle, relative to the checkout (for the size report and the node-leak check). */
  inputs: string[];
}

/**
 * Bundles dashboard/app.ts with the pipeline modules it imports, for the
 * browser: one minified IIFE (a classic script, so index.html also works
 * opened from disk), licence comments kept at the end of the file.
 */
export async function bundleApp(): Promise<Bundle> {
  const result = await build({
    entryPoints: [join(HERE, 'app.ts')],
    absWorkingDir: join(HERE, '..'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    treeShaking: true,
    legalComments: 'eof',
    write: false,
    metafile: true,
    logLevel: 'silent',
  }).catch((e: { errors?: { text: string; location?: { file: string; line: number } | null }[] }) => {
    const lines = (e.errors ?? []).map((x) => `  ${x.location ? `${x.location.file}:${x.location.line}: ` : ''}${x.text}`);
    throw new Error(`bundling the dashboard failed; a module it imports may need Node (node:fs, …):\n${lines.join('\n')}`);
  });
  const inputs = Object.keys(result.metafile.inputs).sort();
  // esbuild already refuses node: imports for the browser; this guards against a future platform change.
  const leaked = inputs.filter((f) => f.startsWith('node:'));
  if (leaked.length) throw new Error(`the dashboard bundle would import Node modules: ${leaked.join(', ')}`);
  return { js: result.outputFiles[0]!.text, inputs };
}
