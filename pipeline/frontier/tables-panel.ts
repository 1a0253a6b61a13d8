import type { FrontierAnalysis } from './analysis.ts';
import type { FrontierConfig } from './regression.ts';
import { makeTable } from '../table.ts';
import type { Table } from '../types.ts';

export const SWE = 'SWE-bench Verified (% resolved)';
export const GPQA = 'GPQA Diamond (% accuracy)';
export const HLE = "Humanity's Last Exam (%)";
export const IFEVAL = 'IFEval (%, metric not stated by the authors)';
export const H = 'h (GPQA Diamond points above the frozen line)';
export const BENCH_LABEL: Record<string, string> = { swe_verified: SWE, gpqa_diamond: GPQA, hle: HLE, ifeval: IFEVAL };

function panelTable(a: FrontierAnalysis, cfg: FrontierConfig): Table {
  return makeTable(
    'B-tab3-frontier-panel',
    'Paper B Table 3: the frontier panel with h-field, phase and playbook labels',
    [
      ['model', 'model'],
      ['lab', 'lab'],
      ['subset', 'subset'],
      ['panel', 'panel'],
      ['release_date', 'release date (as stored)'],
      ['swe', SWE],
      ['gpqa', GPQA],
      ['ifeval', IFEVAL],
      ['hle', HLE],
      ['predicted', `${GPQA} predicted by the frozen line`],
      ['pi_low', `${cfg.predictionIntervalLevel * 100}% prediction interval low (GPQA points)`],
      ['pi_high', `${cfg.predictionIntervalLevel * 100}% prediction interval high (GPQA points)`],
      ['h', H],
      ['phase', `phase (|h| <= ${cfg.cooperativeBand} cooperative)`],
      ['playbook', `playbook label (|h| <= ${cfg.playbookBand} balanced)`],
      ['h_refit', 'h from the line refitted on every row (GPQA points)'],
      ['source', 'source'],
    ],
    a.rows.map((r) => ({
      model: r.model.model,
      lab: r.model.lab,
      subset: r.model.subset,
      panel: r.model.panel,
      release_date: r.model.releaseDate,
      swe: r.model.scores.swe_verified,
      gpqa: r.model.scores.gpqa_diamond,
      ifeval: r.model.scores.ifeval,
      hle: r.model.scores.hle,
      predicted: r.predicted,
      pi_low: r.piLow,
      pi_high: r.piHigh,
      h: r.h,
      phase: r.phase,
      playbook: r.playbook,
      h_refit: r.hRefit,
      source: r.model.source,
    })),
    [
      `Frozen line (OLS over the ${a.fit.n} frozen models): GPQA = ${a.fit.slope.toPrecision(6)} · SWE + ${a.fit.intercept.toPrecision(6)}; h = GPQA − line, with unrounded coefficients.`,
      `Refit over every row (n = ${a.refit.n}): GPQA = ${a.refit.slope.toPrecision(6)} · SWE + ${a.refit.intercept.toPrecision(6)}.`,
      'HLE is empty on every row: no released file holds per-model HLE scores.',
    ],
    ['model'],
  );
}

function labTable(a: FrontierAnalysis, cfg: FrontierConfig): Table {
  return makeTable(
    'B-tab1-per-lab-hfield',
    'Paper B Table 1: mean h-field per lab',
    [
      ['lab', 'lab'],
      ['n_frozen', 'models in the frozen panel'],
      ['n_core', 'core models'],
      ['n_post', 'post-cutoff models'],
      ['h_core', `mean ${H}, core models`],
      ['h_frozen', `mean ${H}, all frozen models`],
      ['h_all', `mean ${H}, every row`],
      ['direction_core', `playbook label of the core mean (±${cfg.playbookBand})`],
      ['direction_frozen', `playbook label of the frozen mean (±${cfg.playbookBand})`],
    ],
    a.labs.map((l) => ({
      lab: l.lab,
      n_frozen: l.nFrozen,
      n_core: l.nCore,
      n_post: l.nPost,
      h_core: l.hCore,
      h_frozen: l.hFrozen,
      h_all: l.hAll,
      direction_core: l.directionCore ?? 'no core model',
      direction_frozen: l.directionFrozen,
    })),
    ['Table 1 caption: the mean uses core models only. Zhipu and xAI have no core model; their printed values equal the all-frozen mean.'],
    ['lab'],
  );
}

function subsetTable(a: FrontierAnalysis): Table {
  return makeTable(
    'B-s3-regression-subsets',
    `Paper B Sec. 3.4 and 4.1: OLS of ${GPQA} on ${SWE}, per subset`,
    [
      ['subset', 'subset'],
      ['variant', 'reading'],
      ['n', 'models'],
      ['slope', 'slope (GPQA pp per SWE pp)'],
      ['slope_se', 'slope SE'],
      ['slope_low', 'slope 95% CI low (t)'],
      ['slope_high', 'slope 95% CI high (t)'],
      ['intercept', 'intercept (GPQA pp)'],
      ['intercept_se', 'intercept SE'],
      ['intercept_low', 'intercept 95% CI low (t)'],
      ['intercept_high', 'intercept 95% CI high (t)'],
      ['r', 'Pearson r'],
      ['p', 'two-sided p (exact, t test)'],
      ['excluded', 'frozen models left out'],
    ],
    a.subsets.map((s) => ({
      subset: s.label,
      variant: s.variant,
      n: s.fit.n,
      slope: s.fit.slope,
      slope_se: s.fit.slopeSe,
      slope_low: s.fit.slopeCi95[0],
      slope_high: s.fit.slopeCi95[1],
      intercept: s.fit.intercept,
      intercept_se: s.fit.interceptSe,
      intercept_low: s.fit.interceptCi95[0],
      intercept_high: s.fit.interceptCi95[1],
      r: s.fit.r,
      p: s.fit.p,
      excluded: s.key === 'all_rows' ? '' : s.excluded.join('; '),
    })),
    ['Standard errors assume homoscedastic errors; intervals use the t distribution with n − 2 df.'],
    ['subset'],
  );
}

