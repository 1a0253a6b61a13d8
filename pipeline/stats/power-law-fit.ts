export interface OffsetPowerLaw {
  /** L = e + a · N^(−alpha) */
  e: number;
  a: number;
  alpha: number;
  rss: number;
  r2: number;
  n: number;
}

export interface PowerLawOptions {
  /** Search interval for alpha; the fit fails loudly if the optimum sits on its edge. */
  alphaRange: [number, number];
  /** Grid points scanned before the golden-section refinement. */
  gridSteps: number;
  tolerance: number;
}

/** Closed-form simple regression of L on x = N^−α (run hundreds of times per fit, so no SEs here). */
function profile(n: readonly number[], l: readonly number[], alpha: number): { e: number; a: number; rss: number } {
  const x = n.map((v) => v ** -alpha);
  const k = l.length;
  const mx = x.reduce((s, v) => s + v, 0) / k;
  const ml = l.reduce((s, v) => s + v, 0) / k;
  let sxx = 0;
  let sxl = 0;
  for (let i = 0; i < k; i++) {
    sxx += (x[i]! - mx) ** 2;
    sxl += (x[i]! - mx) * (l[i]! - ml);
  }
  const a = sxl / sxx;
  const e = ml - a * mx;
  let rss = 0;
  for (let i = 0; i < k; i++) rss += (l[i]! - e - a * x[i]!) ** 2;
  return { e, a, rss };
}

/**
 * Nonlinear least squares for L = E + A·N^−α by profiling: for a fixed α the model is
 * linear in (E, A), solved exactly by OLS; the residual sum of squares is then minimised
 * over α with a grid scan followed by golden-section search around the best grid point.
 */
export function fitOffsetPowerLaw(n: readonly number[], l: readonly number[], opts: PowerLawOptions): OffsetPowerLaw {
  const [lo, hi] = opts.alphaRange;
  const step = (hi - lo) / opts.gridSteps;
  let bestIndex = 0;
  let bestRss = Infinity;
  for (let i = 0; i <= opts.gridSteps; i++) {
    const r = profile(n, l, lo + i * step).rss;
    if (r < bestRss) [bestIndex, bestRss] = [i, r];
  }
  const best = lo + bestIndex * step;
  if (bestIndex === 0 || bestIndex === opts.gridSteps) throw new Error(`fitOffsetPowerLaw: optimum at the edge of alphaRange [${lo}, ${hi}]`);
  let a = best - step;
  let b = best + step;
  const g = (Math.sqrt(5) - 1) / 2;
  while (b - a > opts.tolerance) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (profile(n, l, c).rss < profile(n, l, d).rss) b = d;
    else a = c;
  }
  const alpha = (a + b) / 2;
  const p = profile(n, l, alpha);
  const ml = l.reduce((s, v) => s + v, 0) / l.length;
  const tss = l.reduce((s, v) => s + (v - ml) ** 2, 0);
  return { e: p.e, a: p.a, alpha, rss: p.rss, r2: 1 - p.rss / tss, n: l.length };
}

export const offsetPowerLaw = (f: Pick<OffsetPowerLaw, 'e' | 'a' | 'alpha'>, n: number): number => f.e + f.a * n ** -f.alpha;
