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

  noise: {
    /**
     * Parametric bootstrap of benchmark sampling noise: every score redrawn from
     * N(score, SE²) this many times, per family and for the pooled N_c.
     */
    draws: 10_000,
    /** A g12 sign is resolved when P(g12 > 0) is below the first or above the second value; else "within noise". */
    resolvedP: [0.1, 0.9] as [number, number],
    /** g12 is undefined where |ΔHS| < this many SE(ΔHS). */
    undefinedHsSe: 2,
    /** Central interval reported for noise distributions (N_c, r). */
    ciLevel: 0.95,
  },

  criticalScale: {
    /**
     * Per-family N_c: interpolate g12 linearly in log10 N between the two
     * intervals around the first negative→positive sign change; each interval
     * sits at the geometric mean of its two sizes.
     */
    interpolation: 'linear-in-log10N-between-interval-geometric-midpoints' as const,
    /** g12 exactly 0 carries no sign, so it neither ends a negative run nor starts a positive one. */
    zeroRule: 'exact-zero-g12-skipped' as const,
    /** Also reported per family: the size of the model that ends the last negative interval (a grid reading of "where g12 changes sign"). */
    discreteReading: 'size-of-model-ending-the-last-negative-interval' as const,
    pooledAsCodedResamples: 10_000,
    /**
     * The authors' acceptance window for a resample, as coded, in log10 of N
     * counted in parameters (10M to 1T); in billions it would exclude every fit.
     */
    pooledAsCodedLog10Window: [7, 12] as [number, number],
    pooledAsDescribedResamples: 1_000,
    /** Families pooled by the authors' script (Pythia 8, Llama-1 3, Llama-2 3). */
    pooledFamilies: ['Pythia', 'Llama-1', 'Llama-2'],
    perFamilyResamples: 1_000,
    /** Percentile intervals reported for every bootstrap. */
    ciLevels: [0.68, 0.95] as [number, number],
    /** Fig. 1b families; their intervals are one of the running-coupling fit sets. */
    runningFamilies: ['Pythia', 'OPT', 'BLOOM', 'Cerebras-GPT', 'GPT-Neo', 'Qwen2.5'],
    /** Bins of the bootstrap histograms (log10 N, parameters) in the Extra figure. */
    histogramLog10Range: [8, 12] as [number, number],
    histogramBins: 64,
  },

  width: {
    referenceDModel: 512,
    families: ['Pythia', 'OPT', 'BLOOM', 'Cerebras-GPT', 'GPT-Neo'],
    nullResamples: 2_000,
    /**
     * Null (a): n widths drawn log-uniform between the family's smallest and
     * largest d_model, sorted and given to the models in size order.
     * Null (b): the family's own widths in a random order.
     */
    nullDraw: 'sorted-log-uniform-between-min-and-max-d_model' as const,
  },

  ode: {
    /**
     * Scores enter the ODE as fractions (percent / 100) so λ is on a unit scale.
     * A degree-k coefficient in scaled units equals the percent-unit one times
     * scale^(1-k), so λ prunes constant, linear, quadratic and cubic terms at
     * λ/scale, λ, λ·scale and λ·scale² in percent units.
     */
    scoreScale: 0.01,
    /** Ridge penalty of the STLSQ start and inner refits (PySINDy's default alpha is 0.05; the paper gives none). */
    ridgeAlpha: 1e-5,
    threshold: 0.1,
    maxIterations: 20,
    libraryDegree: 3,
    thresholdSweep: [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1],
    rk4StepsPerDecade: 200,
    /** A trajectory that leaves ±this many percent is reported as diverged. */
    divergenceBoundPercent: 1000,
    /** Points per decade of N for the integrated and fitted curves drawn in the figures. */
    curvePointsPerDecade: 40,
    /** Polynomial baselines of TQA on log10 N for the Llama-2 hold-out. */
    baselineDegrees: [1, 2, 3, 4],
    /** The degree the Fig. 2c code uses. */
    figureDegree: 2,
    /** Size sets (B params) of the per-phase fits in scripts/pysindy_per_phase.py. */
    taxSetB: [0.07, 1] as [number, number],
    bonusSetB: [2.8, 12] as [number, number],
    /** Leave-one-family-out: held-out families need at least this many models with all five scores. */
    lofoMinModels: 4,
    /** OPT γ fixed-point fit: intervals up to this size (B), the range before the Nc2 drop. */
    fixedPointMaxB: 13,
    /** Isocline TQA_c = sqrt((a/b)·HS): calibration family and families scored (App. A.7). */
    isoclineCalibrationFamily: 'OLMo',
    isoclineFamilies: ['OPT', 'BLOOM', 'Cerebras-GPT'],
  },

  eigen: {
    /** A model takes the phase of the interval that ends at it (within its family). */
    phaseRule: 'phase-of-interval-ending-at-model' as const,
    /** Other readings of "a model's phase", shown as point estimates only (the paper does not say). */
    sensitivityRules: ['phase-of-interval-starting-at-model', 'ending-at-model-and-smallest-takes-first-interval'] as const,
    bootstrapResamples: 1_000,
    ciLevel: 0.95,
    /**
     * "Frontier" = models of the 26-model file (cape_26models_9families.json) at or above this
     * size; the paper's "3 models from 3 families" are unnamed, and this rule picks the three
     * that file itself labels frontier (checked against the authors' labels at runtime).
     */
    frontierMinParamsB: 100,
    /** Pythia eigenvalue trend: windows of consecutive sizes; "cumulative" grows from the smallest model. */
    trendWindows: ['cumulative', 'sliding'] as const,
    trendSlidingSize: 4,
    /** Smallest window that gets an eigen-trend point (3 models give a rank-2 correlation matrix). */
    trendMinModels: 3,
    /** The three ~1B models with different layer counts that Paper A §6 bounds γ12 for. */
    near1bModels: ['OPT-1.3B', 'BLOOM-1.1B', 'OLMo-1B'],
  },

  loss: {
    /** Profile least squares over α for L = E + A·N^−α (E and A by OLS at each α). */
    alphaRange: [0.001, 2] as [number, number],
    gridSteps: 400,
    tolerance: 1e-10,
    /** Decimals the paper prints E and α with; the figure script uses the rounded values. */
    printedDecimals: 3,
    curvePoints: 60,
  },

  internals: {
    /** Family order of Paper A Fig. 5 (names only; the counts come from claims.csv at runtime). */
    fig5Families: ['Pythia', 'OPT', 'BLOOM', 'GPT-Neo', 'Phi', 'Gemma', 'Mistral', 'Qwen2.5', 'Qwen3'],
    ciLevel: 0.95,
    /** Per-layer values closer than this are "identical" in the flatness check. */
    flatTolerance: 1e-6,
  },

  frontier: {
    /** |h| <= band is "cooperative"; below -band "coding-specialist", above +band "reasoning-specialist" (GPQA points). */
    cooperativeBand: 10,
    /** |h| <= band is "balanced"; below -band "coding-rich", above +band "reasoning-rich" (Paper B playbook). */
    playbookBand: 5,
    /** Per-lab slopes and leave-one-lab-out use labs with at least this many frozen models. */
    minModelsPerLab: 3,
    /** Sec. 4.2 states its per-lab r bound for labs with at least this many models. */
    perLabRMinModels: 4,
    topK: 5,
    /** `panel` value of the frozen March-2026 fit population in data/frontier/models.csv. */
    frozenPanel: 'frozen-2026-03',
    /** Sec. 4.1 subset: SWE-bench Verified at or above this (percent). */
    sweSubsetMin: 40,
    predictionIntervalLevel: 0.95,
    /** Rows the frontier coupling matrix uses: the frozen panel (as the paper's regression) or every row. */
    matrixPopulation: 'frozen' as 'frozen' | 'all',
    /** The released 30-72B internal-coupling runs (data/internals analysis column) and the two families of Paper B Fig. 3. */
    nc2Analysis: 'nc2_units',
    nc2Families: ['OPT', 'Llama-2'],
    /** Named h-field steps the paper discusses (Sec. 4.2, 4.4, 8); model names as in data/frontier/models.csv. */
    trajectorySteps: [
      ['DeepSeek-V2.5', 'DeepSeek V3.2'],
      ['Claude Sonnet 4.6', 'Claude Opus 4.6'],
      ['Claude Opus 4.6', 'Claude Opus 4.7'],
      ['GPT-5.4 std', 'GPT-5.4 xhigh'],
    ] as [string, string][],
  },

  outOfSample: {
    /**
     * Score-noise draws per leaderboard family. Fewer than the paper panel's:
     * the test summarises P(N_c defined) and medians over 29 families, where
     * 2,000 draws leave a Monte Carlo error of about one point on a share.
     */
    noiseDraws: 2_000,
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
