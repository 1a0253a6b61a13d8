/**
 * Types shared by the out-of-sample stage's parts (ingest, selection,
 * predictions, tables): the leaderboard families, the pre-registered
 * predictions and their scores.
 */
import type { FamilyCoupling } from '../coupling.ts';
import type { FamilyNc } from '../critical-scale/stage.ts';
import type { OdeHoldout } from '../ode/holdout.ts';
import type { Model } from '../types.ts';
import type { WidthRow } from '../width.ts';

export type Tier = 'scratch' | 'derived';
export type ScoringSet = 'out-of-sample-scratch' | 'out-of-sample-derived' | 'in-sample';
export type Signs = 'raw' | 'resolved';
export type Verdict = 'pass' | 'fail' | 'inconclusive' | 'not testable';

/** One row of the full Open LLM Leaderboard v1 table (scores in percent). */
export interface BoardRow {
  fullname: string;
  precision: string;
  hellaswag: number;
  truthfulqa_mc2: number;
  arc: number;
  winogrande: number;
  mmlu: number;
  gsm8k: number;
  line: number;
}

/** One row of data/leaderboard-families.csv. */
export interface FamilyRow {
  family: string;
  repo: string;
  paramsB: number;
  tier: Tier;
  inPanelFamily: boolean;
  inPanelModel: boolean;
  note: string;
  line: number;
}

export interface ArchitectureRow {
  model: string;
  dModel: number | null;
}

/** One pre-registered prediction: its rule's numbers as data/preregistration.csv gives them. */
export interface Prediction {
  id: string;
  statement: string;
  thresholdLowB: number | null;
  thresholdHighB: number | null;
  rangeLowB: number | null;
  rangeHighB: number | null;
  minModels: number | null;
  maxMapePct: number | null;
  scoringSets: ScoringSet[];
  line: number;
}

/** Whether data/preregistration.csv is the file registered in its own commit. */
export interface Registration {
  commit: string;
  committed: string;
  /** The first commit with out-of-sample code (a descendant of `commit`). */
  firstCodeCommit: string;
  registeredSha256: string;
  currentSha256: string;
  amended: boolean;
}

export interface OosData {
  board: BoardRow[];
  families: FamilyRow[];
  architecture: ArchitectureRow[];
  predictions: Prediction[];
  registration: Registration;
}

/** A family of the list after the selection rules, before any number is computed. */
export interface SelectedFamily {
  family: string;
  tier: Tier;
  inPanel: boolean;
  set: ScoringSet;
  models: Model[];
  /** Repositories of the list left out (or kept with a caveat), each with the reason. */
  excluded: string[];
  /** Fewer than three distinct sizes remain: reported, never scored. */
  tooFew: boolean;
}

/** A leaderboard family as scored: its models, coupling with noise, N_c, width and ODE hold-out. */
export interface OosFamily extends Omit<SelectedFamily, 'tooFew'> {
  coupling: FamilyCoupling;
  nc: FamilyNc;
  width: WidthRow | null;
  ode: { linear: OdeHoldout | null; sparse: OdeHoldout | null; lines: OdeHoldout | null };
}

/** Per family, what one prediction made of it (for the counterexample listing). */
export interface FamilyOutcome {
  prediction: string;
  family: string;
  set: ScoringSet;
  signs: Signs;
  scored: boolean;
  hit: boolean | null;
  detail: string;
}

/** Everything the stage computed, as the tables, claims and report sentences read it. */
export interface OosNumbers {
  families: OosFamily[];
  unscored: SelectedFamily[];
  predictions: Prediction[];
  scores: PredictionScore[];
  outcomes: FamilyOutcome[];
  registration: Registration;
}

export interface PredictionScore {
  prediction: string;
  set: ScoringSet;
  signs: Signs;
  n: number;
  k: number;
  score: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  baseline: string;
  baselineScore: number | null;
  baselineP: number | null;
  verdict: Verdict;
}
