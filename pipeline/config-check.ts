/**
 * Checks the values of a config before any stage runs, so a bad edit to
 * pipeline/config.ts (or a bad override) stops the run with the key named
 * instead of producing nonsense or a stack trace.
 */
import type { Config } from './config.ts';
import type { InputError } from './io/validate.ts';

const FILE = 'pipeline/config.ts';

export function checkConfig(cfg: Config): InputError[] {
  const errors: InputError[] = [];
  const bad = (key: string, message: string) => errors.push({ file: FILE, line: 0, column: key, message });
  const count = (key: string, v: unknown, min = 1) => {
    if (!(typeof v === 'number' && Number.isInteger(v) && v >= min)) bad(key, `expected an integer >= ${min}, got ${JSON.stringify(v)}`);
  };
  const between = (key: string, v: unknown, lo: number, hi: number, open = false) => {
    const ok = typeof v === 'number' && (open ? v > lo && v < hi : v >= lo && v <= hi);
    if (!ok) bad(key, `expected a number in ${open ? '(' : '['}${lo}, ${hi}${open ? ')' : ']'}, got ${JSON.stringify(v)}`);
  };
  if (typeof cfg.seed !== 'string' || cfg.seed === '') bad('seed', `expected a non-empty string, got ${JSON.stringify(cfg.seed)}`);
  between('coupling.phaseThreshold', cfg.coupling.phaseThreshold, 0, 10);
  between('coupling.minDeltaHs', cfg.coupling.minDeltaHs, 0, 100);
  count('coupling.exactPermutationMaxN', cfg.coupling.exactPermutationMaxN, 3);
  if (cfg.coupling.exactPermutationMaxN > 12)
    bad(
      'coupling.exactPermutationMaxN',
      `${cfg.coupling.exactPermutationMaxN}! orderings would take hours; use 12 or fewer (Monte Carlo covers larger families)`,
    );
  count('coupling.monteCarloPermutations', cfg.coupling.monteCarloPermutations);
  count('noise.draws', cfg.noise.draws);
  count('outOfSample.noiseDraws', cfg.outOfSample.noiseDraws);
  const [lo, hi] = cfg.noise.resolvedP;
  if (!(typeof lo === 'number' && typeof hi === 'number' && lo > 0 && lo < 0.5 && hi > 0.5 && hi < 1))
    bad('noise.resolvedP', `expected [low, high] with 0 < low < 0.5 < high < 1, got ${JSON.stringify(cfg.noise.resolvedP)}`);
  between('noise.undefinedHsSe', cfg.noise.undefinedHsSe, 0, 10);
  between('noise.ciLevel', cfg.noise.ciLevel, 0, 1, true);
  for (const key of ['pooledAsCodedResamples', 'pooledAsDescribedResamples', 'perFamilyResamples'] as const)
    count(`criticalScale.${key}`, cfg.criticalScale[key]);
  cfg.criticalScale.ciLevels.forEach((l, i) => between(`criticalScale.ciLevels[${i}]`, l, 0, 1, true));
  count('width.nullResamples', cfg.width.nullResamples);
  count('width.referenceDModel', cfg.width.referenceDModel);
  count('eigen.bootstrapResamples', cfg.eigen.bootstrapResamples);
  between('eigen.ciLevel', cfg.eigen.ciLevel, 0, 1, true);
  count('significantDigits', cfg.significantDigits);
  if (cfg.significantDigits > 17) bad('significantDigits', `a double holds at most 17 significant digits, got ${cfg.significantDigits}`);
  return errors;
}
