import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withOverrides } from '../../pipeline/cli/reproduce.ts';
import { config } from '../../pipeline/config.ts';
import { ledgerOf } from '../../pipeline/emit.ts';
import { runPipeline, type Results } from '../../pipeline/run.ts';
import { ROOT } from '../helpers/fixtures.ts';

let results: Results;
beforeAll(() => {
  results = runPipeline({ dataDir: join(ROOT, 'data'), config: withOverrides(config, undefined, 50) }).results;
});

const table = (id: string) => results.outOfSample.tables.find((t) => t.id === id)!;

describe('the out-of-sample stage on the leaderboard families', () => {
  it('writes the tables the issue names, with their machine-readable columns', () => {
    const cols = (id: string) => table(id).columns.map((c) => c.key);
    expect(cols('oos-families')).toEqual(expect.arrayContaining(['family', 'tier', 'in_panel', 'n_models', 'sizes_b', 'excluded_repos_note']));
    expect(cols('oos-intervals')).toEqual(
      expect.arrayContaining([
        'family',
        'lower_repo',
        'upper_repo',
        'lower_b',
        'upper_b',
        'd_hs',
        'd_tqa',
        'se_d_hs',
        'se_d_tqa',
        'g12',
        'p_g12_positive',
        'sign',
      ]),
    );
    expect(cols('oos-nc')).toEqual(['family', 'scoring_set', 'n_c_b', 'p_defined', 'median_b', 'low_b', 'high_b']);
    expect(cols('oos-predictions')).toEqual([
      'prediction',
      'scoring_set',
      'signs',
      'n',
      'k',
      'score',
      'ci_low',
      'ci_high',
      'baseline',
      'baseline_score',
      'baseline_p',
      'verdict',
    ]);
  });

  it('scores at least twenty families, most of them outside the paper’s panel', () => {
    const scored = results.outOfSample.families;
    expect(scored.length).toBeGreaterThanOrEqual(20);
    expect(scored.filter((f) => !f.inPanel).length).toBeGreaterThan(scored.length / 2);
  });

  it('scores every prediction on raw and resolved signs for each set it names, with k <= n and the CI around k/n', () => {
    for (const s of results.outOfSample.scores) {
      expect(s.k).toBeLessThanOrEqual(s.n);
      if (s.n > 0) {
        expect(s.ciLow!).toBeLessThanOrEqual(s.score!);
        expect(s.ciHigh!).toBeGreaterThanOrEqual(s.score!);
      } else expect(s.verdict).toBe('not testable');
    }
    for (const p of results.outOfSample.predictions) {
      for (const set of p.scoringSets) {
        const signs = results.outOfSample.scores.filter((s) => s.prediction === p.id && s.set === set).map((s) => s.signs);
        expect(signs).toEqual(p.id === 'P4' ? ['raw'] : ['raw', 'resolved']);
      }
    }
  });

  it('never changes the paper’s panels: no leaderboard model enters them', () => {
    for (const panel of [results.panels.published, results.panels.audited]) expect(panel.models.some((m) => m.origin === 'leaderboard')).toBe(false);
  });

  it('gives the falsification criteria the ledger status "tested-out-of-sample", the counterexamples as the value', () => {
    const ledger = ledgerOf(results);
    for (const id of ['A.s9.counterexamples', 'A.s9.criterion_ii', 'A.s9.criterion_iv']) {
      const row = ledger.rows.find((r) => r.claim.id === id)!;
      expect(row.status).toBe('tested-out-of-sample');
      expect(row.cause).toMatch(/out-of-sample-scratch raw: \d+ counterexample\(s\) in \d+/);
      expect(row.cause).toMatch(/on the paper's panels: /);
    }
  });
});
