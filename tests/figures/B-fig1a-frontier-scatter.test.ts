import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import figure from '../../figures/B-fig1a-frontier-scatter.ts';
import { withOverrides } from '../../pipeline/cli/reproduce.ts';
import { config } from '../../pipeline/config.ts';
import { runPipeline, type Results } from '../../pipeline/run.ts';
import { ROOT } from '../helpers/fixtures.ts';

interface Label {
  model: string;
  swe: number;
  gpqa: number;
  label_swe: number;
  label_gpqa: number;
}

let results: Results;

beforeAll(() => {
  results = runPipeline({ dataDir: join(ROOT, 'data'), config: withOverrides(config, undefined, 20) }).results;
});

describe('Paper B Fig. 1a', () => {
  it('labels each post-cutoff model once, in a column of evenly spaced labels left of the cluster, with a leader line to its point', () => {
    const spec = figure.build(results) as { layer: { mark: { type: string }; data: { values: unknown[] } }[] };
    const text = spec.layer.find((l) => l.mark.type === 'text')!.data.values as Label[];
    const rules = spec.layer.find((l) => l.mark.type === 'rule')!.data.values as Label[];
    const post = results.frontier.rows.filter((r) => r.model.subset === 'post-cutoff');
    expect(post.length).toBeGreaterThan(1);
    expect(text.map((l) => l.model).sort()).toEqual(post.map((r) => r.model.model).sort());
    expect(rules).toEqual(text);
    for (const r of post) {
      const l = text.find((x) => x.model === r.model.model)!;
      expect([l.swe, l.gpqa]).toEqual([r.model.scores.swe_verified, r.model.scores.gpqa_diamond]);
      expect(l.label_swe).toBeLessThan(Math.min(...post.map((p) => p.model.scores.swe_verified!)));
    }
    const ys = text.map((l) => l.label_gpqa);
    const gaps = ys.slice(1).map((y, i) => ys[i]! - y);
    expect(new Set(gaps.map((g) => g.toFixed(9))).size).toBe(1);
    expect(gaps[0]).toBeGreaterThan(0);
    // Highest model on top, so leader lines do not cross.
    expect(text.map((l) => l.gpqa)).toEqual([...text.map((l) => l.gpqa)].sort((a, b) => b - a));
  });
});
