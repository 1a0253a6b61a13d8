import type { StageContext } from './stage.ts';
import type { StageOutput } from './types.ts';

export type LossOutput = StageOutput;

/** Placeholder until this stage is implemented; the ledger lists its claims as pending. */
export function runLoss(_ctx: StageContext): LossOutput {
  return { tables: [], claims: [] };
}
