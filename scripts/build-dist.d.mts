/** Types of scripts/build-dist.mjs for the TypeScript that imports it (tests, bench). */
export const STAMP: string;
export function distIsStale(root?: string): boolean;
export function buildDist(root?: string): Promise<void>;
export function buildErrorText(e: unknown): string | null;
