import type { CouplingContext } from './stage.ts';
import type { StageOutput } from './types.ts';

export type CriticalScaleOutput = StageOutput;

/** Placeholder until this stage is implemented; the ledger lists its claims as pending. */
export function runCriticalScale(_ctx: CouplingContext): CriticalScaleOutput {
  return { tables: [], claims: [] };
}
