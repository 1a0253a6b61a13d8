import { describe, expect, it } from 'vitest';
import { config } from '../../pipeline/config.ts';
import type { ClaimRow } from '../../pipeline/ingest.ts';
import type { InternalsData, LayerCouplingRow, QwenHeadRow } from '../../pipeline/internals/ingest.ts';
import { internalFindings } from '../../pipeline/internals/checks.ts';
import { fig5Families, fig5PaperCounts, headModels, histogramMedian, HEADS_CLAIM } from '../../pipeline/internals/heads.ts';

function data(part: Partial<InternalsData>): InternalsData {
  return {
    qwenHeads: [],
    internalCoupling: [],
    layerCoupling: [],
    unitHistogram: [],
    projection: [],
    benchmarkPairs: [],
    benchmarkPairModels: [],
    steeringRuns: [],
    gradientModels: [],
    benchmarks26: [],
    authors: { aiFreeEnergy: [], labels26: [], pca26: [], betaFit: new Map() },
    ...part,
  };
}

const qwen = (model: string, family: 'Qwen2.5' | 'Qwen3', coopFrac: number, netCoupling: number): QwenHeadRow => ({
  model,
  family,
  paramsB: 1,
  nLayers: 2,
  totalHeads: 4,
  coopFrac,
  compFrac: 0,
  netCoupling,
  lastLayerDip: null,
});
const layer = (model: string, family: string, l: number, coupling: number): LayerCouplingRow => ({
  model,
  family,
  paramsB: 1,
  analysis: 'tl_layer',
  layer: l,
  coupling,
  coopPct: 100,
});
const claim = (id: string, extra: Partial<ClaimRow>) =>
  ({ id, paper: 'A', location: '', quantity: '', value: '', ciLow: '', ciHigh: '', unit: '', recomputable: 'yes', notes: '', ...extra }) as ClaimRow;

describe('head-analysis coverage', () => {
  it('reads the per-family counts from the claim note in the configured family order, or none if they do not line up', () => {
    const c = [claim(HEADS_CLAIM, { notes: 'Counts printed (3,1, 2) sum to 6.', unit: 'count (of 9)' })];
    expect([...fig5PaperCounts(c, ['A', 'B', 'C']).entries()]).toEqual([
      ['A', 3],
      ['B', 1],
      ['C', 2],
    ]);
    expect(fig5PaperCounts(c, ['A', 'B']).size).toBe(0);
  });

  it('averages the released cooperative share per family and lists families outside the figure after it', () => {
    const d = data({ qwenHeads: [qwen('q1', 'Qwen2.5', 1, 0.8), qwen('q2', 'Qwen2.5', 0.5, 0.4)] });
    const fams = fig5Families(headModels(d), ['Qwen2.5', 'BLOOM'], new Map([['BLOOM', 4]]));
    expect(fams.map((f) => [f.family, f.released, f.meanCooperativePct, f.paperCount])).toEqual([
      ['Qwen2.5', 2, 75, null],
      ['BLOOM', 0, null, 4],
    ]);
  });

  it('takes the median of a histogram by interpolating inside the middle bin', () => {
    expect(
      histogramMedian([
        { low: 0, high: 1, count: 2 },
        { low: 1, high: 2, count: 2 },
      ]),
    ).toBeCloseTo(1, 12);
    expect(
      histogramMedian([
        { low: 0, high: 1, count: 1 },
        { low: 1, high: 2, count: 3 },
      ]),
    ).toBeCloseTo(1 + 1 / 3, 12);
  });
});

describe('consistency findings on released measurements', () => {
  const flat = [0, 1, 2].flatMap((l) => [layer('F-1B', 'F', l, 0.9), layer('F-7B', 'F', l, 0.9)]);
  const varied = [0, 1, 2].map((l) => layer('G-1B', 'G', l, 0.5 + 0.1 * l));

  it('flags per-layer values that do not vary with depth and models of one family that share a value', () => {
    const d = data({ layerCoupling: [...flat, ...varied] });
    const f = internalFindings(d, [], [], [], config.internals);
    const perLayer = f.filter((x) => x.check === 'per-layer values identical across layers');
    expect(perLayer.map((x) => [x.subject, x.value! < config.internals.flatTolerance])).toEqual([
      ['F-1B', true],
      ['F-7B', true],
      ['G-1B', false],
    ]);
    const fam = f.find((x) => x.check === 'per-layer values identical across models of one family')!;
    expect(fam.subject).toMatch(/^F /);
    expect(fam.value).toBe(0);
  });

  it('computes the Qwen2.5 family mean from the per-model fractions and spots a net value tied to the fraction', () => {
    const d = data({ qwenHeads: [qwen('a', 'Qwen2.5', 1, 0.6), qwen('b', 'Qwen2.5', 0.5, 0.3), qwen('c', 'Qwen3', 1, 0.6)] });
    const f = internalFindings(d, [], [], [claim('A.fig5.qwen25_avg', { value: '90' })], config.internals);
    const mean = f.find((x) => x.check === 'Qwen2.5 family mean vs per-model fractions')!;
    expect(mean.value).toBeCloseTo(75, 12);
    expect(mean.paper).toBe(90);
    const tied = f.find((x) => x.check === 'net coupling derived from the cooperative fraction')!;
    expect(tied.value).toBeCloseTo(0, 12);
    expect(tied.unit).toContain('0.6');
  });

  it('compares the figure’s per-family counts with the claimed total', () => {
    const c = [claim(HEADS_CLAIM, { unit: 'count (of 9)' })];
    const fams = fig5Families(
      [],
      ['A', 'B'],
      new Map([
        ['A', 3],
        ['B', 4],
      ]),
    );
    const f = internalFindings(data({}), [], fams, c, config.internals).find((x) => x.subject.startsWith('Fig. 5'))!;
    expect(f.value).toBe(7);
    expect(f.paper).toBe(9);
  });

  it('reports steering counts as text changes, not corrections', () => {
    const d = data({ steeringRuns: [{ run: 'self_align_across_nc1', model: 'm', hfId: '', phaseLabel: 'TAX', probeLayer: null, nChanged: 3, nTotal: 4 }] });
    const f = internalFindings(d, [], [], [], config.internals).find((x) => x.check.startsWith('steering'))!;
    expect(f.value).toBe(75);
    expect(f.finding).toMatch(/differ as strings/);
  });
});
