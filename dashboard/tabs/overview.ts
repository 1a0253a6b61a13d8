import { phaseDiagramSpec } from '../../figures/A-fig1a-phase-diagram.ts';
import type { Cell, PanelName } from '../../pipeline/types.ts';
import type { Payload } from '../payload.ts';
import { Chart } from '../ui/chart.ts';
import { badge, fmt, h, labelled, section, select } from '../ui/dom.ts';
import type { TabDef } from '../ui/tabs.ts';

const PANELS: PanelName[] = ['as published', 'audited'];

/** Every scored model of a panel with the phase of the interval ending at it (as Fig. 1a assigns it). */
function phasePoints(data: Payload, panel: PanelName) {
  const ending = new Map(data.tables['A-s2-coupling-intervals']!.rows.filter((r) => r.panel === panel).map((r) => [`${r.family}\u0000${r.to}`, r]));
  return data.panels[panel]
    .filter((m) => m.scores.hellaswag !== null && m.scores.truthfulqa_mc2 !== null)
    .map((m) => {
      const iv = ending.get(`${m.family}\u0000${m.model}`);
      return { model: m.model, family: m.family, params_b: m.paramsB, hellaswag: m.scores.hellaswag, truthfulqa: m.scores.truthfulqa_mc2, phase: (iv?.phase as string) || 'none', g12: typeof iv?.g12 === 'number' ? iv.g12 : null, source: m.source };
    });
}

function phaseSpec(data: Payload, panel: PanelName) {
  return phaseDiagramSpec(phasePoints(data, panel), {
    title: `Phase diagram, ${panel} panel`,
    subtitle: 'phase of the interval ending at each model within its family; lines join a family in size order',
    width: 760,
    height: 460,
    familyFilter: true,
  });
}

const published = (r: Record<string, Cell>) => `${r.published}${r.published_low || r.published_high ? ` [${r.published_low}, ${r.published_high}]` : ''}`;
const regenerated = (r: Record<string, Cell>) =>
  r.regenerated === null || r.regenerated === '' ? 'none' : `${fmt(r.regenerated)}${r.regenerated_low !== null || r.regenerated_high !== null ? ` [${fmt(r.regenerated_low)}, ${fmt(r.regenerated_high)}]` : ''}`;

function headline(data: Payload): HTMLElement {
  const rows = data.claims.filter((r) => /^[AB]\.absv?2?\./.test(String(r.id)));
  const card = (r: Record<string, Cell>) =>
    h(
      'li',
      { class: 'headline', 'data-claim': String(r.id) },
      h('div', { class: 'headline-id' }, h('code', {}, String(r.id)), ' ', badge(String(r.status), String(r.status))),
      typeof r.quantity === 'string' ? h('div', {}, r.quantity) : null,
      h('div', { class: 'muted small' }, `${r.location} · ${r.unit}`),
      h('dl', {}, h('dt', {}, 'published'), h('dd', {}, published(r)), h('dt', {}, 'regenerated'), h('dd', {}, regenerated(r), r.variant ? h('span', { class: 'muted' }, ` (${r.variant})`) : null)),
      h('a', { href: `#claims/${encodeURIComponent(String(r.id))}` }, 'ledger row →'),
    );
  return section(
    "Headline numbers: the abstracts' claims",
    h('p', {}, 'Each published number beside the value this run regenerated and the ledger status. A status other than "reproduced" has its cause in the ledger row.'),
    ['A', 'B'].map((p) => h('div', {}, h('h3', {}, `Paper ${p}`), h('ul', { class: 'headlines' }, rows.filter((r) => r.paper === p).map(card)))),
  );
}

export const overviewTab: TabDef = {
  id: 'overview',
  label: 'Overview',
  async render(panel, ctx) {
    const data = ctx.data;
    const panelSel = select(PANELS, 'as published');
    const famSel = select([]);
    const chart = new Chart('Phase diagram: HellaSwag against TruthfulQA for every model');
    const fill = () => {
      const fams = [...new Set(data.panels[panelSel.value as PanelName].map((m) => m.family))].sort();
      famSel.replaceChildren(...Array.from(select([['all', 'all families'], ...fams.map((f): [string, string] => [f, f])], 'all').options));
      famSel.value = 'all';
    };
    const draw = async () => {
      fill();
      await chart.draw(phaseSpec(data, panelSel.value as PanelName));
    };
    panelSel.addEventListener('change', () => void draw());
    famSel.addEventListener('change', () => void chart.view?.signal('family', famSel.value).runAsync());
    panel.append(
      section(
        'Phase diagram of every model',
        h('p', {}, 'Coloured by the coupling phase the pipeline computed from each family’s own scores (g12 = ΔTQA/ΔHS between consecutive sizes); point size is the parameter count. Hover a point for its values and source.'),
        h('div', { class: 'controls' }, labelled('Panel', panelSel), labelled('Family', famSel)),
        chart.el,
      ),
      headline(data),
    );
    await draw();
  },
};
