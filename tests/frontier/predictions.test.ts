import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { config } from '../../pipeline/config.ts';
import { holds, parseCondition, type Condition } from '../../pipeline/frontier/conditions.ts';
import { asOfDate, evaluatePrediction, population } from '../../pipeline/frontier/predictions.ts';
import { runFrontier } from '../../pipeline/frontier/stage.ts';
import type { PredictionQuantity, PredictionRule } from '../../pipeline/frontier/ingest.ts';
import { ingest } from '../../pipeline/ingest.ts';
import { createRng } from '../../pipeline/stats/rng.ts';
import { copyData } from '../helpers/fixtures.ts';
import { frontierModel as fm } from '../helpers/frontier-fixtures.ts';

const FROZEN = 'frozen-2026-03';

function cond(text: string): Condition {
  const p = parseCondition(text);
  if ('error' in p) throw new Error(p.error);
  return p.condition;
}

function rule(id: number, deadline: string, passIf: string, failIf: string, extra: { failAtDeadlineIf?: string; completeIf?: string } = {}): PredictionRule {
  const raw = { pass_if: passIf, fail_if: failIf, fail_at_deadline_if: extra.failAtDeadlineIf ?? '', complete_if: extra.completeIf ?? '' };
  return {
    id,
    name: `p${id}`,
    deadline,
    deadlineText: deadline,
    statement: '',
    passIf: cond(passIf),
    failIf: cond(failIf),
    failAtDeadlineIf: cond(raw.fail_at_deadline_if),
    completeIf: cond(raw.complete_if),
    raw,
  };
}

const q = (predictionId: number, variable: string, fields: Partial<PredictionQuantity>): PredictionQuantity => ({
  predictionId,
  variable,
  metric: 'pair_count',
  benchmark: null,
  x: null,
  y: null,
  k: null,
  rankedBy: null,
  lab: '',
  count: null,
  agg: null,
  population: 'all',
  minN: null,
  ...fields,
});

// A prediction-5-like rule: r(SWE, GPQA) > 0.5 passes, r < 0.3 fails, needs 4 pairs.
const corr = rule(5, '2027-05-31', 'r>0.5', 'r<0.3');
const corrQ = [q(5, 'r', { metric: 'pearson_r', x: 'swe_verified', y: 'gpqa_diamond', minN: 4 })];
const rising = [fm('a', 'L', 10, 20), fm('b', 'L', 20, 31), fm('c', 'L', 30, 39), fm('d', 'L', 40, 52)];
const falling = [fm('a', 'L', 10, 52), fm('b', 'L', 20, 39), fm('c', 'L', 30, 31), fm('d', 'L', 40, 20)];

describe('the condition grammar', () => {
  it('binds & tighter than | and reads an undefined variable as false', () => {
    const c = cond('a<1 & b>2 | c>=3');
    expect(
      holds(
        c,
        new Map([
          ['a', 0],
          ['b', 3],
          ['c', 0],
        ]),
      ),
    ).toBe(true);
    expect(
      holds(
        c,
        new Map([
          ['a', 0],
          ['b', 1],
          ['c', 3],
        ]),
      ),
    ).toBe(true);
    expect(
      holds(
        c,
        new Map([
          ['a', 0],
          ['b', 1],
          ['c', 2],
        ]),
      ),
    ).toBe(false);
    expect(
      holds(
        c,
        new Map([
          ['a', undefined],
          ['b', 3],
          ['c', undefined],
        ]),
      ),
    ).toBe(false);
    expect(holds(cond(''), new Map())).toBe(false);
  });

  it('rejects what is not VAR OP NUMBER', () => {
    for (const bad of ['a << 1', '(a<1)', 'a<', 'A<1', 'a<1 &', 'a = 1']) expect(parseCondition(bad)).toHaveProperty('error');
  });
});

