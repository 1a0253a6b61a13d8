import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { config } from '../../pipeline/config.ts';
import { ingest, type Dataset } from '../../pipeline/ingest.ts';
import { runOde, type OdeOutput } from '../../pipeline/ode/stage.ts';
import { runPanels, type PanelsOutput } from '../../pipeline/panel-summary.ts';
import { createRng } from '../../pipeline/stats/rng.ts';
import { ROOT } from '../helpers/fixtures.ts';

let data: Dataset;
let panels: PanelsOutput;
let out: OdeOutput;
const run = () => runOde({ data, config, rng: createRng('t'), panels });

beforeAll(() => {
  data = ingest(join(ROOT, 'data'));
  panels = runPanels(data);
  out = run();
});

describe('ode stage on the shipped data', () => {
  it('gives every claim in its scope at least one result, and only ids the claims file has', () => {
    const known = new Set(data.claims.map((c) => c.id));
    const reported = new Set(out.claims.map((c) => c.id));
    for (const id of reported) expect(known.has(id), id).toBe(true);
    const scope = data.claims.map((c) => c.id).filter((id) => /^A\.(abs\.ode_llama2|fig2c\.|s4\.|fig3\.|appA4\.|appA7\.|fig2b\.l4)/.test(id));
    for (const id of scope) expect(reported.has(id), id).toBe(true);
  });

  it('fits the as-coded ODE on the 8 Pythia sizes only, without the models misfiled under Pythia', () => {
    const pub = out.numbers.sources.find((s) => s.key === 'published')!;
    expect(pub.pythia.models).toHaveLength(8);
    expect(pub.pythia.models.some((m) => /GPT/.test(m))).toBe(false);
  });

  it('is deterministic: two runs give identical tables and claims', () => {
    const again = run();
    expect(JSON.stringify(again.tables)).toBe(JSON.stringify(out.tables));
    expect(JSON.stringify(again.claims)).toBe(JSON.stringify(out.claims));
  });

  it('names the benchmark variant in every table that reports scores', () => {
    for (const t of out.tables) {
      const text = [t.title, ...t.columns.map((c) => c.label), ...t.notes].join(' ');
      expect(text, t.id).toMatch(/shot/);
    }
  });
});
