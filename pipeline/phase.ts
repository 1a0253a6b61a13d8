export type Phase = 'tax' | 'transition' | 'bonus';

/** Paper A §1: tax below -threshold, bonus above +threshold, transition in between (inclusive). */
export function phaseOf(g12: number, threshold: number): Phase {
  if (g12 < -threshold) return 'tax';
  if (g12 > threshold) return 'bonus';
  return 'transition';
}
