import type { Benchmark } from './config.ts';
import type { ScoredBenchmark } from './noise/benchmarks.ts';

export type Scores = Record<Benchmark, number | null>;

export type Quirk = '' | 'duplicate' | 'misfiled';

/** One base model as it enters a panel. `line` points back into `file` for error messages. */
export interface Model {
  model: string;
  family: string;
  hfId: string;
  paramsB: number;
  dModel: number | null;
  nLayers: number | null;
  scores: Scores;
  gsm8k: number | null;
  /** Standard errors given in the input (percentage points); null where the noise model computes them. */
  stderr: Record<ScoredBenchmark, number | null>;
  quirk: Quirk;
  auditedFamily: string;
  source: string;
  /** "paper" rows are the authors' 63; "contributed" rows come from data/families/. */
  origin: 'paper' | 'contributed' | 'leaderboard';
  file: string;
  line: number;
}

/** The paper's two readings of its panel, and the contributed families (data/families/), which never join them. */
export type PanelName = 'as published' | 'audited' | 'contributed';

export interface Panel {
  name: PanelName;
  models: Model[];
}

export type Cell = number | string | boolean | null;

export interface Column {
  key: string;
  label: string;
}

export interface Table {
  /** File stem under tables/, e.g. "A-tab1-critical-scale". */
  id: string;
  title: string;
  columns: Column[];
  rows: Record<string, Cell>[];
  notes: string[];
  /** Columns that identify a row across result versions (for `cape diff`); row order is used when empty. */
  key: string[];
}

/** Which reading of the paper a regenerated number follows. */
/** Which reading a number follows; "out of sample" is the pre-registered test on the leaderboard families outside the paper's panel. */
export type Variant = 'as described' | 'as coded' | 'audited' | 'released measurement' | 'out of sample';

export interface ClaimResult {
  id: string;
  variant: Variant;
  value: number | null;
  low?: number | null;
  high?: number | null;
  /** How the number was obtained, in one line. */
  note: string;
  /**
   * A different quantity from the claim's: a stand-in for one the paper does
   * not define or release, or the closest quantity that happens to give the
   * printed number. Shown for context; the ledger never counts it as a match.
   */
  proxy?: boolean;
  /** Where the inputs come from; absent means 'data'. Anything else is at most an arithmetic check. */
  basis?: Basis;
  /**
   * For a claim printed as a bound: whether the paper bounds the value or its
   * magnitude (|γ12| ≤ 0.09 means near zero, not merely below). Absent means
   * 'value'; the ledger states the rule in the row's tolerance.
   */
  bound?: BoundOn;
}

/** 'data': released data files; 'published-input': a number printed in the paper; 'claims-text': a number read from data/claims.csv. */
export type Basis = 'data' | 'published-input' | 'claims-text';

export type BoundOn = 'value' | 'magnitude';

export interface StageOutput {
  tables: Table[];
  claims: ClaimResult[];
}
