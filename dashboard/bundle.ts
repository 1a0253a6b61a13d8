/**
 * Bundles the dashboard's browser code with esbuild: dashboard/app.ts is the
 * entry (app.js), each tab's module and the code only it needs become chunks
 * under chunks/ that load when the tab first opens.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');

export interface Bundle {
  /** Output files by path relative to the site: app.js and chunks/*.js. */
  files: Map<string, string>;
  /** Source files that went into the bundle, relative to the checkout (for the size report and the node-leak check). */
  inputs: string[];
  /** The output files a source module (relative to the checkout) needs to run: its chunk and what that imports statically, transitively. */
  filesFor(source: string): string[];
}

const versionOf = (dir: string): string => (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
const newer = (a: string, b: string) => {
  const [x, y] = [a, b].map((v) => v.split(/[.-]/).map(Number));
  for (let i = 0; i < 3; i++) if (x![i] !== y![i]) return x![i]! > y![i]!;
  return false;
};

/**
 * npm can install two copies of one vega or d3 package (vega 6.2 pins
 * vega-scenegraph ~5.1 while vega-view asks for ^5.2), and a browser bundle
 * would then carry both. This resolves every import of such a package to its
 * newest copy of the same major version; Node keeps npm's layout.
 */
export function dedupeVega(root: string): Plugin {
  const copies = new Map<string, string[]>();
  const scan = (nm: string) => {
    if (!existsSync(nm)) return;
    for (const name of readdirSync(nm)) {
      if (!/^(vega|d3)-/.test(name) || !existsSync(join(nm, name, 'package.json'))) continue;
      copies.set(name, [...(copies.get(name) ?? []), join(nm, name)]);
      scan(join(nm, name, 'node_modules'));
    }
  };
  scan(join(root, 'node_modules'));
  const chosen = new Map<string, string>();
  for (const [name, dirs] of copies) {
    const best = dirs.reduce((a, b) => (newer(versionOf(b), versionOf(a)) ? b : a));
    const major = versionOf(best).split('.')[0];
    if (dirs.every((d) => versionOf(d).split('.')[0] === major)) chosen.set(name, best);
  }
  return {
    name: 'dedupe-vega',
    setup(b) {
      b.onResolve({ filter: /^(vega|d3)-[\w-]+$/ }, async (args) => {
        const dir = chosen.get(args.path);
        if (!dir || (args.pluginData as { deduped?: boolean } | undefined)?.deduped) return undefined;
        // Resolve from the folder that holds the chosen copy's node_modules, so esbuild finds exactly that copy.
        return b.resolve(args.path, { kind: args.kind, resolveDir: dirname(dirname(dir)), pluginData: { deduped: true } });
      });
    },
  };
}

/**
 * One minified ES module per entry and chunk, licence comments kept at the
 * end of each file. Deterministic: the same sources give the same bytes.
 */
export async function bundleApp(): Promise<Bundle> {
  const result = await build({
    entryPoints: [join(HERE, 'app.ts')],
    absWorkingDir: ROOT,
    bundle: true,
    splitting: true,
    outdir: join(HERE, '.bundle'),
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    treeShaking: true,
    legalComments: 'eof',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [dedupeVega(ROOT)],
  }).catch((e: { errors?: { text: string; location?: { file: string; line: number } | null }[] }) => {
    const lines = (e.errors ?? []).map((x) => `  ${x.location ? `${x.location.file}:${x.location.line}: ` : ''}${x.text}`);
    throw new Error(`bundling the dashboard failed; a module it imports may need Node (node:fs, …):\n${lines.join('\n')}`);
  });
  const inputs = Object.keys(result.metafile.inputs).sort();
  // esbuild already refuses node: imports for the browser; this guards against a future platform change.
  const leaked = inputs.filter((f) => f.startsWith('node:'));
  if (leaked.length) throw new Error(`the dashboard bundle would import Node modules: ${leaked.join(', ')}`);
  const outdir = join(HERE, '.bundle');
  const rel = (path: string) => relative(outdir, join(ROOT, path)).split('\\').join('/');
  const files = new Map(result.outputFiles.map((f) => [relative(outdir, f.path).split('\\').join('/'), f.text]));
  const outputs = result.metafile.outputs;
  const filesFor = (source: string): string[] => {
    const start = Object.keys(outputs).find((o) => outputs[o]!.entryPoint === source);
    const seen = new Set<string>();
    const visit = (o: string) => {
      if (seen.has(o)) return;
      seen.add(o);
      for (const i of outputs[o]!.imports) if (i.kind === 'import-statement') visit(i.path);
    };
    if (start) visit(start);
    return [...seen].map(rel);
  };
  return { files, inputs, filesFor };
}
