/**
 * What the dist/ build of cape embeds (scripts/build-dist.ts defines
 * __CAPE_BUILD__): the hashes of the sources it was built from, so the result
 * version covers the code that ran. Undefined when running the TypeScript
 * sources (tsx, vitest).
 */
export interface BuildInfo {
  /** Each source file of pipeline/ and figures/ and the lockfile, with its SHA-256, as computeVersion lists them. */
  codeInputs: { path: string; sha256: string }[];
}

declare const __CAPE_BUILD__: BuildInfo | undefined;

export const BUILD: BuildInfo | undefined = typeof __CAPE_BUILD__ === 'undefined' ? undefined : __CAPE_BUILD__;
