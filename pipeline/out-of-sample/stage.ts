/**
 * The out-of-sample stage: every base-model family of the Open LLM
 * Leaderboard v1 in data/leaderboard-families.csv, coupled with measurement
 * noise, its N_c as a distribution, width normalisation and the ODE hold-out,
 * then the pre-registered predictions scored on it (data/preregistration.csv).
 */
import { familyCoupling } from '../coupling.ts';
import { familyNc } from '../critical-scale/stage.ts';
import { familyNoiseSource } from '../noise/family-draws.ts';
import { trajectoryOf } from '../ode/data.ts';
import { odeHoldout } from '../ode/holdout.ts';
import type { OdeOutput } from '../ode/stage.ts';
import type { CouplingContext } from '../stage-context.ts';
import type { StageOutput } from '../types.ts';
import { widthRow } from '../width.ts';
import { straightLines } from './baselines.ts';
import { outOfSampleClaims } from './claims.ts';
import { BOARD_FILE } from './ingest.ts';
import { scorePredictions } from './predictions.ts';
import { selectFamilies } from './select.ts';
import { outOfSampleSentences, outOfSampleTables } from './tables.ts';
import type { OosFamily, OosNumbers } from './types.ts';

export interface OosContext extends CouplingContext {
  ode: OdeOutput;
}

export interface OutOfSampleOutput extends StageOutput, OosNumbers {
  /** One plain sentence per prediction and scoring set, for REPORT.md. */
  sentences: string[];
}

const MIN_SIZES = 3;

export function runOutOfSample(ctx: OosContext): OutOfSampleOutput {
  const { config: cfg, data } = ctx;
  const oos = data.outOfSample;
  const byId = new Map(oos.predictions.map((p) => [p.id, p]));
  const odeMin = byId.get('P4')?.minModels ?? MIN_SIZES;
  const published = ctx.ode.numbers.sources.find((s) => s.key === 'published')!;
  const sim = ctx.ode.numbers.sim;
  const noise = familyNoiseSource(
    ctx.noise,
    { draws: cfg.outOfSample.noiseDraws, level: cfg.noise.ciLevel, minDeltaHs: cfg.coupling.minDeltaHs },
    ctx.rng.fork('noise'),
  );
  const pointOnly = { ...cfg, criticalScale: { ...cfg.criticalScale, perFamilyResamples: 0 } };
  const selected = selectFamilies(oos.families, oos.board, oos.architecture, `data/${BOARD_FILE}`, MIN_SIZES);
  const families: OosFamily[] = selected
    .filter((s) => !s.tooFew)
    .map((s) => {
      const coupling = familyCoupling(s.family, s.models, cfg, ctx.rng.fork(`coupling/${s.family}`), noise);
      // familyNc labels its result with a panel; these families belong to none, and the label is not shown.
      // Its within-family resampling CI is not part of the test, so no resamples are drawn.
      const nc = familyNc('audited', coupling, pointOnly, ctx.rng.fork(`nc/${s.family}`));
      const withWidth = s.models.filter((m) => m.dModel !== null).length;
      const width = withWidth >= MIN_SIZES ? widthRow('audited', s.family, 'all', s.models, cfg, ctx.rng.fork(`width/${s.family}`)) : null;
      const tr = trajectoryOf(s.family, s.models);
      const enough = tr.models.length >= odeMin;
      const ode = {
        linear: enough ? odeHoldout(published.linear, tr, sim) : null,
        sparse: enough ? odeHoldout(published.sparse.system, tr, sim) : null,
        lines: enough ? straightLines(published.pythia, tr) : null,
      };
      return { family: s.family, tier: s.tier, inPanel: s.inPanel, set: s.set, models: s.models, excluded: s.excluded, coupling, nc, width, ode };
    });
  const { scores, outcomes } = scorePredictions(oos.predictions, families);
  const out: OosNumbers = {
    families,
    unscored: selected.filter((s) => s.tooFew),
    predictions: oos.predictions,
    scores,
    outcomes,
    registration: oos.registration,
  };
  return { ...out, sentences: outOfSampleSentences(out), tables: outOfSampleTables(out, cfg), claims: outOfSampleClaims(out) };
}
