import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FigureDef } from '../figures/figure.ts';
import { loadFigures } from '../figures/registry.ts';
import { runPipeline, type Results } from '../pipeline/run.ts';
import { config } from '../pipeline/config.ts';
import { withOverrides } from '../pipeline/cli/reproduce.ts';
import { ROOT } from './helpers/fixtures.ts';

const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/vega-lite/build/vega-lite-schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);

let figures: FigureDef[] = [];
let results: Results;

beforeAll(async () => {
  figures = await loadFigures();
  results = runPipeline({ dataDir: join(ROOT, 'data'), config: withOverrides(config, undefined, 100) }).results;
});

describe('figure specs', () => {
  it('the schema check rejects a malformed spec', () => {
    expect(validate({ mark: 'not-a-mark', data: { values: [] } })).toBe(false);
  });

  it('every figure module builds a spec that validates against the Vega-Lite schema', () => {
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) {
      const spec = f.build(results);
      const ok = validate(spec);
      expect(ok, `${f.id}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it('every figure names where it sits in the paper and how it was made', () => {
    for (const f of figures) {
      expect(f.ref).toMatch(/^(Fig\.|Table|§|Extra|Out of sample)/);
      expect(['recomputed', 're-plotted from released measurements']).toContain(f.provenance);
    }
  });
});
