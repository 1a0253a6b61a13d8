import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../pipeline/cli/main.ts';
import { copyData, tempDir } from './helpers/fixtures.ts';

let out: string[] = [];
let err: string[] = [];
const saved = { log: console.log, error: console.error };
beforeEach(() => {
  out = [];
  err = [];
  console.log = (...a: unknown[]) => out.push(a.join(' '));
  console.error = (...a: unknown[]) => err.push(a.join(' '));
});
afterEach(() => {
  console.log = saved.log;
  console.error = saved.error;
});

const HEADER = 'model,family,params_b,d_model,hellaswag,truthfulqa_mc2,arc,winogrande,mmlu,source';

function familyFile(name: string, rows: string[]): string {
  const path = join(tempDir(), `${name}.csv`);
  writeFileSync(path, [HEADER, ...rows].join('\n') + '\n');
  return path;
}

/** Same sizes and HellaSwag gains; TruthfulQA falls in one family and rises in the other. */
const sizes = [0.1, 0.4, 1.6, 6.4];
const down = familyFile(
  'down',
  sizes.map((n, i) => `Down-${n}B,Down,${n},${512 * 2 ** i},${30 + 10 * i},${48 - 3 * i},25,50,25,fixture`),
);
const up = familyFile(
  'up',
  sizes.map((n, i) => `Up-${n}B,Up,${n},${512 * 2 ** i},${30 + 10 * i},${30 + 3 * i},25,50,25,fixture`),
);

