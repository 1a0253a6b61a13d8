import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { config } from '../../pipeline/config.ts';
import { leaveOneLabOut, trajectories, excursions } from '../../pipeline/frontier/labs.ts';
import { eigenstructure } from '../../pipeline/frontier/matrix.ts';
import { fitPanel, hField, panelRows, phaseOf, playbookOf } from '../../pipeline/frontier/regression.ts';
import { saturationRow, topK } from '../../pipeline/frontier/saturation.ts';
import { REGENERATED_ELSEWHERE } from '../../pipeline/frontier/claims-released.ts';
import { runFrontier } from '../../pipeline/frontier/stage.ts';
import { ingest } from '../../pipeline/ingest.ts';
import { fitLine } from '../../pipeline/stats/ols.ts';
import { createRng } from '../../pipeline/stats/rng.ts';
import { ROOT } from '../helpers/fixtures.ts';
import { frontierModel as fm } from '../helpers/frontier-fixtures.ts';

const cfg = config.frontier;

describe('frontier regression and h-field', () => {
  it('matches a hand-computed three-point OLS of GPQA on SWE', () => {
    // (SWE, GPQA) = (10, 20), (20, 40), (30, 50): x̄ = 20, Sxx = 200, Sxy = 300, Syy = 1400/3.
    // slope = 1.5, intercept = 110/3 − 30 = 20/3; residuals −5/3, 10/3, −5/3; RSS = 50/3 on 1 df.
    const ms = [fm('a', 'L', 10, 20), fm('b', 'L', 20, 40), fm('c', 'L', 30, 50)];
    const fit = fitPanel(ms);
    expect(fit.slope).toBeCloseTo(1.5, 12);
    expect(fit.intercept).toBeCloseTo(20 / 3, 12);
    expect(fit.r).toBeCloseTo(300 / Math.sqrt(200 * (1400 / 3)), 12);
    expect(fit.slopeSe).toBeCloseTo(Math.sqrt(50 / 3 / 200), 12);
    expect(ms.map((m) => hField(m, fit))).toEqual([expect.closeTo(-5 / 3, 12), expect.closeTo(10 / 3, 12), expect.closeTo(-5 / 3, 12)]);
  });

  it('labels phases at ±10 and playbook directions at ±5, with the band edge inside', () => {
    expect([-10.01, -10, 0, 10, 10.01].map((h) => phaseOf(h, 10))).toEqual([
      'coding-specialist',
      'cooperative',
      'cooperative',
      'cooperative',
      'reasoning-specialist',
    ]);
    expect([-5.01, -5, 5, 5.01].map((h) => playbookOf(h, 5))).toEqual(['coding-rich', 'balanced', 'balanced', 'reasoning-rich']);
  });

  it('measures post-cutoff models from the frozen line without letting them move it', () => {
    const frozen = [fm('a', 'L', 10, 20), fm('b', 'L', 20, 40), fm('c', 'L', 30, 50)];
    const post = fm('p', 'L', 20, 90, { subset: 'post-cutoff', panel: 'later' });
    const fit = fitPanel(frozen);
    const rows = panelRows([...frozen, post], fit, fitPanel([...frozen, post]), cfg);
    const p = rows.find((r) => r.model.model === 'p')!;
    expect(p.frozen).toBe(false);
    expect(p.h).toBeCloseTo(90 - (1.5 * 20 + 20 / 3), 12);
    expect(p.hRefit).not.toBeCloseTo(p.h, 3);
  });
});

describe('leave-one-lab-out', () => {
  // Labs A and B lie on GPQA = SWE + 10; lab C sits 30 points above that line.
  const panel = [
    fm('a1', 'A', 20, 30),
    fm('a2', 'A', 40, 50),
    fm('a3', 'A', 60, 70),
    fm('b1', 'B', 30, 40),
    fm('b2', 'B', 50, 60),
    fm('b3', 'B', 70, 80),
    fm('c1', 'C', 25, 65),
    fm('c2', 'C', 45, 85),
    fm('c3', 'C', 65, 105),
  ];

  it('never trains on the held-out lab: lab C is predicted by the A+B line alone', () => {
    const lolo = leaveOneLabOut(panel, 3);
    const c = lolo.labs.find((l) => l.lab === 'C')!;
    expect(c.train.sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'b3']);
    expect(c.fit.slope).toBeCloseTo(1, 12);
    expect(c.fit.intercept).toBeCloseTo(10, 12);
    // Any of C's points in the fit would pull the line up and shrink this error below 30.
    expect(c.mae).toBeCloseTo(30, 10);
  });

  it('fits every held-out lab on exactly the other labs and summarises with both SDs', () => {
    const lolo = leaveOneLabOut(panel, 3);
    for (const l of lolo.labs) {
      const train = panel.filter((m) => m.lab !== l.lab);
      const test = panel.filter((m) => m.lab === l.lab);
      const ref = fitLine(
        train.map((m) => m.scores.swe_verified!),
        train.map((m) => m.scores.gpqa_diamond!),
      );
      const mae = test.reduce((s, m) => s + Math.abs(m.scores.gpqa_diamond! - (ref.intercept + ref.slope * m.scores.swe_verified!)), 0) / test.length;
      expect(l.mae).toBeCloseTo(mae, 10);
    }
    const maes = lolo.labs.map((l) => l.mae);
    const m = maes.reduce((s, x) => s + x, 0) / 3;
    const ss = maes.reduce((s, x) => s + (x - m) ** 2, 0);
    expect(lolo.mean).toBeCloseTo(m, 12);
    expect(lolo.sdSample).toBeCloseTo(Math.sqrt(ss / 2), 12);
    expect(lolo.sdPopulation).toBeCloseTo(Math.sqrt(ss / 3), 12);
  });

  it('keeps labs below the minimum out of the summary', () => {
    const lolo = leaveOneLabOut([...panel, fm('d1', 'D', 50, 10)], 3);
    expect(lolo.labs.find((l) => l.lab === 'D')!.inSummary).toBe(false);
    expect(lolo.labs.filter((l) => l.inSummary).map((l) => l.lab)).toEqual(['A', 'B', 'C']);
  });
});

