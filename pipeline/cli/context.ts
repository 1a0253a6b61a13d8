import { join } from 'node:path';
import { config as defaults, type Config } from '../config.ts';
import { panelCoupling } from '../coupling.ts';
import { familyNc } from '../critical-scale/stage.ts';
import type { ReferenceFamily } from '../diagnose.ts';
import { ingest, type Dataset } from '../ingest.ts';
import { makeNoiseModel, type NoiseModel } from '../noise/noise-model.ts';
import { auditedPanel, publishedPanel } from '../panels.ts';
import { createRng, type Rng } from '../stats/rng.ts';
import type { Panel } from '../types.ts';
import { ROOT } from './command.ts';

export interface CliContext {
  config: Config;
  rng: Rng;
  data: Dataset;
  published: Panel;
  audited: Panel;
  noise: NoiseModel;
}

/** Loads and validates data/ exactly as `make reproduce` does. */
export function loadContext(seed?: string): CliContext {
  const config: Config = seed === undefined ? defaults : { ...defaults, seed };
  const data = ingest(join(ROOT, 'data'));
  return { config, rng: createRng(config.seed), data, published: publishedPanel(data), audited: auditedPanel(data).panel, noise: makeNoiseModel(data.benchmarks, config.noise) };
}

/** The paper's families on the audited panel: the yardstick a diagnosed family is placed against. */
export function referenceFamilies(ctx: CliContext): ReferenceFamily[] {
  const paper: Panel = { name: 'audited', models: ctx.audited.models.filter((m) => m.origin === 'paper') };
  const pc = panelCoupling(paper, ctx.config, ctx.rng.fork('reference'));
  return pc.families.map((f) => {
    const nc = familyNc('audited', f, ctx.config, ctx.rng.fork(`reference/${f.family}`));
    return { family: f.family, r: Number.isFinite(f.correlations[0]!.r) ? f.correlations[0]!.r : null, ncB: nc.ncB, ncStatus: nc.status };
  });
}
