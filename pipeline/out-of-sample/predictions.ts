/**
 * Scores the pre-registered predictions P1-P5 (data/preregistration.csv) on
 * the leaderboard families, per scoring set and on raw and resolved signs,
 * each with its pre-registered baseline, an exact Clopper-Pearson interval and
 * the verdict rule the file states. Thresholds come from the file, never from
 * code.
 */
import type { Interval } from '../intervals.ts';
import { mean } from '../stats/describe.ts';
import { clopperPearson } from '../stats/clopper-pearson.ts';
import { mcnemarExact } from '../stats/mcnemar.ts';
import type { FamilyOutcome, OosFamily, Prediction, PredictionScore, ScoringSet, Signs, Verdict } from './types.ts';

const LEVEL = 0.95;
const ALPHA = 0.05;

type Sign = '+' | '-';

/** The observed sign of an interval: raw from g12 (none at an exact zero or a missing g12), resolved from the noise label. */
function observed(iv: Interval, signs: Signs): Sign | null {
  if (signs === 'resolved') return iv.sign === '+' || iv.sign === '-' ? iv.sign : null;
  if (iv.g12 === null || iv.g12 === 0) return null;
  return iv.g12 > 0 ? '+' : '-';
}

function interval(k: number, n: number): [number | null, number | null] {
  return n > 0 ? clopperPearson(k, n, LEVEL) : [null, null];
}

function majorityVerdict(k: number, n: number, ci: [number | null, number | null], rule: 'majority' | 'all'): Verdict {
  if (n === 0) return 'not testable';
  if (rule === 'all') return k === n ? 'pass' : 'fail';
  if (ci[0]! > 0.5) return 'pass';
  if (ci[1]! < 0.5) return 'fail';
  return 'inconclusive';
}

interface SetSigns {
  set: ScoringSet;
  signs: Signs;
  families: OosFamily[];
}

/** P1: intervals wholly below the low threshold are predicted negative, wholly above the high one positive. */
function p1(p: Prediction, c: SetSigns): { score: PredictionScore; outcomes: FamilyOutcome[]; shareUp: number | null } {
  const lo = p.thresholdLowB!;
  const hi = p.thresholdHighB!;
  let k = 0;
  let up = 0;
  const scored: { right: boolean; sign: Sign }[] = [];
  const outcomes: FamilyOutcome[] = [];
  for (const f of c.families) {
    let fk = 0;
    let fn = 0;
    for (const iv of f.coupling.intervals) {
      const predicted: Sign | null = Math.max(iv.fromB, iv.toB) < lo ? '-' : Math.min(iv.fromB, iv.toB) > hi ? '+' : null;
      const seen = observed(iv, c.signs);
      if (predicted === null || seen === null) continue;
      const right = seen === predicted;
      scored.push({ right, sign: seen });
      fn++;
      if (right) fk++;
      if (seen === '+') up++;
    }
    k += fk;
    outcomes.push({
      prediction: p.id,
      family: f.family,
      set: c.set,
      signs: c.signs,
      scored: fn > 0,
      hit: fn > 0 ? fk === fn : null,
      detail: fn > 0 ? `${fk} of ${fn} scored intervals have the predicted sign` : 'no interval wholly outside the thresholds with a sign',
    });
  }
  const n = scored.length;
  const ci = interval(k, n);
  const shareUp = n > 0 ? up / n : null;
  const majority: Sign = up * 2 >= n ? '+' : '-';
  const majorityK = scored.filter((s) => s.sign === majority).length;
  const b = scored.filter((s) => s.right && s.sign !== majority).length;
  const cc = scored.filter((s) => !s.right && s.sign === majority).length;
  const pMc = n > 0 ? mcnemarExact(b, cc) : null;
  let verdict: Verdict = 'not testable';
  if (n > 0) {
    if (ci[0]! > 0.5 && k > majorityK && pMc! < ALPHA) verdict = 'pass';
    else if (ci[1]! < 0.5 || (majorityK > k && pMc! < ALPHA)) verdict = 'fail';
    else verdict = 'inconclusive';
  }
  return {
    score: {
      prediction: p.id,
      set: c.set,
      signs: c.signs,
      n,
      k,
      score: n > 0 ? k / n : null,
      ciLow: ci[0],
      ciHigh: ci[1],
      baseline: `always the majority sign (${majority}), exact McNemar against P1; size-blind share of g12 > 0 = ${shareUp === null ? 'n/a' : shareUp.toFixed(3)}`,
      baselineScore: n > 0 ? majorityK / n : null,
      baselineP: pMc,
      verdict,
    },
    outcomes,
    shareUp,
  };
}

