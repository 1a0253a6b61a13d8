// Error classes the CLI maps to exit code 2: the input is the problem, not the code.

/** A file or model the user pointed at is missing, malformed or unsupported. */
export class SteerInputError extends Error {
  override name = 'SteerInputError';
}

/** Bad flags or flag values: printed with the command's help. */
export class UsageError extends SteerInputError {
  override name = 'UsageError';
}

export { EXIT } from '../pipeline/cli/exit.ts';

export function isInputError(e: unknown): boolean {
  if (e instanceof SteerInputError) return true;
  const code = (e as { code?: unknown })?.code;
  return code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR';
}
