import { BENCHMARKS } from '../config.ts';
import { evalTerms, type PolySystem, type Term } from './library.ts';
import { samplesOf, type Sample, type Trajectory } from './data.ts';
import type { Fitter, SimSettings } from './fit.ts';
import { odeHoldout } from './holdout.ts';
import { absorbFactor, absorbRow, copyFactor, emptyFactor, type TriangularFactor } from '../stats/triangular-factor.ts';

export interface LofoResult {
  family: string;
  nModels: number;
  start: string;
  trainFamilies: number;
  trainSamples: number;
  mapeAll: number | null;
  mapePerBenchmark: (number | null)[];
  divergedAt: number | null;
}

/** One family's finite differences, reduced to the triangular factor of its [library terms | slopes] rows. */
interface FamilyBlock {
  family: string;
  /** Indices into the trajectories (a family normally has one). */
  members: number[];
  samples: number;
  factor: TriangularFactor;
}

function familyBlocks(trajectories: readonly Trajectory[], samples: readonly Sample[][], terms: readonly Term[]): FamilyBlock[] {
  const cols = terms.length + BENCHMARKS.length;
  const scratch = new Float64Array(cols);
  const byFamily = new Map<string, FamilyBlock>();
  for (const [i, tr] of trajectories.entries()) {
    const block = byFamily.get(tr.family) ?? { family: tr.family, members: [], samples: 0, factor: emptyFactor(cols) };
    for (const s of samples[i]!) absorbRow(block.factor, [...evalTerms(terms, s.state), ...s.deriv], scratch);
    block.members.push(i);
    block.samples += samples[i]!.length;
    byFamily.set(tr.family, block);
  }
  return [...byFamily.values()];
}

/**
 * Leave one family out: every family with at least `minModels` complete models
 * is held out in turn; the fitter sees only the other families' finite
 * differences, and the held-out trajectory is integrated from its smallest model.
 *
 * So that a hold-out costs the same whatever the number of families, the other
 * families' samples reach the fitter as the triangular factor of their rows
 * [library terms | slopes] (stats/triangular-factor.ts), assembled from prefix
 * and suffix factors over the families. While the other families have no more
 * samples than the factor has rows, the fitter gets the samples themselves
 * instead: fewer rows, and exactly a refit on them (the cubic library's fits
 * on the paper's panel are in that regime).
 */
export function leaveOneFamilyOut(trajectories: readonly Trajectory[], minModels: number, scale: number, fitter: Fitter, sim: SimSettings): LofoResult[] {
  const terms = fitter.terms;
  const samples = trajectories.map((tr) => samplesOf(tr, scale));
  const total = samples.reduce((n, s) => n + s.length, 0);
  const blocks = familyBlocks(trajectories, samples, terms);
  const cols = terms.length + BENCHMARKS.length;
  const heldOf = (b: FamilyBlock) => b.members.filter((t) => trajectories[t]!.models.length >= minModels);
  const fromFactor = (b: FamilyBlock) => total - b.samples > cols;
  const needFactors = blocks.some((b) => fromFactor(b) && heldOf(b).length > 0);
  const scratch = new Float64Array(cols);
  // suffix[i]: the factor of blocks i, i+1, ...; the prefix is carried along the loop below.
  const suffix = new Array<TriangularFactor>(blocks.length + 1);
  suffix[blocks.length] = emptyFactor(cols);
  for (let i = blocks.length - 1; needFactors && i >= 0; i--) {
    suffix[i] = copyFactor(suffix[i + 1]!);
    absorbFactor(suffix[i]!, blocks[i]!.factor, scratch);
  }
  const familiesWithSamples = blocks.filter((b) => b.samples > 0).length;
  const rows: (LofoResult | undefined)[] = new Array(trajectories.length);
  const prefix = emptyFactor(cols);
  for (const [i, block] of blocks.entries()) {
    const held = heldOf(block);
    if (held.length > 0) {
      let sys: PolySystem;
      if (fromFactor(block)) {
        const train = copyFactor(prefix);
        absorbFactor(train, suffix[i + 1]!, scratch);
        sys = fitter.fromFactor(train);
      } else sys = fitter.fromSamples(trajectories.flatMap((tr, t) => (tr.family === block.family ? [] : samples[t]!)));
      for (const t of held) {
        const tr = trajectories[t]!;
        const pred = odeHoldout(sys, tr, sim);
        rows[t] = {
          family: tr.family,
          nModels: tr.models.length,
          start: tr.models[0]!,
          trainFamilies: familiesWithSamples - (block.samples > 0 ? 1 : 0),
          trainSamples: total - block.samples,
          mapeAll: pred.mapeAll,
          mapePerBenchmark: pred.mapePerBenchmark,
          divergedAt: pred.divergedAt,
        };
      }
    }
    if (needFactors) absorbFactor(prefix, block.factor, scratch);
  }
  return rows.filter((r): r is LofoResult => r !== undefined);
}
