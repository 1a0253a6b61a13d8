import type { FrontierModel } from './ingest.ts';
import { fitPanel, gpqa, hasAxes, playbookOf, swe, type FrontierConfig, type PanelRow, type PlaybookLabel } from './regression.ts';
import { compareText, releaseKey } from './order.ts';
import { mean, sd } from '../stats/describe.ts';
import type { LineFit } from '../stats/ols.ts';

export interface LabSummary {
  lab: string;
  nFrozen: number;
  nCore: number;
  nPost: number;
  /** Mean h over core models (Table 1 as captioned); null when the lab has no core model. */
  hCore: number | null;
  /** Mean h over every frozen model of the lab (core + extended). */
  hFrozen: number;
  /** Mean h over every row, post-cutoff included. */
  hAll: number;
  directionCore: PlaybookLabel | null;
  directionFrozen: PlaybookLabel;
}

const labsOf = (rows: readonly { lab: string }[]) => [...new Set(rows.map((r) => r.lab))].sort();

export function labSummaries(rows: readonly PanelRow[], cfg: FrontierConfig): LabSummary[] {
  return labsOf(rows.map((r) => r.model)).map((lab) => {
    const mine = rows.filter((r) => r.model.lab === lab);
    const frozen = mine.filter((r) => r.frozen);
    const core = frozen.filter((r) => r.model.subset === 'core');
    const hCore = core.length > 0 ? mean(core.map((r) => r.h)) : null;
    const hFrozen = mean(frozen.map((r) => r.h));
    return {
      lab,
      nFrozen: frozen.length,
      nCore: core.length,
      nPost: mine.length - frozen.length,
      hCore,
      hFrozen,
      hAll: mean(mine.map((r) => r.h)),
      directionCore: hCore === null ? null : playbookOf(hCore, cfg.playbookBand),
      directionFrozen: playbookOf(hFrozen, cfg.playbookBand),
    };
  });
}

export interface LabFit {
  lab: string;
  n: number;
  fit: LineFit;
}

/** Within-lab OLS for labs with enough models to give a slope with residual degrees of freedom. */
export function perLabFits(models: readonly FrontierModel[], minModels: number): LabFit[] {
  return labsOf(models)
    .map((lab) => models.filter((m) => m.lab === lab && hasAxes(m)))
    .filter((ms) => ms.length >= minModels)
    .map((ms) => ({ lab: ms[0]!.lab, n: ms.length, fit: fitPanel(ms) }));
}

export interface LoloLab {
  lab: string;
  nTest: number;
  /** Models the held-out lab's line was fitted on; never contains a model of `lab`. */
  train: string[];
  fit: LineFit;
  /** Mean |GPQA − predicted| over the held-out lab, in GPQA points. */
  mae: number;
  /** The same error as a percentage of each model's actual GPQA, averaged. */
  relativeMaePct: number;
  /** Counts towards the across-lab summary (lab has at least minModelsPerLab models). */
  inSummary: boolean;
}

export interface LoloResult {
  labs: LoloLab[];
  mean: number;
  /** n − 1 in the denominator. */
  sdSample: number;
  /** n in the denominator (numpy's default np.std). */
  sdPopulation: number;
}

export function leaveOneLabOut(models: readonly FrontierModel[], minModels: number): LoloResult {
  const usable = models.filter(hasAxes);
  const labs = labsOf(usable).map((lab) => {
    const test = usable.filter((m) => m.lab === lab);
    const train = usable.filter((m) => m.lab !== lab);
    const fit = fitPanel(train);
    const errors = test.map((m) => Math.abs(gpqa(m) - (fit.intercept + fit.slope * swe(m))));
    return {
      lab,
      nTest: test.length,
      train: train.map((m) => m.model),
      fit,
      mae: mean(errors),
      relativeMaePct: mean(errors.map((e, i) => (100 * e) / gpqa(test[i]!))),
      inSummary: test.length >= minModels,
    };
  });
  const maes = labs.filter((l) => l.inSummary).map((l) => l.mae);
  return { labs, mean: mean(maes), sdSample: sd(maes, 1), sdPopulation: sd(maes, 0) };
}

export interface TrajectoryPoint {
  row: PanelRow;
  order: number;
  dh: number | null;
}

/** Each lab's rows in release order (ties by model name), with the h change from the previous release. */
export function trajectories(rows: readonly PanelRow[]): Map<string, TrajectoryPoint[]> {
  const out = new Map<string, TrajectoryPoint[]>();
  for (const lab of labsOf(rows.map((r) => r.model))) {
    const mine = rows
      .filter((r) => r.model.lab === lab && r.model.releaseDate !== '')
      .sort((a, b) => compareText(releaseKey(a.model.releaseDate), releaseKey(b.model.releaseDate)) || compareText(a.model.model, b.model.model));
    out.set(
      lab,
      mine.map((row, i) => ({ row, order: i + 1, dh: i === 0 ? null : row.h - mine[i - 1]!.h })),
    );
  }
  return out;
}

/** Maximal runs of consecutive releases below −band: coding-specialist excursions. */
export function excursions(points: readonly TrajectoryPoint[], band: number): number {
  let runs = 0;
  let inside = false;
  for (const p of points) {
    const below = p.row.h < -band;
    if (below && !inside) runs++;
    inside = below;
  }
  return runs;
}
