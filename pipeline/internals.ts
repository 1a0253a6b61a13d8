import type { StageContext } from './stage.ts';
import type { StageOutput } from './types.ts';

export type InternalsOutput = StageOutput;

/** Placeholder until this stage is implemented; the ledger lists its claims as pending. */
export function runInternals(_ctx: StageContext): InternalsOutput {
  return { tables: [], claims: [] };
}
