/** The Overview tab: the phase diagram of every model and the abstracts' headline numbers against this run's. */
import { phaseDiagramSpec } from '../../figures/A-fig1a-phase-diagram.ts';
import type { Cell, PanelName } from '../../pipeline/types.ts';
import type { TabContext } from '../tab-def.ts';
import { Chart } from '../ui/chart.ts';
import { badge, fmt, h, labelled, section, select } from '../ui/dom.ts';

const PANELS: PanelName[] = ['as published', 'audited'];
const SUBTITLE = 'phase of the interval ending at each model within its family; lines join a family in size order';

/** The phase diagram with its points as a named data source, so both panels share one compiled chart. */
export const charts = {
  phase: () => ({
    ...phaseDiagramSpec([], { title: 'Phase diagram', subtitle: SUBTITLE, width: 760, height: 460, familyFilter: true }),
    data: { name: 'points' },
  }),
};

const published = (r: Record<string, Cell>) => `${r.published}${r.published_low || r.published_high ? ` [${r.published_low}, ${r.published_high}]` : ''}`;
const regenerated = (r: Record<string, Cell>) =>
  r.regenerated === null || r.regenerated === ''
    ? 'none'
    : `${fmt(r.regenerated)}${r.regenerated_low !== null || r.regenerated_high !== null ? ` [${fmt(r.regenerated_low)}, ${fmt(r.regenerated_high)}]` : ''}`;

function headline(rows: Record<string, Cell>[]): HTMLElement {
  const card = (r: Record<string, Cell>) =>
    h(
      'li',
      { class: 'headline', 'data-claim': String(r.id) },
      h('div', { class: 'headline-id' }, h('code', {}, String(r.id)), ' ', badge(String(r.status), String(r.status))),
      typeof r.quantity === 'string' ? h('div', {}, r.quantity) : null,
      h('div', { class: 'muted small' }, `${r.location} · ${r.unit}`),
      h(
        'dl',
        {},
        h('dt', {}, 'published'),
        h('dd', {}, published(r)),
        h('dt', {}, 'regenerated'),
        h('dd', {}, regenerated(r), r.variant ? h('span', { class: 'muted' }, ` (${r.variant})`) : null),
      ),
      h('a', { href: `#claims/${encodeURIComponent(String(r.id))}` }, h('span', { class: 'visually-hidden' }, `${String(r.id)}: `), 'ledger row →'),
    );
  return section(
    "Headline numbers: the abstracts' claims",
    h(
      'p',
      {},
      'Each published number beside the value this run regenerated and the ledger status. A status other than "reproduced" has its cause in the ledger row.',
    ),
    ['A', 'B'].map((p) => h('div', {}, h('h3', {}, `Paper ${p}`), h('ul', { class: 'headlines' }, rows.filter((r) => r.paper === p).map(card)))),
  );
}

export async function render(panel: HTMLElement, ctx: TabContext): Promise<void> {
  const points = ctx.part('phasePoints');
  const panelSel = select(PANELS, 'as published');
  const famSel = select([]);
  const chart = new Chart();
  const fill = () => {
    const fams = [...new Set(points[panelSel.value as PanelName].map((m) => m.family))].sort();
    famSel.replaceChildren(...Array.from(select([['all', 'all families'], ...fams.map((f): [string, string] => [f, f])], 'all').options));
    famSel.value = 'all';
  };
  const draw = async () => {
    fill();
    const name = panelSel.value as PanelName;
    await chart.draw(ctx.chart('phase'), {
      data: { points: points[name] },
      title: { text: `Phase diagram, ${name} panel`, subtitle: SUBTITLE },
      signals: { family: 'all' },
    });
  };
  panelSel.addEventListener('change', () => void draw());
  famSel.addEventListener('change', () => void chart.setSignal('family', famSel.value));
  panel.append(
    section(
      'Phase diagram of every model',
      h(
        'p',
        {},
        'Coloured by the coupling phase the pipeline computed from each family’s own scores (g12 = ΔTQA/ΔHS between consecutive sizes); point size is the parameter count. Hover a point for its values and source, or open the numbers under the chart.',
      ),
      h('div', { class: 'controls' }, labelled('Panel', panelSel), labelled('Family', famSel)),
      chart.el,
    ),
    headline(ctx.part('headlines')),
  );
  await draw();
}