describe('prediction statuses on synthetic panels', () => {
  it('passes when pass_if holds', () => {
    const e = evaluatePrediction(corr, corrQ, rising, '2026-04-30', FROZEN);
    expect(e.status).toBe('pass');
    expect(e.variables[0]!.value).toBeGreaterThan(0.99);
  });

  it('is likely-fail when fail_if holds before the deadline and fail after it', () => {
    expect(evaluatePrediction(corr, corrQ, falling, '2026-04-30', FROZEN).status).toBe('likely-fail');
    expect(evaluatePrediction(corr, corrQ, falling, '2027-06-01', FROZEN).status).toBe('fail');
  });

  it('stays pending while the data cannot decide, and is inconclusive once the deadline passes', () => {
    const few = rising.slice(0, 3);
    const e = evaluatePrediction(corr, corrQ, few, '2026-04-30', FROZEN);
    expect(e.status).toBe('pending');
    expect(e.variables[0]!.value).toBeUndefined();
    expect(evaluatePrediction(corr, corrQ, few, '2027-06-01', FROZEN).status).toBe('inconclusive');
  });

  it('fails at the deadline on fail_at_deadline_if (too few IFEval scores)', () => {
    const r = rule(2, '2026-12-31', 'n>=8 & r>0.6', 'r<0.3', { failAtDeadlineIf: 'n<5' });
    const qs = [q(2, 'r', { metric: 'pearson_r', x: 'gpqa_diamond', y: 'ifeval', minN: 5 }), q(2, 'n', { x: 'gpqa_diamond', y: 'ifeval' })];
    const panel = rising.map((m, i) => ({ ...m, scores: { ...m.scores, ifeval: i < 3 ? 80 + i : null } }));
    expect(evaluatePrediction(r, qs, panel, '2026-06-01', FROZEN).status).toBe('pending');
    expect(evaluatePrediction(r, qs, panel, '2027-01-01', FROZEN).status).toBe('fail');
  });

  it('judges a lab’s next releases against the frozen line, counting only releases after the window opens', () => {
    // Frozen line through GPQA = SWE + 10; the lab's releases sit 8 below it, or one sits 7 above.
    const frozen = [fm('f1', 'X', 20, 30), fm('f2', 'X', 40, 50), fm('f3', 'X', 60, 70)];
    const release = (name: string, date: string, gpqa: number) => fm(name, 'Lab', 50, gpqa, { releaseDate: date, panel: 'later', subset: 'post-cutoff' });
    const r = rule(3, '', 'n>=2 & h_max<0', 'h_max>5', { completeIf: 'n>=2' });
    const qs = [
      q(3, 'h_max', { metric: 'lab_h_next', lab: 'Lab', count: 2, agg: 'max', population: 'released_after:2026-05' }),
      q(3, 'n', { metric: 'lab_h_next', lab: 'Lab', count: 2, agg: 'count', population: 'released_after:2026-05' }),
    ];
    const early = release('early', '2026-04', 90);
    const status = (ms: ReturnType<typeof fm>[]) => evaluatePrediction(r, qs, [...frozen, early, ...ms], '2027-01-01', FROZEN);
    expect(status([release('n1', '2026-07', 52)]).status).toBe('pending');
    const both = status([release('n1', '2026-07', 52), release('n2', '2026-09', 52), release('n3', '2026-10', 99)]);
    expect(both.status).toBe('pass');
    expect(both.variables[0]!.value).toBeCloseTo(-8, 10);
    expect(status([release('n1', '2026-07', 52), release('n2', '2026-09', 67)]).status).toBe('fail');
    expect(status([release('n1', '2026-07', 52), release('n2', '2026-09', 62)]).status).toBe('inconclusive');
  });

  it('counts a year-only date as December when selecting releases after a month', () => {
    const ms = [fm('y', 'L', 1, 1, { releaseDate: '2026' }), fm('m', 'L', 1, 1, { releaseDate: '2026-05' }), fm('e', 'L', 1, 1, { releaseDate: '' })];
    expect(population(ms, 'released_after:2026-05', FROZEN).map((m) => m.model)).toEqual(['y']);
  });
});

describe('predictions evaluated from the project data files', () => {
  const statuses = (dataDir: string) => {
    const out = runFrontier({ data: ingest(dataDir), config, rng: createRng('t') });
    return { asOf: out.asOf, status: Object.fromEntries(out.predictions.map((e) => [e.rule.id, e.status])) };
  };

  it('takes "as of" from the newest release date in the panel, not from the clock', () => {
    const d = copyData();
    const before = statuses(d);
    expect(before.asOf).toBe(asOfDate(ingest(d).frontier.models));
    expect(before.status[1]).toBe('likely-fail');
    appendFileSync(join(d, 'frontier/models.csv'), 'Test Model,TestLab,10.0,20.0,,,post-cutoff,,false,,true,2027-02-01,post-cutoff-test,,test fixture\n');
    const after = statuses(d);
    expect(after.asOf).toBe('2027-02-01');
    // The SWE deadline (Dec 2026) has now passed: the same fail_if gives "fail".
    expect(after.status[1]).toBe('fail');
  });

  it('updates a release-count prediction when new rows are appended, with no code change', () => {
    const d = copyData();
    expect(statuses(d).status[3]).toBe('pending');
    // Two DeepSeek releases after May 2026 far below the frozen line (h < 0): prediction 3 passes.
    appendFileSync(
      join(d, 'frontier/models.csv'),
      [
        'DS Next 1,DeepSeek,80.0,60.0,,,post-cutoff,,false,,true,2026-08,post-cutoff-test,,test fixture',
        'DS Next 2,DeepSeek,82.0,61.0,,,post-cutoff,,false,,true,2026-11,post-cutoff-test,,test fixture',
        '',
      ].join('\n'),
    );
    expect(statuses(d).status[3]).toBe('pass');
  });
});
