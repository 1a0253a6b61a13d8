// The `cape steer` commands: flags -> plain-API calls -> printed report
// and exit code. All numeric work lives in the modules they call.
import { readFileSync } from 'node:fs';
import { compareGenerations } from '../steering/compare.ts';
import { computeDirection, defaultLayer } from '../steering/direction.ts';
import { EXIT, UsageError } from '../errors.ts';
import { runEval } from '../eval/eval.ts';
import { inspectPrompt } from '../eval/inspect.ts';
import { formatDirection, formatEval, formatGenerations, formatProbe, formatSweep } from './format.ts';
import type { SteerPositions } from '../steering/hooks.ts';
import { DEFAULT_ITEMS, readItems, type McItem } from '../eval/items.ts';
import { loadModel, type LoadedModel } from '../model/load.ts';
import { runProbe } from '../eval/probe.ts';
import type { SamplingOptions } from '../steering/sampling.ts';
import { DEFAULT_STATEMENTS, readStatements } from '../steering/statements.ts';
import type { StrengthSpec } from '../steering/strength.ts';
import { runSweep } from '../eval/sweep.ts';
import { checkVectorFits, VectorFileError, type DirectionMethod, type VectorFile } from '../io/vector-file.ts';
import { formatOf, readVectorAny, writeVectorAny } from '../io/vector-formats.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Transient progress line (the default CLI shows it only on a terminal). */
  progress(text: string): void;
}
export type Values = Record<string, string | boolean | string[] | undefined>;

const str = (v: Values, k: string): string | undefined => v[k] as string | undefined;

function num(v: Values, k: string, fallback: number, o: { int?: boolean; min?: number; max?: number } = {}): number {
  const raw = str(v, k);
  if (raw === undefined) return fallback;
  const x = Number(raw);
  const inRange = (o.min === undefined || x >= o.min) && (o.max === undefined || x <= o.max);
  if (raw.trim() === '' || !Number.isFinite(x) || (o.int && !Number.isInteger(x)) || !inRange) {
    const bounds = `${o.min !== undefined ? ` >= ${o.min}` : ''}${o.max !== undefined ? ` <= ${o.max}` : ''}`;
    throw new UsageError(`--${k} expects ${o.int ? 'an integer' : 'a number'}${bounds}, got ${JSON.stringify(raw)}`);
  }
  return x;
}

function numList(v: Values, k: string, fallback: number[], int: boolean): number[] {
  const raw = str(v, k);
  if (raw === undefined) return fallback;
  return raw.split(',').map((p) => num({ [k]: p }, k, NaN, { int, min: int ? 0 : undefined }));
}

function method(v: Values): DirectionMethod {
  const m = str(v, 'method') ?? 'mean-diff';
  if (m === 'mean-diff') return 'mean-diff';
  if (m === 'pca' || m === 'pca-paired') return 'pca-paired';
  throw new UsageError(`--method expects mean-diff or pca, got ${JSON.stringify(m)}`);
}

function strength(v: Values): StrengthSpec {
  const gate = str(v, 'gate');
  if (gate !== undefined && str(v, 'strength') !== undefined) throw new UsageError('give either --gate or --strength, not both');
  if (gate !== undefined && gate !== 'authors') throw new UsageError(`--gate supports only "authors", got ${JSON.stringify(gate)}`);
  if (str(v, 'strength') === undefined) {
    if (v.relative) throw new UsageError('--relative needs --strength');
    return { kind: 'authors-gate' };
  }
  return { kind: 'fixed', value: num(v, 'strength', 0), relative: !!v.relative };
}

function positions(v: Values): SteerPositions {
  const p = str(v, 'positions') ?? 'last';
  if (p !== 'last' && p !== 'all') throw new UsageError(`--positions expects last or all, got ${JSON.stringify(p)}`);
  return p;
}

function sampling(v: Values): SamplingOptions | null {
  const seed = str(v, 'seed');
  if (seed === undefined) {
    if (str(v, 'temperature') !== undefined || str(v, 'top-p') !== undefined) {
      throw new UsageError('--temperature and --top-p need --seed (decoding is greedy without it)');
    }
    return null;
  }
  return { seed, temperature: num(v, 'temperature', 0.7, { min: 0 }), topP: num(v, 'top-p', 0.9, { min: 0, max: 1 }) };
}

function lines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

async function withModel<T>(v: Values, f: (lm: LoadedModel) => T): Promise<T> {
  const lm = await loadModel(str(v, 'model')!, { threads: num(v, 'threads', 1, { int: true, min: 1 }) });
  try {
    return f(lm);
  } finally {
    await lm.close();
  }
}

