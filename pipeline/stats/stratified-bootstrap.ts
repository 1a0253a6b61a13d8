import type { Rng } from './rng.ts';

/**
 * One family-stratified resample: every stratum keeps its size and draws its
 * members with replacement from itself only, so a family never lends a model to another.
 * `strata` lists, per stratum, indices into the caller's item array.
 */
export function stratifiedResample(rng: Rng, strata: readonly (readonly number[])[]): number[] {
  let total = 0;
  for (const members of strata) total += members.length;
  const out = new Array<number>(total);
  let k = 0;
  for (const members of strata) {
    for (let i = 0; i < members.length; i++) out[k++] = members[rng.int(members.length)]!;
  }
  return out;
}

/** Groups item indices by a key, in order of first appearance. */
export function strataBy<T>(items: readonly T[], key: (t: T) => string): number[][] {
  const groups = new Map<string, number[]>();
  items.forEach((t, i) => {
    const k = key(t);
    const g = groups.get(k) ?? [];
    g.push(i);
    groups.set(k, g);
  });
  return [...groups.values()];
}
