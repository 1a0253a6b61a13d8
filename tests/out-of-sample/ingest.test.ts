import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../pipeline/io/hash.ts';
import { ingestOutOfSample } from '../../pipeline/out-of-sample/ingest.ts';
import type { InputError } from '../../pipeline/io/validate.ts';
import { copyData, editFile, ROOT } from '../helpers/fixtures.ts';

function errorsFor(edit: (dir: string) => void): string[] {
  const dir = copyData();
  edit(dir);
  const errors: InputError[] = [];
  ingestOutOfSample(dir, errors);
  return errors.map((e) => `${e.file}:${e.line}: ${e.column}: ${e.message}`);
}

describe('out-of-sample inputs', () => {
  it('read cleanly from the project’s data folder', () => {
    expect(errorsFor(() => {})).toEqual([]);
  });

  it('name file, line and column for a leaderboard score that is not a number', () => {
    const bad = errorsFor((d) =>
      editFile(join(d, 'open-llm-leaderboard-v1.csv'), (t) => {
        const lines = t.split('\n');
        const cells = lines[5]!.split(',');
        cells[4] = 'n/a';
        lines[5] = cells.join(',');
        return lines.join('\n');
      }),
    );
    expect(
      bad.some((e) => /^data\/open-llm-leaderboard-v1\.csv:6: hellaswag: expected a number in \[0, 100\], got "n\/a"/.test(e)),
      bad.join('\n'),
    ).toBe(true);
  });

  it('name the missing column of a leaderboard file', () => {
    const errs = errorsFor((d) => editFile(join(d, 'open-llm-leaderboard-v1.csv'), (t) => t.replace(',truthfulqa,', ',truthful_qa,')));
    expect(errs.some((e) => /^data\/open-llm-leaderboard-v1\.csv:1: truthfulqa: required column is missing/.test(e))).toBe(true);
  });

  it('name both files when a family row names a repository the table lacks', () => {
    const errs = errorsFor((d) => appendFileSync(join(d, 'leaderboard-families.csv'), 'Ghost,ghost/ghost-7b,7,scratch,no,no,release name,,test\n'));
    expect(
      errs.some((e) => /^data\/leaderboard-families\.csv:\d+: repo: "ghost\/ghost-7b" is not in data\/open-llm-leaderboard-v1\.csv/.test(e)),
      errs.join('\n'),
    ).toBe(true);
  });

  it('refuse a prediction row whose rule lacks a threshold', () => {
    const errs = errorsFor((d) =>
      editFile(join(d, 'preregistration.csv'), (t) => t.replace(/^P1,(.*?),2\.9,13\.4,/m, (m) => m.replace(',2.9,13.4,', ',,13.4,'))),
    );
    expect(
      errs.some((e) => /^data\/preregistration\.csv:2: threshold_low_b: P1's rule needs a value here/.test(e)),
      errs.join('\n'),
    ).toBe(true);
  });
});

describe('the pre-registration record', () => {
  it('says the file is unchanged as it stands, and amended once it is edited', () => {
    const dir = copyData();
    const before: InputError[] = [];
    expect(ingestOutOfSample(dir, before).registration.amended).toBe(false);
    appendFileSync(join(dir, 'preregistration.csv'), '\n');
    const after = ingestOutOfSample(dir, []).registration;
    expect(after.amended).toBe(true);
    expect(after.currentSha256).not.toBe(after.registeredSha256);
  });

  it('points at the commit that added the file, which holds exactly the registered bytes and precedes all out-of-sample code', () => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    let added: string;
    try {
      // A shallow clone lacks the history to check; an installed package has no git at all.
      if (git('rev-parse', '--is-shallow-repository') === 'true') return;
      added = git('log', '--diff-filter=A', '--format=%H', '--', 'data/preregistration.csv').split('\n').pop()!;
    } catch {
      return;
    }
    const reg = ingestOutOfSample(join(ROOT, 'data'), []).registration;
    expect(reg.commit).toBe(added);
    const blob = execFileSync('git', ['show', `${added}:data/preregistration.csv`], { cwd: ROOT });
    expect(sha256(blob)).toBe(reg.registeredSha256);
    const codeCommits = git('log', '--format=%H', '--', 'pipeline/out-of-sample', 'data/leaderboard-families.csv').split('\n').filter(Boolean);
    for (const c of codeCommits) expect(git('merge-base', '--is-ancestor', added, c) === '' && c !== added).toBe(true);
    // The record names the first of them, which the report prints.
    expect(reg.firstCodeCommit).toBe(codeCommits[codeCommits.length - 1]);
  });
});
