/**
 * What the `cape` commands read from data/, each input on first use, so that a
 * command pays only for what it touches: diagnosing a family file reads the
 * paper's panel (data/models.csv), the leaderboard its audit takes scores
 * from, the interventions and the benchmark item counts, never the
 * contributed families in data/families/ or the whole leaderboard table.
 */
import { join } from 'node:path';
import { config as defaults, type Config } from '../config.ts';
import { panelCoupling } from '../coupling.ts';
import { familyNc } from '../critical-scale/stage.ts';
import type { ReferenceFamily } from '../diagnose.ts';
import { ingest, readBenchmarks, readInterventions, readLeaderboardExtract, readPaperModels, type Dataset } from '../ingest.ts';
import { InputErrors, type InputError } from '../io/validate.ts';
import { checkModels } from '../model-schema.ts';
import { makeNoiseModel, type NoiseModel } from '../noise/noise-model.ts';
import { auditedPanel, contributedPanel, publishedPanel } from '../panels.ts';
import { createRng, type Rng } from '../stats/rng.ts';
import type { Panel } from '../types.ts';
import { ROOT } from './command.ts';

export interface CliContext {
  config: Config;
  rng: Rng;
  /** Every input, validated exactly as `make reproduce` does. */
  data: Dataset;
  /** The same with only the paper's own models (data/models.csv): what a diagnosis is compared against. */
  paperData: Dataset;
  published: Panel;
  audited: Panel;
  /** Families from data/families/, which never join the paper's panels. */
  contributed: Panel;
  noise: NoiseModel;
}

function once<T>(load: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: load() }).v;
}

/** A Dataset whose fields are loaded when first read. */
function onDemand(load: { [K in keyof Dataset]: () => Dataset[K] }): Dataset {
  const out = {} as Dataset;
  for (const key of Object.keys(load) as (keyof Dataset)[]) Object.defineProperty(out, key, { get: load[key], enumerable: true });
  return out;
}

/** Reads one group of files with ingest's readers; any problem stops the command as ingest would. */
function checked<T>(read: (errors: InputError[]) => T): T {
  const errors: InputError[] = [];
  const out = read(errors);
  if (errors.length > 0) throw new InputErrors(errors);
  return out;
}

/** The CLI's view of data/ (the repository's unless `dataDir` is given); nothing is read until a command asks for it. */
export function loadContext(seed?: string, dataDir = join(ROOT, 'data')): CliContext {
  const config: Config = seed === undefined ? defaults : { ...defaults, seed };
  const full = once(() => ingest(dataDir));
  const paper = once(() =>
    checked((errors) => {
      const models = readPaperModels(dataDir, errors);
      checkModels(models, errors);
      return { models, leaderboard: readLeaderboardExtract(dataDir, errors), interventions: readInterventions(dataDir, errors) };
    }),
  );
  const benchmarks = once(() => checked((errors) => readBenchmarks(dataDir, errors)));
  const fromFull = {
    models: () => full().models,
    warnings: () => full().warnings,
    benchmarks,
    leaderboard: () => full().leaderboard,
    pooled14: () => full().pooled14,
    pythiaFigure: () => full().pythiaFigure,
    claims: () => full().claims,
    interventions: () => paper().interventions,
    frontier: () => full().frontier,
    internals: () => full().internals,
    outOfSample: () => full().outOfSample,
  };
  const data = onDemand(fromFull);
  const paperData = onDemand({ ...fromFull, models: () => paper().models, leaderboard: () => paper().leaderboard });
  const published = once(() => publishedPanel(data));
  const audited = once(() => auditedPanel(data).panel);
  const contributed = once(() => contributedPanel(data));
  const noise = once(() => makeNoiseModel(benchmarks(), config.noise));
  return {
    config,
    rng: createRng(config.seed),
    data,
    paperData,
    get published() {
      return published();
    },
    get audited() {
      return audited();
    },
    get contributed() {
      return contributed();
    },
    get noise() {
      return noise();
    },
  };
}

/** The paper's families on the audited panel: the yardstick a diagnosed family is placed against. */
export function referenceFamilies(ctx: CliContext): ReferenceFamily[] {
  // Only r and the N_c point are placed against: skip the permutation p-values and the N_c bootstrap, which cost most of a diagnosis.
  const cfg: Config = {
    ...ctx.config,
    coupling: { ...ctx.config.coupling, exactPermutationMaxN: 0, monteCarloPermutations: 1 },
    criticalScale: { ...ctx.config.criticalScale, perFamilyResamples: 0 },
  };
  const pc = panelCoupling(auditedPanel(ctx.paperData).panel, cfg, ctx.rng.fork('reference'));
  return pc.families.map((f) => {
    const nc = familyNc('audited', f, cfg, ctx.rng.fork(`reference/${f.family}`));
    return { family: f.family, r: Number.isFinite(f.correlations[0]!.r) ? f.correlations[0]!.r : null, ncB: nc.ncB, ncStatus: nc.status };
  });
}
