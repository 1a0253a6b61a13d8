import type { PanelContext } from './stage.ts';
import type { StageOutput } from './types.ts';

export type OdeOutput = StageOutput;

/** Placeholder until this stage is implemented; the ledger lists its claims as pending. */
export function runOde(_ctx: PanelContext): OdeOutput {
  return { tables: [], claims: [] };
}
