/** The Out of sample tab: the pre-registered predictions scored on the leaderboard's base-model families, with every family's outcome. */
import type { TabContext } from '../tab-def.ts';
import { addChart } from '../ui/chart.ts';
import { badge, h, section } from '../ui/dom.ts';
import { renderTable } from '../ui/table.ts';

export async function render(panel: HTMLElement, ctx: TabContext): Promise<void> {
  const predictions = ctx.table('oos-predictions');
  const registration = predictions.notes[0] ?? '';
  const chart = h('div', { class: 'chart-row' });
  panel.append(
    section(
      'The papers’ predictions on new families',
      h(
        'p',
        {},
        'Five predictions from Paper A were written down in data/preregistration.csv before any number here was computed, then scored on every base-model family of the Open LLM Leaderboard v1 with at least three sizes: families outside the paper’s panel (trained from scratch: the primary test; derived from another base: secondary) and, separately, the paper’s own families on leaderboard values. Each is scored on raw signs and on the signs measurement noise resolves. A prediction that fails is a finding.',
      ),
      h('p', { class: 'muted' }, registration),
      renderTable(predictions, {
        notes: false,
        cell: (key, value) =>
          key === 'verdict' ? badge(String(value), String(value)) : typeof value === 'number' ? String(Number(value.toPrecision(3))) : String(value ?? ''),
      }),
    ),
    section('Where the signs fall', chart),
    section(
      'Every family',
      renderTable(ctx.table('oos-prediction-families'), { collapsed: true }),
      renderTable(ctx.table('oos-nc'), { collapsed: true }),
      renderTable(ctx.table('oos-families'), { collapsed: true }),
      renderTable(ctx.table('oos-intervals'), { collapsed: true }),
    ),
  );
  const fig = ctx.figure('A-oos-g12-signs');
  if (fig) await addChart(chart, fig);
}
