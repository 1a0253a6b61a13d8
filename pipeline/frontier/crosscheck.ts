import { matchesPrinted } from '../claims.ts';
import type { FrontierAnalysis } from './analysis.ts';
import type { AuthorsStored } from './ingest-released.ts';
import { makeTable } from '../table.ts';
import type { Cell, Table } from '../types.ts';

/**
 * Our numbers next to the numbers the authors stored in their JSON files.
 * The stored values are only displayed here; nothing is computed from them.
 */
export function crosscheckTable(a: FrontierAnalysis, stored: AuthorsStored): Table {
  const rows: Record<string, Cell>[] = [];
  const storedValue = (file: string, quantity: string, subset = '') =>
    stored.regression.find((r) => r.file === file && r.quantity === quantity && r.subset === subset)?.value ?? '';
  const agrees = (ours: number | string | null, value: string): boolean | null => {
    if (value === '') return null;
    if (typeof ours !== 'number') return ours === value;
    const stored = Number(value);
    // Values stored at full float precision can differ from ours in the last bits only.
    return Number.isFinite(stored) && (matchesPrinted(value, '', ours) || Math.abs(ours - stored) <= 1e-9 * Math.abs(stored));
  };
  const add = (quantity: string, ours: number | string | null, file: string, value: string) =>
    rows.push({ quantity, ours, stored: value, file, agrees: agrees(ours, value) });
  const sub = (key: string) => a.subsets.find((s) => s.key === key)!.fit;
  const F34 = 'frontier_34models.json';
  add('r, frozen panel', a.fit.r, F34, storedValue(F34, 'r', 'full_panel'));
  add('r, core', sub('core').r, F34, storedValue(F34, 'r', 'core'));
  add('r, SWE >= 40', sub('swe_ge').r, F34, storedValue(F34, 'r', 'swe_ge40'));
  add("r, no compute-tier (authors' mask)", sub('no_compute_tier_coded').r, F34, storedValue(F34, 'r', 'no_compute_tier'));
  add('slope', a.fit.slope, F34, storedValue(F34, 'slope'));
  add('intercept', a.fit.intercept, F34, storedValue(F34, 'intercept'));
  add('p, frozen panel', a.fit.p, 'frontier_final_consolidated.json', storedValue('frontier_final_consolidated.json', 'p_all'));
  add('p, frozen panel', a.fit.p, 'frontier_models.json', storedValue('frontier_models.json', 'p'));
  add('r, every row (refit)', a.refit.r, 'post_cutoff_april2026.json', storedValue('post_cutoff_april2026.json', 'r', 'refit_39'));
  add('slope, every row (refit)', a.refit.slope, 'post_cutoff_april2026.json', storedValue('post_cutoff_april2026.json', 'slope', 'refit_39'));
  add('intercept, every row (refit)', a.refit.intercept, 'post_cutoff_april2026.json', storedValue('post_cutoff_april2026.json', 'intercept', 'refit_39'));
  add('leave-one-lab-out MAE mean', a.lolo.mean, F34, storedValue(F34, 'holdout_mae_mean'));
  add('leave-one-lab-out MAE SD (population)', a.lolo.sdPopulation, F34, storedValue(F34, 'holdout_mae_std'));
  for (const l of a.lolo.labs) {
    const s = stored.holdout.find((h) => h.lab === l.lab && h.group === 'holdout_all');
    add(`leave-one-lab-out MAE, ${l.lab}`, l.mae, `${F34} holdout_all`, s ? String(s.maePp) : '');
  }
  for (const r of a.rows) {
    const s = stored.h.find((h) => h.model === r.model.model && h.file === (r.frozen ? F34 : 'post_cutoff_april2026.json'));
    if (s) add(`h, ${r.model.model}`, r.h, s.file, String(s.h));
  }
  for (const e of a.predictions) {
    const s = stored.predictionStatus.find((p) => p.id === e.rule.id);
    add(`prediction ${e.rule.id} status`, e.status, 'computed/predictions_status.json', s ? s.status.replace('_', '-') : '');
  }
  return makeTable(
    'B-extra-authors-crosscheck',
    "Paper B: regenerated numbers next to the authors' stored values (data/frontier/authors_computed_*.csv)",
    [
      ['quantity', 'quantity'],
      ['ours', 'regenerated'],
      ['stored', "authors' stored value"],
      ['file', "authors' file"],
      ['agrees', 'regenerated agrees with the stored value'],
    ],
    rows,
    [
      "The stored values are displayed, never used. 'agrees': the regenerated number is within half a unit of the stored value's last printed digit (or within 1e-9 relative for values stored at full precision).",
    ],
    ['quantity', 'file'],
  );
}
