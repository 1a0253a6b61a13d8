import type { CouplingContext } from './stage.ts';
import type { StageOutput } from './types.ts';

export type EigenOutput = StageOutput;

/** Placeholder until this stage is implemented; the ledger lists its claims as pending. */
export function runEigen(_ctx: CouplingContext): EigenOutput {
  return { tables: [], claims: [] };
}