/** --vector-layer: which direction of a multi-block control vector to use. */
function vectorLayer(v: Values): number | undefined {
  return str(v, 'vector-layer') === undefined ? undefined : num(v, 'vector-layer', 0, { int: true, min: 0 });
}

function vectorFor(v: Values, lm: LoadedModel): VectorFile {
  const path = str(v, 'vector');
  if (!path) throw new UsageError('--vector FILE is required');
  const vf = readVectorAny(path, { layer: vectorLayer(v) });
  try {
    checkVectorFits(vf, { configSha256: lm.configSha256, dModel: lm.config.dModel, nLayers: lm.config.nLayers }, !!v.force);
  } catch (e) {
    if (e instanceof VectorFileError) throw new VectorFileError(`${path}: ${e.message}`);
    throw e;
  }
  return vf;
}

export async function directionCommand(v: Values, io: Io): Promise<number> {
  const statements = str(v, 'statements') ? readStatements(str(v, 'statements')!) : DEFAULT_STATEMENTS;
  const m = method(v);
  return withModel(v, (lm) => {
    const layer = num(v, 'layer', defaultLayer(lm.config.nLayers), { int: true, min: 0, max: lm.config.nLayers - 1 });
    const vf = computeDirection(lm, { layer, method: m, statements });
    const out = str(v, 'out') ?? `steer-vector-L${layer}.json`;
    writeVectorAny(out, vf);
    io.out(v.json ? JSON.stringify({ out, ...vf, vector: undefined }, null, 2) : formatDirection(vf, out));
    return EXIT.ok;
  });
}

export async function generateCommand(v: Values, io: Io): Promise<number> {
  const prompts = [...((v.prompt as string[] | undefined) ?? []), ...(str(v, 'prompts') ? lines(str(v, 'prompts')!) : [])];
  if (prompts.length === 0) throw new UsageError('give at least one --prompt TEXT or --prompts FILE');
  const empty = prompts.indexOf('');
  if (empty >= 0) throw new UsageError(`--prompt ${empty + 1} is empty`);
  const o = {
    strength: strength(v),
    positions: positions(v),
    sampling: sampling(v),
    maxNewTokens: num(v, 'max-new-tokens', 40, { int: true, min: 1 }),
  };
  return withModel(v, (lm) => {
    const rows = compareGenerations(lm, vectorFor(v, lm), prompts, o);
    const decoding = o.sampling ? `sampling, seed ${o.sampling.seed}, temperature ${o.sampling.temperature}, top-p ${o.sampling.topP}` : 'greedy';
    const json = { decoding: o.sampling ?? 'greedy', positions: o.positions, rows };
    io.out(v.json ? JSON.stringify(json, null, 2) : formatGenerations(rows, decoding));
    return EXIT.ok;
  });
}

export async function evalCommand(v: Values, io: Io): Promise<number> {
  const items = str(v, 'items') ? readItems(str(v, 'items')!) : DEFAULT_ITEMS;
  const common = {
    positions: positions(v),
    controls: num(v, 'controls', 1, { int: true, min: 1 }),
    controlSeed: str(v, 'control-seed') ?? 0,
  };
  if (v.sweep) {
    if (v.gate !== undefined || v.strength !== undefined)
      throw new UsageError('--sweep takes its strengths from --strengths (with --relative), not --gate or --strength');
    return sweepCommand(v, io, items, common);
  }
  const o = { ...common, strength: strength(v), sampling: sampling(v), genTokens: num(v, 'gen-tokens', 16, { int: true, min: 0 }) };
  return withModel(v, (lm) => {
    const report = runEval(lm, vectorFor(v, lm), items, { ...o, onItem: (i, n) => io.progress(`item ${i}/${n}`) });
    io.progress('');
    io.out(v.json ? JSON.stringify(report, null, 2) : formatEval(report));
    return report.summary.finding ? EXIT.finding : EXIT.ok;
  });
}

type EvalCommon = { positions: SteerPositions; controls: number; controlSeed: string | number };

