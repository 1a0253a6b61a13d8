import type { Rng } from './rng.ts';

/** Pearson r of x/w and y/w: both series divided by the same per-model factor. */
export function sharedDenominatorR(x: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>): number {
  return ratioR(Float64Array.from(x), Float64Array.from(y), Float64Array.from(w), new Float64Array(x.length), new Float64Array(x.length));
}

/**
 * sharedDenominatorR on typed arrays (one element kind keeps the loop fast),
 * with the ratios kept in `a` and `b` so each is divided once and a null loop
 * allocates nothing.
 */
function ratioR(x: Float64Array, y: Float64Array, w: Float64Array, a: Float64Array, b: Float64Array): number {
  const n = x.length;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < n; i++) {
    a[i] = x[i]! / w[i]!;
    b[i] = y[i]! / w[i]!;
    sa += a[i]!;
    sb += b[i]!;
  }
  const ma = sa / n;
  const mb = sb / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa === 0 || sbb === 0 ? NaN : sab / Math.sqrt(saa * sbb);
}

/** n widths drawn log-uniform on [min, max], ascending, so they can be given to models in size order. */
export function randomIncreasingWidths(rng: Rng, n: number, min: number, max: number): number[] {
  return Array.from(drawIncreasingWidths(new Float64Array(n), rng, min, max));
}

/** randomIncreasingWidths into `out` (its length is n), so the null loop allocates nothing. */
function drawIncreasingWidths(out: Float64Array, rng: Rng, min: number, max: number): Float64Array {
  const a = Math.log(min);
  const span = Math.log(max) - a;
  // Insertion sort as the widths are drawn: for a family's handful of models it beats a sort call.
  for (let i = 0; i < out.length; i++) {
    const v = Math.exp(a + span * rng.next());
    let j = i - 1;
    for (; j >= 0 && out[j]! > v; j--) out[j + 1] = out[j]!;
    out[j + 1] = v;
  }
  return out;
}

/** A Fisher–Yates shuffle of `widths` into `out`, with the draws of rng.ts's shuffled. */
function permuteWidths(out: Float64Array, widths: Float64Array, rng: Rng): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = widths[i]!;
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}

export type WidthNull = 'random increasing widths' | 'permuted widths';

/**
 * Distribution of the width-normalised r when the real widths are replaced by
 * (a) random increasing widths over the same range or (b) a permutation of
 * themselves. Scores stay fixed, so what moves r is the denominator alone.
 * Each draw reuses one buffer: the cost is the draws' random numbers and one
 * pass over the models.
 */
export function widthNullDistribution(
  x: readonly number[],
  y: readonly number[],
  widths: readonly number[],
  kind: WidthNull,
  rng: Rng,
  draws: number,
): Float64Array {
  const min = Math.min(...widths);
  const max = Math.max(...widths);
  const n = widths.length;
  const [xs, ys, real] = [Float64Array.from(x), Float64Array.from(y), Float64Array.from(widths)];
  const [w, a, b] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const out = new Float64Array(draws);
  for (let d = 0; d < draws; d++)
    out[d] = ratioR(xs, ys, kind === 'random increasing widths' ? drawIncreasingWidths(w, rng, min, max) : permuteWidths(w, real, rng), a, b);
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
