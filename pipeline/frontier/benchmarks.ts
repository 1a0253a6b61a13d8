/** The benchmark columns of data/frontier/models.csv, in the order tables list them. */
export const FRONTIER_BENCHMARKS = ['swe_verified', 'gpqa_diamond', 'hle', 'ifeval'] as const;
export type FrontierBenchmark = (typeof FRONTIER_BENCHMARKS)[number];