function labFitTable(a: FrontierAnalysis, cfg: FrontierConfig): Table {
  const rows = a.lolo.labs.map((l) => {
    const fit = a.labFits.find((x) => x.lab === l.lab);
    return {
      lab: l.lab,
      n: l.nTest,
      lab_slope: fit?.fit.slope ?? null,
      lab_r: fit?.fit.r ?? null,
      lab_p: fit?.fit.p ?? null,
      n_train: l.train.length,
      train_slope: l.fit.slope,
      train_intercept: l.fit.intercept,
      mae: l.mae,
      relative_mae: l.relativeMaePct,
      in_summary: l.inSummary,
    };
  });
  const summary = [
    ['mean', a.lolo.mean],
    ['sd (sample, n − 1)', a.lolo.sdSample],
    ['sd (population, n)', a.lolo.sdPopulation],
  ] as const;
  return makeTable(
    'B-s4-per-lab-fits-and-lolo',
    `Paper B Sec. 4.2-4.3: within-lab OLS and leave-one-lab-out prediction of ${GPQA}`,
    [
      ['lab', 'lab (or summary over labs in the summary)'],
      ['n', 'frozen models of the lab'],
      ['lab_slope', 'within-lab slope (GPQA pp per SWE pp)'],
      ['lab_r', 'within-lab Pearson r'],
      ['lab_p', 'within-lab two-sided p'],
      ['n_train', 'training models (other labs)'],
      ['train_slope', 'slope fitted without the lab'],
      ['train_intercept', 'intercept fitted without the lab'],
      ['mae', 'held-out MAE (GPQA points)'],
      ['relative_mae', 'held-out MAE (% of actual GPQA)'],
      ['in_summary', 'in the across-lab summary'],
    ],
    [...rows, ...summary.map(([lab, mae]) => ({ lab, mae }))],
    [
      `Within-lab fits and the summary use labs with >= ${cfg.minModelsPerLab} frozen models (config frontier.minModelsPerLab): ${a.lolo.labs
        .filter((l) => l.inSummary)
        .map((l) => l.lab)
        .join(', ')}.`,
      'A held-out lab never enters its own training fit. The summary rows give the mean and both SDs of the per-lab MAEs.',
    ],
    ['lab'],
  );
}

function trajectoryTables(a: FrontierAnalysis): Table[] {
  const rows = [...a.trajectories.entries()].flatMap(([lab, pts]) =>
    pts.map((p) => ({
      lab,
      order: p.order,
      model: p.row.model.model,
      release_date: p.row.model.releaseDate,
      subset: p.row.model.subset,
      h: p.row.h,
      dh: p.dh,
      phase: p.row.phase,
    })),
  );
  const trajectories = makeTable(
    'B-s4-lab-trajectories',
    'Paper B Sec. 4.2 and 8: h-field trajectory of each lab in release order',
    [
      ['lab', 'lab'],
      ['order', 'release order within lab'],
      ['model', 'model'],
      ['release_date', 'release date (as stored)'],
      ['subset', 'subset'],
      ['h', H],
      ['dh', 'Δh from the previous release (GPQA points)'],
      ['phase', 'phase'],
    ],
    rows,
    ['Year-only dates sort as December of that year; same-month releases are ordered by name, so their order is not chronological evidence.'],
    ['model'],
  );
  const steps = makeTable(
    'B-s4-trajectory-steps',
    'Paper B Sec. 4.2, 4.4 and 8: the named h-field steps (DeepSeek, Anthropic oscillation, GPT-5.4 compute tier)',
    [
      ['from', 'from model'],
      ['to', 'to model'],
      ['from_date', 'from release date'],
      ['to_date', 'to release date'],
      ['h_from', `${H}, from`],
      ['h_to', `${H}, to`],
      ['dh', 'Δh = h(to) − h(from) (GPQA points)'],
    ],
    a.steps.map((s) => ({
      from: s.names[0],
      to: s.names[1],
      from_date: s.from?.model.releaseDate ?? '',
      to_date: s.to?.model.releaseDate ?? '',
      h_from: s.from?.h ?? null,
      h_to: s.to?.h ?? null,
      dh: s.dh,
    })),
    ['Steps are named in config frontier.trajectorySteps; a name missing from the panel leaves its row empty.'],
    ['from', 'to'],
  );
  return [trajectories, steps];
}

export function panelTables(a: FrontierAnalysis, cfg: FrontierConfig): Table[] {
  return [labTable(a, cfg), panelTable(a, cfg), subsetTable(a), labFitTable(a, cfg), ...trajectoryTables(a)];
}
