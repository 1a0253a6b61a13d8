/** The types the critical-scale stage's modules share: stage.ts computes them, report.ts turns them into tables and claims. */
import type { Interval } from '../intervals.ts';
import type { NcDistribution } from '../noise/family-draws.ts';
import type { PooledNoise } from '../noise/pooled-draws.ts';
import type { BootstrapSummary } from '../stats/bootstrap-summary.ts';
import type { Histogram } from '../stats/histogram.ts';
import type { RunningFit } from '../stats/running-coupling.ts';
import type { PanelName, StageOutput } from '../types.ts';

export interface FamilyNc {
  panel: PanelName;
  family: string;
  nModels: number;
  /** Models with both HS and TQA. */
  nScored: number;
  /** Intervals that carry a g12. */
  nCouplings: number;
  status: 'crossing' | 'none' | 'not testable';
  ncB: number | null;
  /** Alternative discrete reading: size of the model that ends the last negative interval before the change. */
  atModelB: number | null;
  /** Why there is or is not a crossing, in words. */
  reason: string;
  below: Interval | null;
  above: Interval | null;
  /** 95% percentile interval over resamples that cross (B params), when the family crosses. */
  ci95: [number, number] | null;
  resamplesWithCrossing: number;
  resamples: number;
  /** N_c under score noise (parametric bootstrap of every score); null without a noise model. */
  noise: NcDistribution | null;
}

export interface PooledNc {
  method: 'quadratic minimum' | 'stratified zero crossing';
  variant: 'as coded' | 'as described' | 'audited';
  data: string;
  /** The data in two or three words, for figure labels. */
  dataShort: string;
  nModels: number;
  resamples: number;
  /** Full-sample estimate (B params), null when the full sample has none. */
  pointB: number | null;
  /** Summary of the kept resamples, in B params. */
  summary: BootstrapSummary;
  /** Resamples dropped, by reason. */
  dropped: Record<string, number>;
  histogram: Histogram;
  /** The same estimator refitted on score-noise draws of the same models. */
  noise: PooledNoise;
}

export interface RunningSet {
  name: string;
  variant: 'as coded' | 'as described' | 'audited';
  how: string;
  points: { family: string; x: number; g12: number }[];
  /** Null below 3 intervals. */
  fit: RunningFit | null;
  /** The fitted line at the smallest and largest interval, in B params, for plotting. */
  line: { nB: number; g12: number }[];
}

export interface CriticalScaleOutput extends StageOutput {
  perFamily: FamilyNc[];
  pooled: PooledNc[];
  running: RunningSet[];
}

export type CriticalScaleNumbers = Pick<CriticalScaleOutput, 'perFamily' | 'pooled' | 'running'>;
