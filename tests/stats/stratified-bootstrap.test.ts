import { describe, expect, it } from 'vitest';
import { createRng } from '../../pipeline/stats/rng.ts';
import { strataBy, stratifiedResample } from '../../pipeline/stats/stratified-bootstrap.ts';

const items = [
  { model: 'a1', family: 'A' },
  { model: 'b1', family: 'B' },
  { model: 'a2', family: 'A' },
  { model: 'c1', family: 'C' },
  { model: 'b2', family: 'B' },
  { model: 'a3', family: 'A' },
];

describe('family-stratified bootstrap', () => {
  it('groups indices by family in order of first appearance', () => {
    expect(strataBy(items, (m) => m.family)).toEqual([[0, 2, 5], [1, 4], [3]]);
  });

  it('only draws models from within their own family and keeps every family’s size', () => {
    const strata = strataBy(items, (m) => m.family);
    const rng = createRng('stratified-test');
    for (let b = 0; b < 500; b++) {
      const draw = stratifiedResample(rng, strata).map((i) => items[i]!);
      expect(draw.map((m) => m.family)).toEqual(['A', 'A', 'A', 'B', 'B', 'C']);
      expect(draw[5]!.model).toBe('c1');
    }
  });

  it('reaches every member of a family and repeats for the same seed', () => {
    const strata = strataBy(items, (m) => m.family);
    const seen = new Set<number>();
    const r1 = createRng('s');
    for (let b = 0; b < 200; b++) for (const i of stratifiedResample(r1, strata)) seen.add(i);
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(stratifiedResample(createRng('s'), strata)).toEqual(stratifiedResample(createRng('s'), strata));
  });
});
