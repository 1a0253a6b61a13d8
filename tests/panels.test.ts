import { describe, expect, it } from 'vitest';
import type { Dataset, LeaderboardRow } from '../pipeline/ingest.ts';
import { auditedPanel, familiesOf, pickLeaderboardRow } from '../pipeline/panels.ts';
import { model } from './helpers/fixtures.ts';

const lb = (fullname: string, precision: string, hs: number, line: number): LeaderboardRow => ({
  fullname,
  precision,
  scores: { hellaswag: hs, truthfulqa_mc2: 40, arc: 30, winogrande: 55, mmlu: 26, gsm8k: 1 },
  source: `lb line ${line}`,
  line,
});

describe('audited panel', () => {
  const rows = [lb('org/m', '4bit', 10, 2), lb('org/m', 'bfloat16', 20, 3), lb('org/m', 'float16', 30, 4), lb('org/m', 'float16', 31, 5)];

  it('prefers a float16 leaderboard row, then bfloat16, never a quantised one, and the first in file order', () => {
    expect(pickLeaderboardRow(rows, 'org/m')?.scores.hellaswag).toBe(30);
    expect(pickLeaderboardRow(rows.slice(0, 2), 'org/m')?.scores.hellaswag).toBe(20);
    expect(pickLeaderboardRow(rows.slice(0, 1), 'org/m')).toBeUndefined();
  });

  it('drops duplicates, moves misfiled models and records every replaced score', () => {
    const data = {
      models: [
        model('M', 'Fam', 1, 50, 40, { hfId: 'org/m' }),
        model('M-copy', 'Fam', 1, 51, 41, { hfId: 'org/m', quirk: 'duplicate' }),
        model('J', 'Fam', 6, 60, 38, { quirk: 'misfiled', auditedFamily: 'Real' }),
      ],
      leaderboard: rows,
    } as unknown as Dataset;
    const { panel, changes } = auditedPanel(data);
    expect(panel.models.map((m) => [m.model, m.family])).toEqual([
      ['M', 'Fam'],
      ['J', 'Real'],
    ]);
    expect(panel.models[0]!.scores.hellaswag).toBe(30);
    expect(changes.map((c) => `${c.model}:${c.field}`)).toEqual(['M:hellaswag', 'M:gsm8k', 'M-copy:row', 'J:family']);
    expect(changes.some((c) => c.model === 'M' && c.field === 'hellaswag' && c.published === '50' && c.audited === '30')).toBe(true);
    expect(data.models[0]!.scores.hellaswag).toBe(50);
  });
});

describe('families of a panel', () => {
  it('come in code-point order of their names, the same in every locale, each in size order', () => {
    const models = [
      model('x2', 'b', 2, 50, 40),
      model('x1', 'b', 1, 50, 40),
      model('y', 'B', 1, 50, 40),
      model('z', 'Ä', 1, 50, 40),
      model('w', 'a', 1, 50, 40),
    ];
    const families = familiesOf({ name: 'as published', models });
    expect([...families.keys()]).toEqual(['B', 'a', 'b', 'Ä']);
    expect(families.get('b')!.map((m) => m.model)).toEqual(['x1', 'x2']);
  });
});