async function sweepCommand(v: Values, io: Io, items: McItem[], common: EvalCommon): Promise<number> {
  const relative = !!v.relative;
  const strengths = numList(v, 'strengths', relative ? [0.05, 0.1, 0.2] : [0.5, 1.5, 3], false);
  const statements = str(v, 'statements') ? readStatements(str(v, 'statements')!) : DEFAULT_STATEMENTS;
  const m = method(v);
  return withModel(v, (lm) => {
    const n = lm.config.nLayers;
    const layers = numList(v, 'layers', [...new Set([Math.floor(n / 4), Math.floor(n / 2), Math.floor((3 * n) / 4)])], true);
    const onCell = (l: number, x: number): void => io.progress(`layer ${l}, strength ${x}`);
    const rows = runSweep(lm, items, { ...common, layers, strengths, relative, method: m, statements, onCell });
    io.progress('');
    io.out(v.json ? JSON.stringify({ relative, rows }, null, 2) : formatSweep(rows, relative));
    return rows.some((r) => !r.summary.finding) ? EXIT.ok : EXIT.finding;
  });
}

export async function probeCommand(v: Values, io: Io): Promise<number> {
  const reasoning = str(v, 'reasoning') ? lines(str(v, 'reasoning')!) : undefined;
  const truthfulness = str(v, 'truthfulness') ? lines(str(v, 'truthfulness')!) : undefined;
  return withModel(v, (lm) => {
    const layers = str(v, 'layers') ? numList(v, 'layers', [], true) : undefined;
    const splits = num(v, 'splits', 20, { int: true, min: 1 });
    const report = runProbe(lm, { reasoning, truthfulness, layers, splits, seed: str(v, 'seed') ?? 0 });
    io.out(v.json ? JSON.stringify(report, null, 2) : formatProbe(report));
    return report.anyCompeting ? EXIT.finding : EXIT.ok;
  });
}

export async function inspectCommand(v: Values, io: Io): Promise<number> {
  const text = str(v, 'prompt');
  const idsFlag = str(v, 'ids');
  if ((text === undefined) === (idsFlag === undefined)) throw new UsageError('give either --prompt TEXT or --ids N,N,...');
  if (text === '') throw new UsageError('--prompt is empty');
  const ids = idsFlag === undefined ? undefined : numList(v, 'ids', [], true);
  const o = {
    topK: num(v, 'top-k', 10, { int: true, min: 0 }),
    allLogits: !!v.full,
    layers: str(v, 'layers') ? numList(v, 'layers', [], true) : [],
    maxNewTokens: num(v, 'max-new-tokens', 8, { int: true, min: 0 }),
  };
  const steerFlags = ['gate', 'strength', 'relative', 'positions', 'force'].filter((k) => v[k] !== undefined);
  if (!str(v, 'vector') && steerFlags.length) throw new UsageError(`--${steerFlags[0]} needs --vector`);
  const spec = str(v, 'vector') ? { strength: strength(v), positions: positions(v) } : null;
  return withModel(v, (lm) => {
    const promptIds = ids ?? lm.tokenizer.encode(text!);
    const steer = spec && { ...spec, vector: vectorFor(v, lm), source: str(v, 'vector')! };
    const report = inspectPrompt(lm, { text: text ?? null, ids: promptIds }, { ...o, steer });
    io.out(compactJson(report));
    return EXIT.ok;
  });
}

/** Indented JSON with each array of numbers on one line: residual vectors stay readable. */
function compactJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\[\s+(-?[\d.e+-]+(?:,\s+-?[\d.e+-]+)*)\s+\]/g, (_, inner: string) => `[${inner.replace(/\s+/g, ' ')}]`);
}

export async function exportCommand(v: Values, io: Io): Promise<number> {
  const from = str(v, 'vector'),
    to = str(v, 'out');
  if (!from || !to) throw new UsageError('--vector FILE and --out FILE are required');
  const format = formatOf(to);
  const scale = num(v, 'scale', 1);
  if (scale !== 1 && format !== 'gguf') throw new UsageError('--scale applies only to a .gguf control vector (llama.cpp adds it as stored)');
  const vf = readVectorAny(from, { layer: vectorLayer(v) });
  writeVectorAny(to, vf, { scale });
  const how =
    format === 'gguf'
      ? `llama.cpp control vector: direction.${vf.layer} = ${scale} x the vector (norm ${vf.norm.toFixed(3)}), added to block ${vf.layer}'s output at every position; use it with llama-cli --control-vector ${to}, or --control-vector-scaled ${to} X to multiply it by X`
      : format === 'safetensors'
        ? `safetensors: tensor "direction" [${vf.dModel}], layer ${vf.layer}, hook site block_output, operation add in the metadata`
        : 'cape-steer-vector/1 JSON';
  io.out(v.json ? JSON.stringify({ from, out: to, format, layer: vf.layer, scale, norm: vf.norm }, null, 2) : `wrote ${to}: ${how}`);
  return EXIT.ok;
}