describe('cape diagnose', () => {
  it('uses the scores: equal sizes with opposite TruthfulQA trends get opposite phases and exit codes', async () => {
    expect(await main(['diagnose', down, '--json'])).toBe(1);
    const d = JSON.parse(out.join('\n'));
    out = [];
    expect(await main(['diagnose', up, '--json'])).toBe(0);
    const u = JSON.parse(out.join('\n'));
    expect(d.phase).toBe('tax');
    expect(u.phase).toBe('bonus');
    expect(d.nc.status).toBe('none');
    expect(d.width.normalised_r).toBeTypeOf('number');
    expect(d.interventions.map((i: { phase: string }) => i.phase)).toEqual(d.interventions.map(() => 'tax'));
  });

  it('prints a readable report with intervals, N_c, width, placement and interventions', async () => {
    await main(['diagnose', down]);
    const text = out.join('\n');
    for (const part of ['Down-0.1B → Down-0.4B', 'N_c:', 'Width-normalised', "Among the paper's families", 'data curation']) expect(text).toContain(part);
  });

  it('gives every interval its noise and the family its N_c distribution under the documented JSON keys', async () => {
    await main(['diagnose', down, '--json']);
    const d = JSON.parse(out.join('\n'));
    for (const iv of d.intervals) {
      for (const k of ['se_d_hs', 'se_d_tqa', 'p_g12_positive']) expect(iv[k]).toBeTypeOf('number');
      expect(['+', '-', 'within noise', 'undefined']).toContain(iv.sign);
      // ΔTQA of -3 points with SE(ΔTQA) = 1.42·√2 ≈ 2.0: P(g12 > 0) = Φ(−1.49) ≈ 0.07, a resolved "-".
      expect(iv.se_d_tqa).toBeCloseTo(Math.SQRT2 * 1.42, 1);
      expect(iv.p_g12_positive).toBeCloseTo(0.068, 2);
      expect(iv.sign).toBe('-');
    }
    expect(Object.keys(d.n_c_distribution).sort()).toEqual(['draws', 'high_b', 'low_b', 'median_b', 'p_defined']);
    expect(d.n_c_distribution.p_defined).toBeGreaterThanOrEqual(0);
    expect(d.n_c_distribution.p_defined).toBeLessThanOrEqual(1);
  });

  it('does not call a tax phase a finding when noise leaves its sign unresolved', async () => {
    const flat = familyFile(
      'flat',
      sizes.map((n, i) => `Flat-${n}B,Flat,${n},${512 * 2 ** i},${30 + 10 * i},${45 - 1.5 * i},25,50,25,fixture`),
    );
    expect(await main(['diagnose', flat, '--json'])).toBe(0);
    const d = JSON.parse(out.join('\n'));
    expect(d.phase).toBe('tax');
    expect(d.phase_sign).toBe('within noise');
    out = [];
    await main(['diagnose', flat]);
    expect(out.join('\n')).toContain('Phase now (interval ending at the largest model): tax (sign within noise)');
  });

  it('diagnoses a model already in the dataset within its family, on the audited panel by default', async () => {
    expect(await main(['diagnose', '--model', 'GPT-J-6B', '--json'])).toBeLessThan(2);
    const d = JSON.parse(out.join('\n'));
    expect(d.focus).toBe('GPT-J-6B');
    expect(d.judged_against).toBe('audited');
    expect(d.family).not.toBe('Pythia');
    out = [];
    expect(await main(['diagnose', '--model', 'GPT-J-6B', '--panel', 'published', '--json'])).toBeLessThan(2);
    const p = JSON.parse(out.join('\n'));
    expect(p.family).toBe('Pythia');
    expect(p.judged_against).toBe('as published');
  });

  it('judges a model of a contributed family within that family, saying so', async () => {
    const data = copyData();
    mkdirSync(join(data, 'families'));
    copyFileSync(join(data, 'examples', 'qwen1.5.csv'), join(data, 'families', 'qwen1.5.csv'));
    expect(await main(['diagnose', '--model', 'Qwen1.5-7B', '--data', data, '--json'])).toBeLessThan(2);
    const d = JSON.parse(out.join('\n'));
    expect(d.family).toBe('Qwen1.5');
    expect(d.judged_against).toBe('contributed');
  });

  it('rejects a malformed family file with its file, line and column', async () => {
    const bad = familyFile('bad', ['A-1B,Bad,1,512,40,oops,25,50,25,fixture']);
    expect(await main(['diagnose', bad])).toBe(2);
    expect(err.join('\n')).toMatch(
      new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: column "truthfulqa_mc2": expected a number in \\[0, 100\\], got "oops"`),
    );
  });

  it('is a usage error to give neither or both of a file and --model', async () => {
    expect(await main(['diagnose'])).toBe(2);
    expect(await main(['diagnose', down, '--model', 'OPT-13B'])).toBe(2);
    expect(await main(['diagnose', '--model', 'No-Such-Model'])).toBe(2);
  });
});

describe('cape h-field', () => {
  it('reports the residual from the frozen line, consistent between --json and the given scores', async () => {
    expect(await main(['h-field', '--swe', '60', '--gpqa', '60', '--json'])).toBe(1);
    const a = JSON.parse(out.join('\n'));
    expect(a.h).toBeCloseTo(60 - (a.line.slope * 60 + a.line.intercept), 10);
    expect(a.phase).toBe(a.h < -10 ? 'coding-specialist' : a.h > 10 ? 'reasoning-specialist' : 'cooperative');
  });

  it('looks up a model by name and shows its lab history', async () => {
    await main(['h-field', '--model', 'GPT-5', '--json']);
    const r = JSON.parse(out.join('\n'));
    expect(r.lab.lab).toBe('OpenAI');
    expect(r.history.some((p: { model: string }) => p.model === 'GPT-5')).toBe(true);
  });

  it('rejects a score outside 0–100', async () => {
    expect(await main(['h-field', '--swe', '160', '--gpqa', '60'])).toBe(2);
  });
});

describe('cape predict', () => {
  it('integrates from the smallest model and warns outside the fitted range', async () => {
    expect(await main(['predict', '--family', 'Pythia', '--size', '2.8', '--json'])).toBe(0);
    const inside = JSON.parse(out.join('\n'));
    expect(inside.startModel).toBe('Pythia-70M');
    expect(Object.keys(inside.scores)).toHaveLength(5);
    out = [];
    expect(await main(['predict', '--family', 'Pythia', '--size', '500', '--json'])).toBe(1);
    expect(JSON.parse(out.join('\n')).warnings.join(' ')).toMatch(/extrapolation/);
  });

  it('names the known families when the family is unknown', async () => {
    expect(await main(['predict', '--family', 'Nope', '--size', '1'])).toBe(2);
    expect(err.join('\n')).toMatch(/unknown family "Nope"; known families: .*Pythia/);
  });
});

describe('cape', () => {
  it('lists every command in --help and explains each with <cmd> --help', async () => {
    expect(await main(['--help'])).toBe(0);
    const listed = out.join('\n');
    for (const c of ['reproduce', 'diagnose', 'h-field', 'predict', 'diff']) expect(listed).toContain(`  ${c}`);
    out = [];
    expect(await main(['diagnose', '--help'])).toBe(0);
    expect(out.join('\n')).toMatch(/Exit status/);
  });

  it('exits 2 on an unknown command', async () => {
    expect(await main(['frobnicate'])).toBe(2);
  });
});
