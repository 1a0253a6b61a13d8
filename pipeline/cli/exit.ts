/**
 * Exit codes shared by every command, and how an error becomes one: a usage
 * or input problem is exit 2 with one message, anything else is a bug (exit 3)
 * reported in one line unless CAPE_DEBUG=1 asks for the stack trace.
 */
export const EXIT = { ok: 0, finding: 1, usage: 2, internal: 3 } as const;

/** A bad command line or a bad input named by the message; never a bug. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Input errors may come from modules loaded twice (the bundle and, for the
 * dashboard, the TypeScript sources), so they are recognised by shape rather
 * than by class identity.
 */
export function isInputErrors(e: unknown): e is Error & { errors: unknown[] } {
  return e instanceof Error && e.name !== 'UsageError' && Array.isArray((e as { errors?: unknown }).errors) && e.constructor.name === 'InputErrors';
}

/** The one-line report of an unexpected error, or its stack when CAPE_DEBUG=1. */
export function internalErrorText(prefix: string, e: unknown, env: NodeJS.ProcessEnv = process.env): string {
  if (env.CAPE_DEBUG === '1') return `${prefix}: internal error\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
  const first = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.trim() || (e instanceof Error ? e.name : 'unknown error');
  return `${prefix}: internal error: ${first}\nset CAPE_DEBUG=1 for the stack trace`;
}
