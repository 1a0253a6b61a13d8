import { describe, expect, it } from 'vitest';
import { config, type Config } from '../pipeline/config.ts';
import { runCoupling } from '../pipeline/coupling.ts';
import type { Dataset } from '../pipeline/ingest.ts';
import type { PanelsOutput } from '../pipeline/panel-summary.ts';
import { pearson } from '../pipeline/stats/pearson.ts';
import { createRng } from '../pipeline/stats/rng.ts';
import type { CouplingContext } from '../pipeline/stage-context.ts';
import type { Model } from '../pipeline/types.ts';
import { runWidth } from '../pipeline/width.ts';
import { model, noiseModel, releasedContext } from './helpers/fixtures.ts';

function cfg(draws = 200): Config {
  const c = structuredClone(config);
  c.width.nullResamples = draws;
  return c;
}

function context(models: Model[], c = cfg()): CouplingContext {
  const noise = noiseModel(c);
  const coupling = runCoupling({ name: 'as published', models }, { name: 'audited', models }, c, createRng('t').fork('coupling'), noise);
  return { data: { claims: [] } as unknown as Dataset, config: c, rng: createRng('t').fork('width'), noise, panels: {} as PanelsOutput, coupling };
}

const sizes = [0.1, 0.2, 0.4, 1, 2, 6];
const hs = [28, 31, 38, 47, 55, 63];
const tqa = [46, 44, 42, 39, 38, 35];

describe('width normalisation', () => {
  it('leaves r unchanged when every model has the same width (division by a constant)', () => {
    const fam = sizes.map((n, i) => model(`p${i}`, 'Pythia', n, hs[i]!, tqa[i]!, { dModel: 2048 }));
    const row = runWidth(context(fam)).rows.find((r) => r.panel === 'as published' && r.family === 'Pythia' && r.subset === 'all')!;
    expect(row.normalisedR).toBeCloseTo(pearson(hs, tqa), 12);
    expect(row.rawR).toBeCloseTo(pearson(hs, tqa), 12);
  });

  it('divides both scores by d_model/512 before correlating', () => {
    const widths = [512, 768, 1024, 2048, 2560, 4096];
    const fam = sizes.map((n, i) => model(`p${i}`, 'Pythia', n, hs[i]!, tqa[i]!, { dModel: widths[i]! }));
    const row = runWidth(context(fam)).rows.find((r) => r.family === 'Pythia' && r.subset === 'all')!;
    const w = widths.map((d) => d / 512);
    expect(row.normalisedR).toBeCloseTo(
      pearson(
        hs.map((v, i) => v / w[i]!),
        tqa.map((v, i) => v / w[i]!),
      ),
      12,
    );
    expect(row.nulls.map((n) => n.kind)).toEqual(['random increasing widths', 'permuted widths']);
    for (const n of row.nulls) expect(n.lo).toBeLessThanOrEqual(n.hi);
  });

  it('names models without a width and reports a family with fewer than 3 widths as not computable', () => {
    const fam = [model('o1', 'OPT', 0.1, 30, 45, { dModel: 768 }), model('o2', 'OPT', 1, 45, 40, { dModel: 2048 }), model('o3', 'OPT', 6, 60, 36)];
    const out = runWidth(context(fam));
    const row = out.rows.find((r) => r.family === 'OPT' && r.subset === 'all')!;
    expect(row.missingWidth).toEqual(['o3']);
    expect(row.normalisedR).toBeNull();
    expect(out.claims.find((c) => c.id === 'A.s5_1.wn_opt')!.note).toMatch(/^not computable/);
  });

  it('leaves out the partial correlation below four models, where it is ±1 by construction', () => {
    const fam = [0, 1, 2].map((i) => model(`n${i}`, 'GPT-Neo', sizes[i]!, hs[i]!, tqa[i]!, { dModel: 768 * (i + 1) }));
    const row = runWidth(context(fam)).rows.find((r) => r.family === 'GPT-Neo')!;
    expect(row.partialR).toBeNull();
    expect(row.rawR).not.toBeNull();
  });

  it('is deterministic for a seed', () => {
    const fam = sizes.map((n, i) => model(`p${i}`, 'Pythia', n, hs[i]!, tqa[i]!, { dModel: [512, 768, 1024, 2048, 2560, 4096][i]! }));
    expect(JSON.stringify(runWidth(context(fam)).rows)).toBe(JSON.stringify(runWidth(context(fam)).rows));
  });
});

describe('width stage on the released data', () => {
  it('reports raw and normalised r for every configured family on both panels', () => {
    const c = cfg(50);
    const ctx = releasedContext(c, createRng('x'));
    const data = ctx.data;
    const out = runWidth(ctx);
    for (const panel of ['as published', 'audited'] as const) {
      for (const f of c.width.families)
        expect(
          out.rows.some((r) => r.panel === panel && r.family === f && r.normalisedR !== null),
          `${panel} ${f}`,
        ).toBe(true);
    }
    const ids = new Set(out.claims.map((x) => x.id));
    for (const id of data.claims.map((x) => x.id).filter((x) => x.startsWith('A.s5_1.'))) expect(ids, id).toContain(id);
  });
});