/** P2, criterion (i): a family with enough models in the size range changes the sign of g12 there. */
function p2(p: Prediction, c: SetSigns, shareUp: number | null): { score: PredictionScore; outcomes: FamilyOutcome[] } {
  const outcomes: FamilyOutcome[] = [];
  const chance: number[] = [];
  for (const f of c.families) {
    const inRange = f.models.filter((m) => m.paramsB >= p.rangeLowB! && m.paramsB <= p.rangeHighB!);
    const base = { prediction: p.id, family: f.family, set: c.set, signs: c.signs };
    if (inRange.length < p.minModels!) {
      outcomes.push({ ...base, scored: false, hit: null, detail: `${inRange.length} models in range` });
      continue;
    }
    const ivs = f.coupling.intervals.filter((iv) => iv.fromB >= p.rangeLowB! && iv.toB <= p.rangeHighB!);
    const seen = ivs.map((iv) => observed(iv, c.signs)).filter((s): s is Sign => s !== null);
    if (c.signs === 'resolved' && seen.length < 2) {
      outcomes.push({ ...base, scored: false, hit: null, detail: `${inRange.length} models in range, ${seen.length} resolved interval(s)` });
      continue;
    }
    const changes = seen.includes('+') && seen.includes('-');
    if (shareUp !== null) chance.push(1 - shareUp ** seen.length - (1 - shareUp) ** seen.length);
    outcomes.push({
      ...base,
      scored: true,
      hit: changes,
      detail: `${inRange.length} models in range; signs ${seen.join(' ') || 'none'}${changes ? '' : ': no sign change (counterexample)'}`,
    });
  }
  return {
    score: familyScore(
      p,
      c,
      outcomes,
      'all',
      'independent signs at the size-blind share of g12 > 0: mean chance of a sign change',
      chance.length > 0 ? mean(chance) : null,
    ),
    outcomes,
  };
}

const log10 = Math.log10;

/** P3: a family's N_c lies within the pre-registered interval. */
function p3(p: Prediction, c: SetSigns): { score: PredictionScore; outcomes: FamilyOutcome[] } {
  const [lo, hi] = [p.thresholdLowB!, p.thresholdHighB!];
  const outcomes: FamilyOutcome[] = [];
  const chance: number[] = [];
  for (const f of c.families) {
    const base = { prediction: p.id, family: f.family, set: c.set, signs: c.signs };
    if (f.nc.nScored < p.minModels!) {
      outcomes.push({ ...base, scored: false, hit: null, detail: `${f.nc.nScored} models with both scores` });
      continue;
    }
    const noise = f.coupling.noise?.nc ?? null;
    const nc = c.signs === 'raw' ? f.nc.ncB : noise && noise.pDefined > 0.5 ? noise.medianB : null;
    if (nc === null) {
      outcomes.push({
        ...base,
        scored: false,
        hit: null,
        detail: c.signs === 'raw' ? `no crossing (${f.nc.reason})` : `N_c defined in ${((noise?.pDefined ?? 0) * 100).toFixed(0)}% of noise draws`,
      });
      continue;
    }
    const mids = f.coupling.intervals.map((iv) => log10(iv.midB));
    const [a, b] = [Math.min(...mids), Math.max(...mids)];
    chance.push(b > a ? Math.max(0, Math.min(b, log10(hi)) - Math.max(a, log10(lo))) / (b - a) : 0);
    const hit = nc >= lo && nc <= hi;
    outcomes.push({ ...base, scored: true, hit, detail: `N_c ${nc.toPrecision(3)} B${c.signs === 'resolved' ? ' (noise median)' : ''}` });
  }
  return {
    score: familyScore(
      p,
      c,
      outcomes,
      'majority',
      'a crossing placed uniformly on the family’s log-size span: mean chance of landing in range',
      chance.length > 0 ? mean(chance) : null,
    ),
    outcomes,
  };
}

/** P4, criterion (iv): the ODE as coded predicts a held-out family within the error bound. */
function p4(p: Prediction, c: SetSigns): { score: PredictionScore; outcomes: FamilyOutcome[] } {
  const outcomes: FamilyOutcome[] = [];
  let lineHits = 0;
  for (const f of c.families) {
    const base = { prediction: p.id, family: f.family, set: c.set, signs: c.signs };
    const o = f.ode.linear;
    if (!o) {
      outcomes.push({ ...base, scored: false, hit: null, detail: 'fewer models with all five scores than the rule needs' });
      continue;
    }
    const err = o.mapeAll;
    const hit = err !== null && err <= p.maxMapePct!;
    const line = f.ode.lines?.mapeAll ?? null;
    if (line !== null && line <= p.maxMapePct!) lineHits++;
    const sparse = f.ode.sparse?.mapeAll;
    outcomes.push({
      ...base,
      scored: true,
      hit,
      detail: `linear ODE ${err === null ? 'diverges' : `${err.toFixed(1)}%`}; STLSQ ${sparse === undefined || sparse === null ? 'diverges' : `${sparse.toFixed(1)}%`}; straight lines ${line === null ? 'n/a' : `${line.toFixed(1)}%`}`,
    });
  }
  const n = outcomes.filter((o) => o.scored).length;
  return {
    score: familyScore(p, c, outcomes, 'all', 'straight lines from the Pythia slopes: share of families within the bound', n > 0 ? lineHits / n : null),
    outcomes,
  };
}

