import { describe, expect, it } from 'vitest';
import { boostingChain } from '../../pipeline/loss/boosting-chain.ts';
import { config } from '../../pipeline/config.ts';
import { gradientLaw } from '../../pipeline/loss/gradient-law.ts';
import type { LossCore } from '../../pipeline/loss/stage.ts';
import { constantStats, lossFit } from '../../pipeline/loss/fit.ts';

const grad = (model: string, params: number, lossMean: number, gradNormMean: number) => ({ model, params, lossMean, gradNormMean });

describe('the loss-blindness constant N^α (L − E)', () => {
  it('reports the CV with both the population and the sample SD', () => {
    // α = 0, E = 0: the constant is the loss itself, 1, 2, 3: mean 2, SD sqrt(2/3) and 1.
    const c = constantStats(
      [1, 2, 3].map((l, i) => ({ model: `m${i}`, params: 10 ** (8 + i), loss: l })),
      0,
      0,
    );
    expect(c.mean).toBe(2);
    expect(c.cvPopulation).toBeCloseTo((100 * Math.sqrt(2 / 3)) / 2, 12);
    expect(c.cvSample).toBeCloseTo(50, 12);
    expect([c.min, c.max]).toEqual([1, 3]);
  });

  it('is exactly A for every model when the losses follow the law, and the fit recovers E, A and α', () => {
    const truth = { e: 1.6, a: 150, alpha: 0.24 };
    const pts = [7e7, 1.6e8, 4.1e8, 1e9, 1.4e9, 2.8e9, 6.9e9, 1.2e10].map((n, i) => ({
      model: `m${i}`,
      params: n,
      loss: truth.e + truth.a * n ** -truth.alpha,
    }));
    const f = lossFit('synthetic', pts, { ...config.loss, tolerance: 1e-13 });
    expect(f.fit.alpha).toBeCloseTo(truth.alpha, 6);
    expect(f.fit.e).toBeCloseTo(truth.e, 5);
    expect(f.fit.a / truth.a).toBeCloseTo(1, 4);
    expect(f.constant.cvPopulation).toBeLessThan(1e-3);
    expect(f.mape).toBeLessThan(1e-4);
    expect(f.rounded.alpha).toBe(Number(f.fit.alpha.toFixed(config.loss.printedDecimals)));
    expect(f.curve[0]!.params).toBeCloseTo(7e7, 0);
    expect(f.curve[f.curve.length - 1]!.params).toBeCloseTo(1.2e10, -3);
  });
});

describe('gradient-norm laws', () => {
  it('recovers the loss exponent k of ‖∇L‖ = c·L^k', () => {
    const ms = [4.5, 4, 3.6, 3.2, 3.1, 3].map((l, i) => grad(`m${i}`, 10 ** (8 + i / 2), l, 2 * l ** 3.5));
    const g = gradientLaw(ms, () => null);
    expect(g.k.slope).toBeCloseTo(3.5, 10);
    expect(g.k.r).toBeCloseTo(1, 10);
    expect(g.kMape).toBeLessThan(1e-9);
  });

  it('finds the model that dips below the N power law and measures the dip without it', () => {
    const ns = [7e7, 1.6e8, 4.1e8, 1e9, 1.4e9, 2.8e9];
    const ms = ns.map((n, i) => grad(`m${i}`, n, 3, 1000 * n ** -0.4 * (i === 3 ? 0.5 : 1)));
    const g = gradientLaw(ms, () => null);
    expect(g.dip.model).toBe('m3');
    expect(g.dip.belowLeaveOut).toBeCloseTo(0.5, 10);
    expect(g.dip.belowAll).toBeGreaterThan(0);
    expect(g.dip.belowAll).toBeLessThan(0.5);
  });

  it('fits the Arrhenius constant per phase only where a phase has two or more models', () => {
    const ms = [4, 3.5, 3, 2.5].map((l, i) => grad(`m${i}`, 10 ** (8 + i), l, 7 * Math.exp(-12 / l)));
    const g = gradientLaw(ms, (m) => (m.model === 'm0' ? 'transition' : 'tax'));
    expect(-g.arrhenius.find((a) => a.phase === 'all')!.fit!.slope).toBeCloseTo(12, 10);
    expect(-g.arrhenius.find((a) => a.phase === 'tax')!.fit!.slope).toBeCloseTo(12, 10);
    expect(g.arrhenius.find((a) => a.phase === 'transition')!.fit).toBeNull();
  });
});

describe('boosting chain', () => {
  it('marks every level but the power-law fit as not recomputable', () => {
    const pts = [1e8, 1e9, 1e10, 1e11].map((n, i) => ({ model: `m${i}`, params: n, loss: 1.5 + 100 * n ** -0.3 }));
    const ms = [4, 3.5, 3].map((l, i) => grad(`g${i}`, 10 ** (8 + i), l, l ** 3));
    const core: LossCore = { fits: [lossFit('a', pts, config.loss)], gradient: gradientLaw(ms, () => null) };
    const chain = boostingChain(core);
    expect(chain.map((c) => c.computable)).toEqual([true, false, false, false, false]);
    expect(chain[0]!.value).toBe(core.fits[0]!.mape);
  });
});
