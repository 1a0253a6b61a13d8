import { analyseFrontier, type FrontierAnalysis } from './analysis.ts';
import { axesClaims } from './claims-axes.ts';
import { panelClaims } from './claims-panel.ts';
import { releasedClaims } from './claims-released.ts';
import { crosscheckTable } from './crosscheck.ts';
import { axesTables } from './tables-axes.ts';
import { panelTables } from './tables-panel.ts';
import type { StageContext } from '../stage-context.ts';
import type { StageOutput } from '../types.ts';

/** Paper B: the frontier regression, h-field, labs, saturation, coupling matrix, predictions and cascade. */
export interface FrontierOutput extends StageOutput, FrontierAnalysis {}

export function runFrontier(ctx: StageContext): FrontierOutput {
  const cfg = ctx.config.frontier;
  const data = ctx.data.frontier;
  const a = analyseFrontier(data, ctx.data.claims, cfg);
  const known = new Set(ctx.data.claims.map((c) => c.id));
  // Per-model and per-lab ids are generated from names; a newly added model or lab has no claim row.
  const claims = [...panelClaims(a, ctx.data.claims, cfg), ...axesClaims(a, data, ctx.data.claims, cfg), ...releasedClaims(ctx.data, cfg)].filter((c) =>
    known.has(c.id),
  );
  const tables = [...panelTables(a, cfg), ...axesTables(a, data, cfg), crosscheckTable(a, data.released.authors)];
  return { ...a, tables, claims };
}
