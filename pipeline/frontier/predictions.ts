import { formatCondition, holds } from './conditions.ts';
import { compareText, releaseMonth } from './order.ts';
import { fitPanel, hasAxes, hField } from './regression.ts';
import { spread, topK } from './saturation.ts';
import type { FrontierModel, PredictionQuantity, PredictionRule } from './ingest.ts';
import { pearson } from '../stats/pearson.ts';

/** Evaluates the seven predictions from the rules in data/frontier/ (README: Populations, Metrics, Status algorithm). */

export type PredictionStatus = 'pass' | 'fail' | 'likely-fail' | 'pending' | 'inconclusive';

export interface VariableValue {
  variable: string;
  metric: string;
  value: number | undefined;
  /** Which rows produced the value, so the number can be checked by hand. */
  detail: string;
}

export interface PredictionEvaluation {
  rule: PredictionRule;
  asOf: string;
  status: PredictionStatus;
  variables: VariableValue[];
  /** One line: which condition decided the status. */
  reason: string;
}

/** The newest release date in the panel: statuses depend on the data, never on the day the pipeline runs. */
export function asOfDate(models: readonly FrontierModel[]): string {
  // Dates are ISO strings, so the latest is the last in sorted order.
  return (
    models
      .map((m) => m.releaseDate)
      .sort()
      .at(-1) ?? ''
  );
}

export function population(models: readonly FrontierModel[], spec: string, frozenPanel: string): FrontierModel[] {
  if (spec === 'all') return [...models];
  if (spec === 'frozen') return models.filter((m) => m.panel === frozenPanel);
  const after = spec.slice('released_after:'.length);
  return models.filter((m) => m.releaseDate !== '' && releaseMonth(m.releaseDate) > after);
}

function evaluateQuantity(q: PredictionQuantity, models: readonly FrontierModel[], frozenPanel: string): VariableValue {
  const rows = population(models, q.population, frozenPanel);
  const base = { variable: q.variable, metric: q.metric };
  switch (q.metric) {
    case 'spread_topk': {
      const top = topK(rows, q.rankedBy!, q.k!, [q.benchmark!]);
      if (!top)
        return { ...base, value: undefined, detail: `fewer than ${q.k} ${q.population} rows have ${[...new Set([q.benchmark, q.rankedBy])].join(' and ')}` };
      return {
        ...base,
        value: spread(top, q.benchmark!),
        detail: `${q.benchmark} spread over top-${q.k} by ${q.rankedBy} (${q.population}): ${top.map((m) => m.model).join(', ')}`,
      };
    }
    case 'pair_count': {
      const n = rows.filter((m) => m.scores[q.x!] !== null && m.scores[q.y!] !== null).length;
      return { ...base, value: n, detail: `${q.population} rows with ${q.x} and ${q.y}` };
    }
    case 'pearson_r': {
      const both = rows.filter((m) => m.scores[q.x!] !== null && m.scores[q.y!] !== null);
      const minN = q.minN ?? 3;
      const r =
        both.length >= minN
          ? pearson(
              both.map((m) => m.scores[q.x!]!),
              both.map((m) => m.scores[q.y!]!),
            )
          : NaN;
      const detail = `r(${q.x}, ${q.y}) over ${both.length} ${q.population} rows` + (both.length < minN ? ` (< min_n ${minN}: undefined)` : '');
      return { ...base, value: Number.isFinite(r) ? r : undefined, detail };
    }
    case 'lab_h_next': {
      // b1, b0 are refitted here from the frozen population, so no fitted value is ever an input.
      const fit = fitPanel(population(models, 'frozen', frozenPanel).filter(hasAxes));
      const kept = rows
        .filter((m) => m.lab === q.lab)
        .sort((a, b) => compareText(a.releaseDate, b.releaseDate) || compareText(a.model, b.model))
        .slice(0, q.count!);
      const hs = kept.filter(hasAxes).map((m) => hField(m, fit));
      const value = q.agg === 'count' ? kept.length : hs.length === 0 ? undefined : q.agg === 'max' ? Math.max(...hs) : Math.min(...hs);
      const list = kept.map((m) => `${m.model} h=${hasAxes(m) ? hField(m, fit).toFixed(2) : 'n/a'}`).join(', ');
      return { ...base, value, detail: `first ${q.count} ${q.lab} rows ${q.population}: ${list || 'none'}` };
    }
  }
}

export function evaluatePrediction(
  rule: PredictionRule,
  quantities: readonly PredictionQuantity[],
  models: readonly FrontierModel[],
  asOf: string,
  frozenPanel: string,
): PredictionEvaluation {
  const variables = quantities.filter((q) => q.predictionId === rule.id).map((q) => evaluateQuantity(q, models, frozenPanel));
  const vars = new Map(variables.map((v) => [v.variable, v.value]));
  const deadlinePassed = rule.deadline !== '' && asOf > rule.deadline;
  const complete = rule.deadline === '' && holds(rule.completeIf, vars);
  const say = (c: PredictionRule['passIf']) => formatCondition(c);
  let status: PredictionStatus;
  let reason: string;
  if (holds(rule.passIf, vars)) {
    status = 'pass';
    reason = `pass_if holds: ${say(rule.passIf)}`;
  } else if (holds(rule.failIf, vars)) {
    status = rule.deadline !== '' && !deadlinePassed ? 'likely-fail' : 'fail';
    reason = `fail_if holds: ${say(rule.failIf)}` + (status === 'likely-fail' ? ` before the deadline ${rule.deadline}` : '');
  } else if (deadlinePassed || complete) {
    status = holds(rule.failAtDeadlineIf, vars) ? 'fail' : 'inconclusive';
    reason =
      (deadlinePassed ? `deadline ${rule.deadline} passed` : `release count reached (${say(rule.completeIf)})`) +
      (status === 'fail' ? `; fail_at_deadline_if holds: ${say(rule.failAtDeadlineIf)}` : '; neither pass_if nor fail_if holds');
  } else {
    status = 'pending';
    reason =
      rule.deadline !== ''
        ? `neither pass_if nor fail_if holds; deadline ${rule.deadline} not reached`
        : `neither pass_if nor fail_if holds; release count not reached (${say(rule.completeIf)})`;
  }
  return { rule, asOf, status, variables, reason };
}

export function evaluatePredictions(
  rules: readonly PredictionRule[],
  quantities: readonly PredictionQuantity[],
  models: readonly FrontierModel[],
  frozenPanel: string,
  asOf = asOfDate(models),
): PredictionEvaluation[] {
  return rules.map((r) => evaluatePrediction(r, quantities, models, asOf, frozenPanel));
}
