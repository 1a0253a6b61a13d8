import type { CouplingContext } from './stage.ts';
import type { StageOutput } from './types.ts';

export type WidthOutput = StageOutput;

/** Placeholder until this stage is implemented; the ledger lists its claims as pending. */
export function runWidth(_ctx: CouplingContext): WidthOutput {
  return { tables: [], claims: [] };
}
