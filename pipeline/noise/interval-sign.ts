/**
 * Whether score noise decides the sign of g12 = ΔTQA/ΔHS on one interval:
 * P(g12 > 0) in closed form under independent normal errors, and the sign
 * label (+, -, within noise, undefined) the tables, CLI and dashboard show.
 */
import { phi } from '../stats/normal.ts';

export type G12Sign = '+' | '-' | 'within noise' | 'undefined';

export interface SignRule {
  /** A sign is resolved when P(g12 > 0) is above the upper or below the lower bound. */
  resolvedP: readonly [number, number];
  /** g12 is undefined where |ΔHS| < this many SE(ΔHS). */
  undefinedHsSe: number;
}

const z = (d: number, se: number) => (se > 0 ? d / se : d > 0 ? Infinity : d < 0 ? -Infinity : 0);

/**
 * g12 > 0 exactly when ΔHS and ΔTQA share a sign. With independent normal
 * ΔHS ~ N(dHs, seHs²) and ΔTQA ~ N(dTqa, seTqa²): P = Φ(a)Φ(b) + Φ(−a)Φ(−b),
 * a = dHs/seHs, b = dTqa/seTqa.
 */
export function pG12Positive(dHs: number, seDHs: number, dTqa: number, seDTqa: number): number {
  const a = z(dHs, seDHs);
  const b = z(dTqa, seDTqa);
  return phi(a) * phi(b) + phi(-a) * phi(-b);
}

export function g12Sign(dHs: number, seDHs: number, p: number, rule: SignRule): G12Sign {
  if (Math.abs(dHs) < rule.undefinedHsSe * seDHs) return 'undefined';
  if (p > rule.resolvedP[1]) return '+';
  if (p < rule.resolvedP[0]) return '-';
  return 'within noise';
}