describe('trajectories, saturation and the coupling matrix', () => {
  it('orders a lab by release date, year-only dates as December, and counts excursions below −band', () => {
    const ms = [
      fm('x', 'L', 50, 40, { releaseDate: '2025' }),
      fm('y', 'L', 51, 70, { releaseDate: '2025-03' }),
      fm('z', 'L', 52, 41, { releaseDate: '2026-01' }),
      fm('w', 'L', 53, 42, { releaseDate: '2024-01' }),
    ];
    const rows = panelRows(ms, { ...fitPanel(ms), slope: 0, intercept: 60 }, fitPanel(ms), cfg);
    const t = trajectories(rows).get('L')!;
    expect(t.map((p) => p.row.model.model)).toEqual(['w', 'y', 'x', 'z']);
    expect(t[1]!.dh).toBeCloseTo(10 - -18, 12);
    // h: w −18, y +10, x −20, z −19 → two runs below −10.
    expect(excursions(t, 10)).toBe(2);
  });

  it('ranks the top k by one axis with ties broken by name and measures both spreads on that set', () => {
    const ms = [fm('b', 'L', 80, 90), fm('a', 'L', 80, 70), fm('c', 'L', 79, 85), fm('d', 'L', 10, 99)];
    expect(topK(ms, 'swe_verified', 2, ['gpqa_diamond'])!.map((m) => m.model)).toEqual(['a', 'b']);
    const s = saturationRow('p', ms, 'swe_verified', 'gpqa_diamond', 'swe_verified', 3);
    expect(s.models).toEqual(['a', 'b', 'c']);
    expect(s.spreadOld).toBeCloseTo(1, 12);
    expect(s.spreadNew).toBeCloseTo(20, 12);
    expect(s.sigma).toBeCloseTo(0.05, 12);
    expect(saturationRow('p', ms, 'gpqa_diamond', 'hle', 'gpqa_diamond', 3).sigma).toBeNull();
  });

  it('flags a pairwise-assembled correlation matrix that is not positive semidefinite', () => {
    // r12 = r13 = 0.9 and r23 = −0.9 cannot coexist: det < 0.
    const bad = eigenstructure(
      't',
      ['a', 'b', 'c'],
      [
        [1, 0.9, 0.9],
        [0.9, 1, -0.9],
        [0.9, -0.9, 1],
      ],
    );
    expect(bad.psd).toBe(false);
    expect(bad.eigenvalues[2]).toBeCloseTo(1 - 1.8, 10);
    const ok = eigenstructure(
      't',
      ['a', 'b'],
      [
        [1, 0.5],
        [0.5, 1],
      ],
    );
    expect(ok.psd).toBe(true);
    expect(ok.eigenvalues).toEqual([expect.closeTo(1.5, 12), expect.closeTo(0.5, 12)]);
    expect(ok.deff).toBeCloseTo(4 / 2.5, 12);
  });
});

describe('the frontier stage on the project data', () => {
  const data = ingest(join(ROOT, 'data'));
  const run = () => runFrontier({ data, config, rng: createRng('t') });

  it('reports every Paper B claim id except the few another stage owns, and none of those', () => {
    const reported = new Set(run().claims.map((c) => c.id));
    const missing = data.claims.filter((c) => c.paper === 'B' && !reported.has(c.id) && !REGENERATED_ELSEWHERE.includes(c.id)).map((c) => c.id);
    expect(missing).toEqual([]);
    expect(REGENERATED_ELSEWHERE.filter((id) => reported.has(id))).toEqual([]);
  });

  it('reports every prediction as its current metric value with the status in the note', () => {
    const preds = run().claims.filter((c) => c.id.startsWith('B.s6_1.pred'));
    expect(preds).toHaveLength(data.frontier.predictions.length);
    for (const c of preds) expect(c.note).toMatch(/^status (pass|fail|likely-fail|pending|inconclusive) as of \d{4}/);
  });

  it('gives h-field residuals of the frozen panel that sum to zero and per-lab means that average them', () => {
    const out = run();
    const frozen = out.rows.filter((r) => r.frozen);
    expect(frozen).toHaveLength(out.fit.n);
    expect(frozen.reduce((s, r) => s + r.h, 0)).toBeCloseTo(0, 9);
    for (const l of out.labs) {
      const mine = frozen.filter((r) => r.model.lab === l.lab);
      expect(l.hFrozen).toBeCloseTo(mine.reduce((s, r) => s + r.h, 0) / mine.length, 12);
    }
  });

  it('is deterministic: two runs give identical tables and claims', () => {
    const a = run();
    const b = run();
    expect(JSON.stringify(a.tables)).toBe(JSON.stringify(b.tables));
    expect(JSON.stringify(a.claims)).toBe(JSON.stringify(b.claims));
  });

  it('labels the two readings of the no-compute-tier subset', () => {
    const out = run();
    const r = out.claims.filter((c) => c.id === 'B.s4_1.r_no_compute_tier');
    expect(r.map((c) => c.variant).sort()).toEqual(['as coded', 'as described']);
    expect(r[0]!.value).not.toBe(r[1]!.value);
  });
});
