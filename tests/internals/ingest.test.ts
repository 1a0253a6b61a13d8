import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestInternals } from '../../pipeline/internals/ingest.ts';
import type { InputError } from '../../pipeline/io/validate.ts';
import { copyData, editFile, setCell } from '../helpers/fixtures.ts';

function errorsAfter(corrupt: (dataDir: string) => void): string[] {
  const d = copyData();
  corrupt(d);
  const errors: InputError[] = [];
  ingestInternals(d, errors);
  return errors.map((e) => `${e.file}:${e.line}: ${e.column}: ${e.message}`);
}

describe('internals ingest', () => {
  it('accepts the released files as they are', () => {
    expect(errorsAfter(() => {})).toEqual([]);
  });

  it('rejects a malformed row with file, line and column', () => {
    const errors = errorsAfter((d) => setCell(d, 'internals/head_coupling_qwen.csv', 'Qwen2.5-3B', 'coop_frac', '1.5'));
    expect(errors).toEqual(['data/internals/head_coupling_qwen.csv:4: coop_frac: expected a number in [0, 1], got 1.5']);
  });

  it('rejects text where a number belongs and an unknown category', () => {
    const errors = errorsAfter((d) => {
      setCell(d, 'internals/gradient_norms_models.csv', 'pythia-410m', 'loss_mean', 'abc');
      setCell(d, 'internals/projection_bottleneck.csv', 'Pythia-1B', 'space', 'logits');
    });
    expect(errors).toContain('data/internals/gradient_norms_models.csv:4: loss_mean: expected a number in [0, 20], got "abc"');
    expect(
      errors.some((e) =>
        /^data\/internals\/projection_bottleneck\.csv:2: space: expected one of "hidden", "original_proj", "wider_proj", got "logits"/.test(e),
      ),
    ).toBe(true);
  });

  it('names a missing column and a missing file', () => {
    const errors = errorsAfter((d) => {
      editFile(join(d, 'internals/benchmarks_26models.csv'), (t) => t.replace('winogrande,', 'wg,'));
      rmSync(join(d, 'internals/steering_runs.csv'));
    });
    expect(errors.some((e) => e.startsWith('data/internals/benchmarks_26models.csv:1: winogrande: required column is missing'))).toBe(true);
    expect(errors).toContain('data/internals/steering_runs.csv:0: : cannot read the file (ENOENT)');
  });
});
