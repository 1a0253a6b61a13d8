import type { FrontierModel } from '../../pipeline/frontier/ingest.ts';

/** A synthetic frontier-panel row; frozen core model by default. */
export function frontierModel(model: string, lab: string, swe: number | null, gpqa: number | null, extra: Partial<FrontierModel> = {}): FrontierModel {
  return {
    model,
    lab,
    scores: { swe_verified: swe, gpqa_diamond: gpqa, hle: null, ifeval: null },
    subset: 'core',
    computeTier: '',
    computeTierVariant: false,
    variantOf: '',
    inNoComputeTierSubset: true,
    releaseDate: '2025-06',
    panel: 'frozen-2026-03',
    source: 'test fixture',
    line: 0,
    ...extra,
  };
}
