/** Rebuilds what the dashboard needs (models, reference families, interventions, the frontier line, claim links, the noise model) from a result folder's tables. */
import { BENCHMARKS, type Config } from '../pipeline/config.ts';
import { SCORED_BENCHMARKS, type BenchmarkTable, type ScoredBenchmark } from '../pipeline/noise/benchmarks.ts';
import { makeNoiseModel, type NoiseModel } from '../pipeline/noise/noise-model.ts';
import type { ReferenceFamily } from '../pipeline/diagnose.ts';
import type { Intervention } from '../pipeline/ingest.ts';
import { sectionOf } from '../pipeline/report.ts';
import type { Cell, Model, PanelName, Quirk, Table } from '../pipeline/types.ts';
import type { ClaimLinks, FrontierLine } from './payload.ts';

/** A result folder that lacks what the dashboard needs: names the table and what was expected. */
export class ResultFolderError extends Error {}

export function tableOf(tables: Record<string, Table>, id: string): Table {
  const t = tables[id];
  if (!t) throw new ResultFolderError(`the result folder has no table "${id}" (tables/${id}.json); rerun \`make reproduce\` with the current code`);
  return t;
}

const numOrNull = (c: Cell | undefined): number | null => (typeof c === 'number' && Number.isFinite(c) ? c : null);
const str = (c: Cell | undefined): string => (c === null || c === undefined ? '' : String(c));

function originOf(tables: Record<string, Table>): Map<string, string> {
  return new Map(tableOf(tables, 'panel-families').rows.map((r) => [str(r.family), str(r.origin)]));
}

/** The models of both panels, rebuilt from panel-models so the bundled pipeline code gets the Model objects it expects. */
export function panelsFromTables(tables: Record<string, Table>): Record<PanelName, Model[]> {
  const origin = originOf(tables);
  const out: Record<PanelName, Model[]> = { 'as published': [], audited: [], contributed: [] };
  tableOf(tables, 'panel-models').rows.forEach((r, i) => {
    const panel = str(r.panel) as PanelName;
    if (!(panel in out)) throw new ResultFolderError(`panel-models row ${i + 1}: unknown panel "${panel}"`);
    out[panel].push({
      model: str(r.model),
      family: str(r.family),
      hfId: '',
      paramsB: Number(r.params_b),
      dModel: numOrNull(r.d_model),
      nLayers: null,
      scores: Object.fromEntries(BENCHMARKS.map((b) => [b, numOrNull(r[b])])) as Model['scores'],
      gsm8k: numOrNull(r.gsm8k),
      stderr: Object.fromEntries(SCORED_BENCHMARKS.map((b) => [b, numOrNull(r[`${b}_stderr`])])) as Model['stderr'],
      quirk: str(r.quirk) as Quirk,
      auditedFamily: '',
      source: str(r.source),
      origin: origin.get(str(r.family)) === 'contributed' ? 'contributed' : 'paper',
      file: 'tables/panel-models.json',
      line: i + 1,
    });
  });
  return out;
}

/**
 * The paper's families on the audited panel, read from the tables the run
 * wrote (the CLI recomputes the same numbers from data/).
 */
export function referenceFromTables(tables: Record<string, Table>): ReferenceFamily[] {
  const origin = originOf(tables);
  const audited = (id: string) =>
    new Map(
      tableOf(tables, id)
        .rows.filter((r) => r.panel === 'audited')
        .map((r) => [str(r.family), r]),
    );
  const corr = audited('A-s2-family-correlations');
  const nc = audited('A-tab1-critical-scale');
  return [...nc.keys()]
    .filter((f) => origin.get(f) === 'paper')
    .sort()
    .map((family) => ({
      family,
      r: numOrNull(corr.get(family)?.r_hellaswag_vs_truthfulqa_mc2),
      ncB: numOrNull(nc.get(family)!.nc_b),
      ncStatus: str(nc.get(family)!.status),
    }));
}

export function interventionsFromTables(tables: Record<string, Table>): Intervention[] {
  return tableOf(tables, 'interventions').rows.map((r) => ({
    phase: str(r.phase) as Intervention['phase'],
    intervention: str(r.intervention),
    suggestion: str(r.suggestion),
    paperCaveat: str(r.paper_caveat),
    evidence: str(r.evidence),
    evidenceNote: str(r.evidence_note),
    source: str(r.source),
  }));
}

/** Paper B's frozen-panel line, the one every h in the result folder is measured from. */
export function frontierLineFromTables(tables: Record<string, Table>): FrontierLine {
  const row = tableOf(tables, 'B-s3-regression-subsets').rows.find((r) => str(r.subset).startsWith('frozen panel'));
  if (!row || numOrNull(row.slope) === null || numOrNull(row.intercept) === null)
    throw new ResultFolderError('B-s3-regression-subsets has no "frozen panel" row with a slope and an intercept');
  return { subset: str(row.subset), n: Number(row.n), slope: row.slope as number, intercept: row.intercept as number, r: Number(row.r) };
}

/**
 * Figures and tables behind each ledger row, by the rule REPORT.md uses:
 * the ids with the claim's exact place when there are any, else its section's.
 */
export function claimLinks(claims: Record<string, Cell>[], tableIds: string[], figureIds: string[]): Record<string, ClaimLinks> {
  const placeOf = (id: string) => id.split('-')[1] ?? '';
  const out: Record<string, ClaimLinks> = {};
  for (const c of claims) {
    const id = str(c.id);
    const paper = str(c.paper);
    const place = id.split('.')[1] ?? '';
    const section = sectionOf(place).title;
    const mine = (ids: string[]) => ids.filter((x) => x.startsWith(`${paper}-`));
    const exactFig = mine(figureIds).filter((x) => placeOf(x) === place);
    const exactTab = mine(tableIds).filter((x) => placeOf(x) === place);
    const exact = exactFig.length + exactTab.length > 0;
    const inSection = (ids: string[]) => mine(ids).filter((x) => sectionOf(placeOf(x)).title === section);
    out[id] = { section, exact, figures: exact ? exactFig : inSection(figureIds), tables: exact ? exactTab : inSection(tableIds) };
  }
  return out;
}

/** The noise model the run used, rebuilt from tables/noise-benchmarks and the run's config. */
export function noiseFromTables(tables: Record<string, Table>, config: Config): NoiseModel {
  const rows = tableOf(tables, 'noise-benchmarks').rows;
  const specs = Object.fromEntries(
    rows.map((r) => [
      str(r.benchmark),
      {
        benchmark: str(r.benchmark) as ScoredBenchmark,
        metric: str(r.metric),
        shots: Number(r.shots),
        nItems: Number(r.n_items),
        itemSd: numOrNull(r.item_sd),
        source: str(r.source),
      },
    ]),
  ) as BenchmarkTable;
  for (const b of SCORED_BENCHMARKS) if (!specs[b]) throw new ResultFolderError(`noise-benchmarks has no row for "${b}"`);
  return makeNoiseModel(specs, config.noise);
}
