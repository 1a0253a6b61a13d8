/** Exit codes shared by every command. */
export const EXIT = { ok: 0, finding: 1, usage: 2 } as const;

export class UsageError extends Error {}
