/**
 * Ledger rows for the paper's falsification criteria tested out of sample:
 * (i) by P2, (ii) by P5, (iv) by P4. The value is the number of
 * counterexamples among the primary (scratch, out-of-panel) families; the
 * note gives every score and the in-sample counts as the audited reading.
 */
import type { ClaimResult } from '../types.ts';
import type { OosNumbers, PredictionScore } from './types.ts';

const CRITERIA: [string, string, string][] = [
  ['A.s9.counterexamples', 'P2', 'criterion (i)'],
  ['A.s9.criterion_ii', 'P5', 'criterion (ii)'],
  ['A.s9.criterion_iv', 'P4', 'criterion (iv)'],
];

const text = (s: PredictionScore) => `${s.set} ${s.signs}: ${s.n - s.k} counterexample(s) in ${s.n}, ${s.verdict}`;

export function outOfSampleClaims(o: OosNumbers): ClaimResult[] {
  const out: ClaimResult[] = [];
  for (const [id, prediction, label] of CRITERIA) {
    const scores = o.scores.filter((s) => s.prediction === prediction);
    const primary = scores.find((s) => s.set === 'out-of-sample-scratch' && s.signs === 'raw');
    const names = (set: string) =>
      o.outcomes
        .filter((x) => x.prediction === prediction && x.set === set && x.signs === 'raw' && x.scored && x.hit === false)
        .map((x) => x.family)
        .join(', ');
    if (primary) {
      const others = scores
        .filter((s) => s !== primary && s.set !== 'in-sample')
        .map(text)
        .join('; ');
      out.push({
        id,
        variant: 'out of sample',
        value: primary.n - primary.k,
        note: `${label} as pre-registered ${prediction}, ${text(primary)}${names(primary.set) ? ` (${names(primary.set)})` : ''}; ${others}`,
      });
    }
    const inSample = scores.find((s) => s.set === 'in-sample' && s.signs === 'raw');
    if (inSample && id !== 'A.s9.counterexamples') {
      // The paper's own families on leaderboard values: the closest in-sample reading of these criteria.
      out.push({
        id,
        variant: 'audited',
        value: inSample.n - inSample.k,
        note: `the paper's families on Open LLM Leaderboard v1 values, ${prediction}: ${text(inSample)}${names('in-sample') ? ` (${names('in-sample')})` : ''}`,
      });
    }
  }
  return out;
}
