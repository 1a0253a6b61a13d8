import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContext, referenceFamilies } from '../../pipeline/cli/context.ts';
import { InputErrors } from '../../pipeline/io/validate.ts';
import { copyData } from '../helpers/fixtures.ts';

describe('the CLI’s view of data/', () => {
  const plain = referenceFamilies(loadContext());

  it('places a diagnosis against the paper’s families without reading data/families/', () => {
    const dir = copyData();
    mkdirSync(join(dir, 'families'));
    writeFileSync(join(dir, 'families', 'broken.csv'), 'model,family\nnot,"closed\n');
    const ctx = loadContext(undefined, dir);
    expect(referenceFamilies(ctx)).toEqual(plain);
    expect(ctx.data.interventions.length).toBeGreaterThan(0);
    // A command that needs every model still reads, and rejects, the broken family file.
    expect(() => ctx.published).toThrow(InputErrors);
    expect(() => ctx.published).toThrow(/data\/families\/broken\.csv/);
  });

  it('gives the same reference with a contributed family in data/families/, which the data hold and the paper’s panels never do', () => {
    const dir = copyData();
    mkdirSync(join(dir, 'families'));
    copyFileSync(join(dir, 'examples', 'qwen1.5.csv'), join(dir, 'families', 'qwen1.5.csv'));
    const ctx = loadContext(undefined, dir);
    expect(referenceFamilies(ctx)).toEqual(plain);
    expect(plain.some((f) => f.family === 'Qwen1.5')).toBe(false);
    expect(ctx.data.models.some((m) => m.family === 'Qwen1.5')).toBe(true);
    expect(ctx.published.models.some((m) => m.family === 'Qwen1.5')).toBe(false);
  });
});
