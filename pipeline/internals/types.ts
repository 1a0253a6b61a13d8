/** The types the internals stage's modules share: stage.ts reads them together, tables.ts and claims.ts shape them. */
import type { StageOutput } from '../types.ts';
import type { Finding } from './checks.ts';
import type { Fig5Family, HeadModel } from './heads.ts';
import type { ProjectionRow, QwenHeadRow } from './ingest.ts';

/** A point of Paper A Fig. 7: (a) Gemma coupling against d_rep, (b) Qwen coupling by generation. */
export interface Fig7Point {
  panel: 'a' | 'b';
  model: string;
  coupling: number;
  dRep: number | null;
  measure: string;
}

/**
 * Re-plots and consistency checks of the authors' released internal measurements.
 * Nothing here is recomputed from weights; every number is read from data/internals/.
 */
export interface InternalsOutput extends StageOutput {
  qwen: QwenHeadRow[];
  heads: HeadModel[];
  fig5: Fig5Family[];
  projection: ProjectionRow[];
  fig7: Fig7Point[];
  findings: Finding[];
}

export type InternalsCore = Omit<InternalsOutput, 'tables' | 'claims'>;
