/**
 * What the `cape` commands read from data/, each input on first use, so that a
 * command pays only for what it touches: diagnosing a family file reads the
 * paper's panel (data/models.csv), the leaderboard its audit takes scores
 * from, and the interventions, never the contributed families in data/families/.
 */
import { join } from 'node:path';
import { BENCHMARKS, config as defaults, type Config } from '../config.ts';
import { panelCoupling } from '../coupling.ts';
import { familyNc } from '../critical-scale/stage.ts';
import type { ReferenceFamily } from '../diagnose.ts';
import { ingest, INTERVENTION_FIELDS, LEADERBOARD_FIELDS, type Dataset, type Intervention, type LeaderboardRow } from '../ingest.ts';
import { readTable } from '../io/read-table.ts';
import { InputErrors, type InputError } from '../io/validate.ts';
import { checkModels, MODEL_FIELDS, num, str, toModel } from '../model-schema.ts';
import { auditedPanel, publishedPanel } from '../panels.ts';
import { createRng, type Rng } from '../stats/rng.ts';
import type { Model, Panel } from '../types.ts';
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

interface PaperInputs {
  models: Model[];
  leaderboard: LeaderboardRow[];
  interventions: Intervention[];
}

/** data/models.csv, data/leaderboard-v1.csv and data/interventions.csv, read and checked as ingest.ts reads them. */
function readPaperInputs(dataDir: string): PaperInputs {
  const errors: InputError[] = [];
  const models = readTable(dataDir, 'models.csv', MODEL_FIELDS, errors).map((r) => toModel(r, 'data/models.csv', 'paper'));
  checkModels(models, errors);
  const leaderboard = readTable(dataDir, 'leaderboard-v1.csv', LEADERBOARD_FIELDS, errors).map((r) => ({
    fullname: str(r.values.fullname),
    precision: str(r.values.precision),
    scores: Object.fromEntries([...BENCHMARKS, 'gsm8k'].map((b) => [b, num(r.values[b]) ?? NaN])) as LeaderboardRow['scores'],
    source: str(r.values.source),
    line: r.line,
  }));
  const interventions = readTable(dataDir, 'interventions.csv', INTERVENTION_FIELDS, errors).map((r) => ({
    phase: str(r.values.phase) as Intervention['phase'],
    intervention: str(r.values.intervention),
    suggestion: str(r.values.suggestion),
    paperCaveat: str(r.values.paper_caveat),
    evidence: str(r.values.evidence),
    evidenceNote: str(r.values.evidence_note),
    source: str(r.values.source),
  }));
  if (errors.length > 0) throw new InputErrors(errors);
  return { models, leaderboard, interventions };
}

/** The CLI's view of data/ (the repository's unless `dataDir` is given); nothing is read until a command asks for it. */
export function loadContext(seed?: string, dataDir = join(ROOT, 'data')): CliContext {
  const config: Config = seed === undefined ? defaults : { ...defaults, seed };
  const full = once(() => ingest(dataDir));
  const paper = once(() => readPaperInputs(dataDir));
  const fromFull = {
    models: () => full().models,
    leaderboard: () => full().leaderboard,
    pooled14: () => full().pooled14,
    pythiaFigure: () => full().pythiaFigure,
    claims: () => full().claims,
    interventions: () => paper().interventions,
    frontier: () => full().frontier,
    internals: () => full().internals,
  };
  const data = onDemand(fromFull);
  const paperData = onDemand({ ...fromFull, models: () => paper().models, leaderboard: () => paper().leaderboard });
  const published = once(() => publishedPanel(data));
  const audited = once(() => auditedPanel(data).panel);
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
  };
}

/** The paper's families on the audited panel: the yardstick a diagnosed family is placed against. */
export function referenceFamilies(ctx: CliContext): ReferenceFamily[] {
  const pc = panelCoupling(auditedPanel(ctx.paperData).panel, ctx.config, ctx.rng.fork('reference'));
  return pc.families.map((f) => {
    const nc = familyNc('audited', f, ctx.config, ctx.rng.fork(`reference/${f.family}`));
    return { family: f.family, r: Number.isFinite(f.correlations[0]!.r) ? f.correlations[0]!.r : null, ncB: nc.ncB, ncStatus: nc.status };
  });
}
