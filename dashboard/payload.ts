import type { Config } from '../pipeline/config.ts';
import type { ReferenceFamily } from '../pipeline/diagnose.ts';
import type { Intervention } from '../pipeline/ingest.ts';
import type { NoiseModel } from '../pipeline/noise/noise-model.ts';
import type { Cell, Model, PanelName, Table } from '../pipeline/types.ts';

/** A Vega-Lite spec as read from figures/*.vl.json; the build compiles it to Vega (charts/compile.ts). */
export type Spec = Record<string, unknown>;

/** Where a ledger row's evidence lives: figures and tables of the same place, else of its section. */
export interface ClaimLinks {
  section: string;
  figures: string[];
  tables: string[];
  /** True when the ids share the claim's exact place ("fig2b" → A-fig2b-…), false when only the section matches. */
  exact: boolean;
}

export interface FrontierLine {
  subset: string;
  n: number;
  slope: number;
  intercept: number;
  r: number;
}

/** Everything the site is built from, read from one result folder at build time; each tab gets the part it lists (parts.ts). */
export interface Payload {
  version: string;
  /** From manifest.json, shown in the header so a reader knows which run this is. */
  created: string | null;
  gitCommit: string | null;
  config: Config;
  tables: Record<string, Table>;
  figures: Record<string, Spec>;
  claims: Record<string, Cell>[];
  statuses: string[];
  claimLinks: Record<string, ClaimLinks>;
  reference: ReferenceFamily[];
  panels: Record<PanelName, Model[]>;
  interventions: Intervention[];
  /** The run's noise model (tables/noise-benchmarks and the config's sign rule), so the browser's diagnosis carries the same noise. */
  noise: NoiseModel;
  frontierLine: FrontierLine;
  /** The family pre-filled in the Diagnose box. */
  example: { label: string; text: string };
}