/** P5, criterion (ii): dividing both scores by width raises a negative r(HS, TQA). */
function p5(p: Prediction, c: SetSigns): { score: PredictionScore; outcomes: FamilyOutcome[] } {
  const outcomes: FamilyOutcome[] = [];
  let nullHits = 0;
  for (const f of c.families) {
    const base = { prediction: p.id, family: f.family, set: c.set, signs: c.signs };
    const w = f.width;
    if (!w || w.rawR === null || w.normalisedR === null || w.models.length < p.minModels!) {
      outcomes.push({ ...base, scored: false, hit: null, detail: `${w?.models.length ?? 0} models with a known width` });
      continue;
    }
    if (w.rawR >= 0) {
      outcomes.push({ ...base, scored: false, hit: null, detail: `raw r = ${w.rawR.toFixed(3)} is not an anticorrelation` });
      continue;
    }
    const noiseR = f.coupling.noise?.r ?? null;
    const allWidths = w.missingWidth.length === 0;
    if (c.signs === 'resolved' && !(allWidths && noiseR && noiseR[1] < 0)) {
      outcomes.push({
        ...base,
        scored: false,
        hit: null,
        detail: `raw r ${w.rawR.toFixed(3)}, noise range ${noiseR ? `[${noiseR[0].toFixed(3)}, ${noiseR[1].toFixed(3)}]` : 'n/a'}${allWidths ? '' : ', widths missing for some models'}`,
      });
      continue;
    }
    const bar = c.signs === 'resolved' ? noiseR![1] : w.rawR;
    const hit = w.normalisedR > bar;
    const nullMedian = w.nulls.find((x) => x.kind === 'random increasing widths')?.median ?? null;
    if (nullMedian !== null && nullMedian > w.rawR) nullHits++;
    outcomes.push({
      ...base,
      scored: true,
      hit,
      detail: `raw r ${w.rawR.toFixed(3)} → normalised ${w.normalisedR.toFixed(3)}; null median ${nullMedian === null ? 'n/a' : nullMedian.toFixed(3)}`,
    });
  }
  const n = outcomes.filter((o) => o.scored).length;
  return {
    score: familyScore(
      p,
      c,
      outcomes,
      'all',
      'random increasing widths: share of families whose null median normalised r exceeds the raw r',
      n > 0 ? nullHits / n : null,
    ),
    outcomes,
  };
}

function familyScore(
  p: Prediction,
  c: SetSigns,
  outcomes: FamilyOutcome[],
  rule: 'majority' | 'all',
  baseline: string,
  baselineScore: number | null,
): PredictionScore {
  const scored = outcomes.filter((o) => o.scored);
  const n = scored.length;
  const k = scored.filter((o) => o.hit).length;
  const ci = interval(k, n);
  return {
    prediction: p.id,
    set: c.set,
    signs: c.signs,
    n,
    k,
    score: n > 0 ? k / n : null,
    ciLow: ci[0],
    ciHigh: ci[1],
    baseline,
    baselineScore,
    baselineP: null,
    verdict: majorityVerdict(k, n, ci, rule),
  };
}

/** Every prediction on every scoring set it names, on raw and resolved signs (P4 has no sign and is scored once). */
export function scorePredictions(predictions: readonly Prediction[], families: readonly OosFamily[]): { scores: PredictionScore[]; outcomes: FamilyOutcome[] } {
  const scores: PredictionScore[] = [];
  const outcomes: FamilyOutcome[] = [];
  const byId = new Map(predictions.map((p) => [p.id, p]));
  const p1p = byId.get('P1');
  const sets = [...new Set(predictions.flatMap((p) => p.scoringSets))];
  for (const set of sets) {
    for (const signs of ['raw', 'resolved'] as const) {
      const c: SetSigns = { set, signs, families: families.filter((f) => f.set === set) };
      const first = p1p?.scoringSets.includes(set) ? p1(p1p, c) : null;
      for (const p of predictions) {
        if (!p.scoringSets.includes(set)) continue;
        if (p.id === 'P4' && signs === 'resolved') continue;
        const r = p.id === 'P1' ? first! : p.id === 'P2' ? p2(p, c, first?.shareUp ?? null) : p.id === 'P3' ? p3(p, c) : p.id === 'P4' ? p4(p, c) : p5(p, c);
        scores.push(r.score);
        outcomes.push(...r.outcomes);
      }
    }
  }
  return { scores, outcomes };
}
