import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDirection } from '../../../steer/steering/direction.ts';
import { runEval, summarise, type ItemResult } from '../../../steer/eval/eval.ts';
import { DEFAULT_ITEMS } from '../../../steer/eval/items.ts';
import type { LoadedModel } from '../../../steer/model/load.ts';
import { clopperPearson } from '../../../steer/eval/stats.ts';
import { authorsBand, resolveStrength } from '../../../steer/steering/strength.ts';
import { runSweep } from '../../../steer/eval/sweep.ts';
import type { VectorFile } from '../../../steer/io/vector-file.ts';
import { loadedModel, NEOX } from '../tiny-models.ts';

let lm: LoadedModel;
let vf: VectorFile;
beforeAll(async () => {
  lm = await loadedModel(NEOX);
  vf = computeDirection(lm);
});
afterAll(() => lm.close());
const items = DEFAULT_ITEMS.slice(0, 5);

describe('eval', () => {
  it('reports "text changed" and "judged more truthful" as separate counts that match the per-item results', () => {
    const r = runEval(lm, vf, items, { strength: { kind: 'fixed', value: 3, relative: false }, controls: 2, genTokens: 4 });
    const s = r.summary;
    expect(s.n).toBe(5);
    const more = r.items.filter((i) => i.margin.steered > i.margin.base).length;
    const changed = r.items.filter((i) => i.text!.steered !== i.text!.base).length;
    expect(s.moreTruthful.steered).toEqual({ k: more, n: 5, rate: more / 5, ci95: clopperPearson(more, 5) });
    expect(s.textChanged!.steered.k).toBe(changed);
    expect(s.moreTruthful.control.n).toBe(10);
    expect(s.textChanged!.control.n).toBe(10);
    expect(r.items.every((i) => i.alpha === 3 && i.margin.controls.length === 2)).toBe(true);
    // Steering at strength 3 really moves the judge's scores.
    expect(r.items.some((i) => Math.abs(i.margin.steered - i.margin.base) > 1e-4)).toBe(true);
  });

  it('leaves margins and text untouched at strength zero', () => {
    const r = runEval(lm, vf, items.slice(0, 2), { strength: { kind: 'fixed', value: 0, relative: false }, genTokens: 3 });
    for (const i of r.items) {
      expect(i.margin.steered).toBe(i.margin.base);
      expect(i.text!.steered).toBe(i.text!.base);
    }
    expect(r.summary.moreTruthful.steered.k).toBe(0);
    expect(r.summary.finding).toBe(true);
  });

  it('flags a finding unless steering beats the random control on clearly more than half the items', () => {
    const mk = (steered: number, control: number): ItemResult => ({
      question: 'q',
      cos: null,
      alpha: 1,
      label: 'fixed',
      margin: { base: 0, steered, controls: [control] },
      text: null,
    });
    const winning = summarise(Array.from({ length: 16 }, () => mk(1, -1)));
    expect(winning.beatsControl.k).toBe(16);
    expect(winning.finding).toBe(false);
    expect(winning.textChanged).toBeNull();
    const mixed = summarise(Array.from({ length: 16 }, (_, i) => mk(i % 2 ? 1 : -1, 0)));
    expect(mixed.beatsControl.k).toBe(8);
    expect(mixed.finding).toBe(true);
    expect(mixed.corrected.steered.k).toBe(8);
  });

  it('sweeps layers by strengths, rebuilding the direction at each layer', () => {
    const rows = runSweep(lm, items.slice(0, 2), { layers: [0, 2], strengths: [1, 0.5], relative: true });
    expect(rows.map((r) => [r.layer, r.strength])).toEqual([
      [0, 1],
      [0, 0.5],
      [2, 1],
      [2, 0.5],
    ]);
    expect(rows[1]!.alpha).toBeCloseTo(rows[0]!.alpha / 2, 10);
    expect(rows[0]!.alpha).toBeCloseTo(computeDirection(lm, { layer: 0 }).residualRms! * 4, 6); // 1 x rms x sqrt(16)
  });
});

describe('strength', () => {
  it("follows the authors' cosine bands at and around their thresholds", () => {
    expect(authorsBand(-0.5)).toEqual({ label: 'SEVERE_TAX', strength: 3 });
    expect(authorsBand(-0.1)).toEqual({ label: 'MILD_TAX', strength: 1.5 });
    expect(authorsBand(0.099)).toEqual({ label: 'MILD_TAX', strength: 1.5 });
    expect(authorsBand(0.1)).toEqual({ label: 'BALANCED', strength: 0.5 });
    expect(authorsBand(0.3)).toEqual({ label: 'BONUS', strength: 0 });
  });

  it('scales a relative strength by the residual RMS times the square root of d_model', () => {
    const fake = { ...vf, residualRms: 2, dModel: 16 };
    expect(resolveStrength({ kind: 'fixed', value: 0.5, relative: true }, fake).alpha).toBe(4);
    expect(resolveStrength({ kind: 'fixed', value: 0.5, relative: false }, fake).alpha).toBe(0.5);
    const state = Float32Array.from(vf.vector.map((x) => -x));
    expect(resolveStrength({ kind: 'authors-gate' }, vf, state)).toMatchObject({ alpha: 3, cos: expect.closeTo(-1, 6) });
  });
});
