/**
 * Exact McNemar test of two classifiers on the same items: only the
 * discordant items count, and under H0 each is equally likely to favour
 * either, so the count favouring one is Binomial(b + c, 1/2).
 */

/** Two-sided exact p: twice the smaller binomial tail, at most 1; 1 when there are no discordant items. */
export function mcnemarExact(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  const m = Math.min(b, c);
  // Sum C(n, i) / 2^n for i <= m with terms built incrementally in log space for large n.
  let logTerm = -n * Math.LN2;
  let tail = Math.exp(logTerm);
  for (let i = 1; i <= m; i++) {
    logTerm += Math.log((n - i + 1) / i);
    tail += Math.exp(logTerm);
  }
  return Math.min(1, 2 * tail);
}
