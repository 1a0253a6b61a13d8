import { shuffled, type Rng } from './rng.ts';

/** Pearson r of x/w and y/w: both series divided by the same per-model factor (no arrays built: it runs once per null draw). */
export function sharedDenominatorR(x: readonly number[], y: readonly number[], w: readonly number[]): number {
  const n = x.length;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < n; i++) {
    sa += x[i]! / w[i]!;
    sb += y[i]! / w[i]!;
  }
  const ma = sa / n;
  const mb = sb / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = x[i]! / w[i]! - ma;
    const db = y[i]! / w[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa === 0 || sbb === 0 ? NaN : sab / Math.sqrt(saa * sbb);
}

/** n widths drawn log-uniform on [min, max], ascending, so they can be given to models in size order. */
export function randomIncreasingWidths(rng: Rng, n: number, min: number, max: number): number[] {
  const a = Math.log(min);
  const span = Math.log(max) - a;
  const out = Array.from({ length: n }, () => Math.exp(a + span * rng.next()));
  return out.sort((p, q) => p - q);
}

export type WidthNull = 'random increasing widths' | 'permuted widths';

/**
 * Distribution of the width-normalised r when the real widths are replaced by
 * (a) random increasing widths over the same range or (b) a permutation of
 * themselves. Scores stay fixed, so what moves r is the denominator alone.
 */
export function widthNullDistribution(x: readonly number[], y: readonly number[], widths: readonly number[], kind: WidthNull, rng: Rng, draws: number): Float64Array {
  const min = Math.min(...widths);
  const max = Math.max(...widths);
  const out = new Float64Array(draws);
  for (let b = 0; b < draws; b++) {
    const w = kind === 'random increasing widths' ? randomIncreasingWidths(rng, widths.length, min, max) : shuffled(rng, widths);
    out[b] = sharedDenominatorR(x, y, w);
  }
  return out;
}

/** Percentile (0–100) of `value` within a sample; ties count half, so a value equal to every draw sits at 50. */
export function percentileOf(sample: ArrayLike<number>, value: number): number {
  let below = 0;
  let equal = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i]! < value) below++;
    else if (sample[i] === value) equal++;
  }
  return (100 * (below + equal / 2)) / sample.length;
}
