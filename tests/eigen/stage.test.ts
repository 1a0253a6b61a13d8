import { beforeAll, describe, expect, it } from 'vitest';
import { loadFigures } from '../../figures/registry.ts';
import { withOverrides } from '../../pipeline/cli/reproduce.ts';
import { config } from '../../pipeline/config.ts';
import { runEigen } from '../../pipeline/eigen/stage.ts';
import { runInternals } from '../../pipeline/internals/stage.ts';
import { runLoss } from '../../pipeline/loss/stage.ts';
import type { Results } from '../../pipeline/run.ts';
import { createRng } from '../../pipeline/stats/rng.ts';
import { releasedContext } from '../helpers/fixtures.ts';

/** Runs only the stages these three depend on, so other stages' work in progress cannot break the test. */
function run(): Results {
  const cfg = withOverrides(config, undefined, 50);
  const rng = createRng(cfg.seed);
  const base = releasedContext(cfg, rng);
  const { data, panels, coupling } = base;
  const ctx = (name: string) => ({ data, config: cfg, rng: rng.fork(name) });
  const eigen = runEigen({ ...base, rng: rng.fork('eigen') });
  return { config: cfg, data, panels, coupling, eigen, loss: runLoss(ctx('loss')), internals: runInternals(ctx('internals')) } as unknown as Results;
}

let a: Results;
let b: Results;
beforeAll(() => {
  a = run();
  b = run();
});

describe('eigen, loss and internals stages on the project data', () => {
  it('are deterministic: the same inputs give identical tables and claims', () => {
    for (const stage of ['eigen', 'loss', 'internals'] as const) {
      expect(JSON.stringify(a[stage].tables)).toBe(JSON.stringify(b[stage].tables));
      expect(JSON.stringify(a[stage].claims)).toBe(JSON.stringify(b[stage].claims));
    }
  });

  it('use the bootstrap count from config', () => {
    const boot = a.eigen.phaseDeffs.filter((d) => d.covCi !== null);
    expect(boot.length).toBeGreaterThan(0);
    for (const d of boot) expect(d.validResamples).toBeLessThanOrEqual(50);
    expect(boot.some((d) => d.validResamples === 50)).toBe(true);
  });

  it('never count a model in two phases of one panel and rule', () => {
    for (const panel of ['as published', 'audited']) {
      const models = a.eigen.phaseDeffs.filter((d) => d.panel === panel).flatMap((d) => d.models);
      expect(new Set(models).size).toBe(models.length);
    }
  });

  it('label every re-plot of released measurements as such in its title', async () => {
    const mine = [
      'A-fig4a-net-internal-coupling',
      'A-fig5-cooperative-heads',
      'A-fig6-projection-bottleneck',
      'A-fig7-gemma-qwen-engineering',
      'A-extra-gradient-norm',
    ];
    const figs = (await loadFigures()).filter((f) => mine.includes(f.id));
    expect(figs.map((f) => f.provenance)).toEqual(mine.map(() => 're-plotted from released measurements'));
    for (const f of figs) {
      const t = f.build(a).title as { text: string; subtitle?: string | string[] };
      expect(`${t.text} ${[t.subtitle ?? ''].flat().join(' ')}`).toMatch(/re-plotted from released measurements/);
    }
  });
});
