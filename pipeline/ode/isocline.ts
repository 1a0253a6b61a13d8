import type { Interval } from '../intervals.ts';
import type { Model } from '../types.ts';
import { mean } from '../stats/describe.ts';

/**
 * App. A.7's algebraic classifier TQA_c = sqrt((a/b)·HS), scores as fractions.
 * a/b is calibrated so the isocline passes through the calibration family's
 * mean point: a/b = mean(TQA)² / mean(HS).
 */
export function isoclineConstant(calibration: readonly Model[]): number {
  const hs = calibration.map((m) => m.scores.hellaswag! / 100);
  const tqa = calibration.map((m) => m.scores.truthfulqa_mc2! / 100);
  return mean(tqa) ** 2 / mean(hs);
}

export interface IsoclineCall {
  interval: Interval;
  /** Midpoint of the interval, fractions. */
  hs: number;
  tqa: number;
  tqaCritical: number;
  above: boolean;
  actualSign: number;
  /**
   * As described: above the isocline is the tax side (g12 < 0), the side on which
   * the text's tax-phase models sit (small models: high TQA, low HS), and the side
   * on which a TQA nullcline a·HS − b·TQA² = 0 has TQA falling.
   */
  correctDescribed: boolean;
  /** As coded: scripts/cape_algebraic_nc.py labels points above the isocline BONUS and below TAX. */
  correctCoded: boolean;
}

/** Coupling-sign call for each interval with a non-zero g12, from its midpoint's side of the isocline. */
export function isoclineCalls(models: readonly Model[], intervals: readonly Interval[], ab: number): IsoclineCall[] {
  const byName = new Map(models.map((m) => [m.model, m]));
  return intervals
    .filter((iv) => iv.g12 !== null && iv.g12 !== 0)
    .map((iv) => {
      const a = byName.get(iv.from)!;
      const b = byName.get(iv.to)!;
      const hs = (a.scores.hellaswag! + b.scores.hellaswag!) / 200;
      const tqa = (a.scores.truthfulqa_mc2! + b.scores.truthfulqa_mc2!) / 200;
      const tqaCritical = Math.sqrt(ab * hs);
      const above = tqa > tqaCritical;
      const actualSign = Math.sign(iv.g12!);
      return { interval: iv, hs, tqa, tqaCritical, above, actualSign, correctDescribed: above === actualSign < 0, correctCoded: above === actualSign > 0 };
    });
}
