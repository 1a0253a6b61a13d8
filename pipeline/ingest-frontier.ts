import type { InputError } from './io/validate.ts';

/** Paper B inputs from data/frontier/ (filled in by the frontier stage's ingest). */
export type FrontierData = Record<string, never>;

export function ingestFrontier(_dataDir: string, _errors: InputError[]): FrontierData {
  return {};
}
