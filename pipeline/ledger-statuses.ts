/**
 * The ledger's statuses, each with the one line that says what it means, and the two-sentence statement of the rules
 * that assign them (pipeline/claims.ts applies them). claims.md, REPORT.md, the README's status table and the
 * dashboard take the set from here, so a new status is added in one place.
 */

export const STATUS_DEFS = [
  { status: 'reproduced', meaning: 'the paper’s described method, run on the published panel from the released data, gives the printed number' },
  { status: 'reproduced-as-coded-only', meaning: 'only the authors’ released code path gives the printed number; the described method does not' },
  { status: 'reproduced-audited-only', meaning: 'only the audited panel gives the printed number; the published panel does not' },
  {
    status: 'arithmetic-checked',
    meaning: 'the printed number follows from a published input or a number in the claim text; an arithmetic check, not a reproduction from data',
  },
  { status: 'from-released-measurement', meaning: 'read from a released result file that needs model weights to recompute' },
  { status: 'differs', meaning: 'recomputable, and the data do not give the printed number' },
  { status: 'not-recomputable', meaning: 'needs weights or unreleased inputs (as data/claims.csv marks it); the closest computable quantity is shown' },
  {
    status: 'tested-out-of-sample',
    meaning:
      'a falsification criterion scored on families outside the paper’s panel under the pre-registration (data/preregistration.csv); the score and the in-sample status are in the cause',
  },
  { status: 'future', meaning: 'one of Paper B’s seven predictions; its current value is shown' },
  { status: 'pending', meaning: 'no stage regenerates this claim yet' },
] as const;

export type Status = (typeof STATUS_DEFS)[number]['status'];

export const STATUSES: readonly Status[] = STATUS_DEFS.map((d) => d.status);

/** The statuses that say the released data give the printed number; a claim the claims file marks not recomputable never gets one. */
export const REPRODUCTIONS: readonly Status[] = ['reproduced', 'reproduced-as-coded-only', 'reproduced-audited-only'];

/** The rules behind the statuses, in two sentences, printed above the counts in claims.md and REPORT.md. */
export const LEDGER_RULES =
  'A claim is *reproduced* only when the paper’s described method, on the published panel and from the released data, gives the printed digits and data/claims.csv does not mark it not recomputable; a match that needs the authors’ code or the audited panel gets the qualified status *reproduced-as-coded-only* or *reproduced-audited-only*, and one computed from a published input or the claim’s own text is *arithmetic-checked*, never reproduced. ' +
  'A printed bound is compared either on the value or on its magnitude, as the paper means it, and each row’s tolerance says which.';

/** The status table as Markdown (status, meaning), as claims.md and REPORT.md print it and the README repeats it. */
export function statusTableMarkdown(): string {
  return ['| status | meaning |', '|---|---|', ...STATUS_DEFS.map((d) => `| \`${d.status}\` | ${d.meaning} |`)].join('\n');
}
