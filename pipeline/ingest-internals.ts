import type { InputError } from './io/validate.ts';

/** The authors' released measurements from data/internals/ (filled in by the internals stage's ingest). */
export type InternalsData = Record<string, never>;

export function ingestInternals(_dataDir: string, _errors: InputError[]): InternalsData {
  return {};
}
