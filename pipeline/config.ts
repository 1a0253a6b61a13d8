/**
 * Every tunable choice of the pipeline lives here, so a reviewer can see in one
 * place what the papers left unstated and what we picked. Values are part of
 * the result version hash.
 */
export const config = {
  seed: 'cape-repro-2026',

  coupling: {
    /** g12 below this is "tax", above +this is "bonus" (Paper A §1, Terminology). */
    phaseThreshold: 0.1,
    /** |ΔHS| (percentage points) at or below which g12 is not computed. */
    minDeltaHs: 0.5,
    /** Exact enumeration of all n! permutations up to this n, Monte Carlo above. */
    exactPermutationMaxN: 10,
    monteCarloPermutations: 100_000,
  },

  criticalScale: {
    /**
     * Per-family N_c: interpolate g12 linearly in log10 N between the two
     * intervals around the first negative→positive sign change; each interval
     * sits at the geometric mean of its two sizes.
     */
    interpolation: 'linear-in-log10N-between-interval-geometric-midpoints' as const,
    pooledAsCodedResamples: 10_000,
    /** The authors' acceptance window for a resample, as coded. */
    pooledAsCodedLog10Window: [7, 12] as [number, number],
    pooledAsDescribedResamples: 1_000,
    perFamilyResamples: 1_000,
  },

  width: {
    referenceDModel: 512,
    families: ['Pythia', 'OPT', 'BLOOM', 'Cerebras-GPT', 'GPT-Neo'],
    nullResamples: 2_000,
  },

  ode: {
    /** Scores enter the ODE as fractions (percent / 100) so λ is on a unit scale. */
    scoreScale: 0.01,
    ridgeAlpha: 1e-5,
    threshold: 0.1,
    maxIterations: 20,
    libraryDegree: 3,
    thresholdSweep: [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1],
    rk4StepsPerDecade: 200,
  },

  eigen: {
    /** A model takes the phase of the interval that ends at it (within its family). */
    phaseRule: 'phase-of-interval-ending-at-model' as const,
    bootstrapResamples: 1_000,
  },

  frontier: {
    cooperativeBand: 10,
    playbookBand: 5,
    minModelsPerLab: 3,
    topK: 5,
  },

  /** Significant digits for every number written to a table, spec or ledger. */
  significantDigits: 6,
};

export type Config = typeof config;

export const BENCHMARKS = ['hellaswag', 'truthfulqa_mc2', 'arc', 'winogrande', 'mmlu'] as const;
export type Benchmark = (typeof BENCHMARKS)[number];

/** Column headers name the benchmark variant and shots (Open LLM Leaderboard v1 settings). */
export const BENCHMARK_LABEL: Record<Benchmark | 'gsm8k', string> = {
  hellaswag: 'HellaSwag (acc_norm, 10-shot)',
  truthfulqa_mc2: 'TruthfulQA (MC2, 0-shot)',
  arc: 'ARC-Challenge (acc_norm, 25-shot)',
  winogrande: 'WinoGrande (acc, 5-shot)',
  mmlu: 'MMLU (acc, 5-shot)',
  gsm8k: 'GSM8K (acc, 5-shot)',
};

export const BENCHMARK_SHORT: Record<Benchmark, string> = {
  hellaswag: 'HS',
  truthfulqa_mc2: 'TQA',
  arc: 'ARC',
  winogrande: 'WG',
  mmlu: 'MMLU',
};
