import type { StageContext } from './stage.ts';
import type { StageOutput } from './types.ts';

export type FrontierOutput = StageOutput;

/** Placeholder until this stage is implemented; the ledger lists its claims as pending. */
export function runFrontier(_ctx: StageContext): FrontierOutput {
  return { tables: [], claims: [] };
}
