/** The diagnosis of one family as a page section: what `cape diagnose` prints, with its charts. */
import { baseConfig, PHASE_COLORS } from '../../figures/figure.ts';
import type { Diagnosis, ReferenceFamily } from '../../pipeline/diagnose.ts';
import type { Intervention } from '../../pipeline/ingest.ts';
import type { Payload } from '../payload.ts';
import type { TabContext } from '../tab-def.ts';
import { addChart } from '../ui/chart.ts';
import { badge, fmt, h, signed } from '../ui/dom.ts';

/** g12 per interval of the diagnosed family; its points are the named source "intervals", filled in the page. */
export function g12Chart(p: Payload) {
  const t = p.config.coupling.phaseThreshold;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'g12 = ΔTQA/ΔHS per interval', subtitle: `dashed: the ±${t} phase band (config.coupling.phaseThreshold)` },
    width: 440,
    height: 260,
    config: baseConfig,
    layer: [
      {
        data: { values: [{ y: -t }, { y: 0 }, { y: t }] },
        mark: { type: 'rule', strokeDash: [4, 3], color: '#777', tooltip: null },
        encoding: { y: { field: 'y', type: 'quantitative' } },
      },
      {
        data: { name: 'intervals' },
        mark: { type: 'line', point: { filled: true, size: 70 }, color: '#999', tooltip: null },
        encoding: {
          x: { field: 'mid_b', type: 'quantitative', title: 'interval midpoint, geometric mean (B params)', scale: { type: 'log' } },
          y: { field: 'g12', type: 'quantitative', title: 'g12' },
        },
      },
      {
        data: { name: 'intervals' },
        mark: { type: 'point', filled: true, size: 90 },
        encoding: {
          x: { field: 'mid_b', type: 'quantitative', scale: { type: 'log' } },
          y: { field: 'g12', type: 'quantitative' },
          color: { field: 'phase', type: 'nominal', scale: PHASE_COLORS, title: 'phase' },
          tooltip: [
            { field: 'interval' },
            { field: 'd_hs', title: 'ΔHS (pp)' },
            { field: 'd_tqa', title: 'ΔTQA (pp)' },
            { field: 'g12', format: '.3f' },
            { field: 'phase' },
          ],
        },
      },
    ],
  };
}

/** Within-family r of the paper's families and the diagnosed one; all points are the named source "placement". */
export function placementChart() {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Where the family sits: within-family r(HellaSwag, TruthfulQA)' },
    width: 440,
    height: 90,
    config: baseConfig,
    data: { name: 'placement' },
    mark: { type: 'point', filled: true, size: 110, opacity: 0.85 },
    encoding: {
      x: { field: 'r', type: 'quantitative', title: 'Pearson r(HS 10-shot, TQA MC2 0-shot) within the family', scale: { domain: [-1, 1] } },
      y: { field: 'group', type: 'nominal', title: null },
      color: { field: 'group', type: 'nominal', legend: null, scale: { range: ['#5d6d7e', '#d35400'] } },
      shape: { field: 'group', type: 'nominal', legend: null },
      tooltip: [{ field: 'family' }, { field: 'group' }, { field: 'r', format: '.3f' }, { field: 'nc', title: 'N_c (B params)', format: '.3g' }],
    },
  };
}

const intervalPoints = (d: Diagnosis) =>
  d.intervals
    .filter((iv) => iv.g12 !== null)
    .map((iv) => ({ interval: `${iv.from} → ${iv.to}`, mid_b: iv.midB, g12: iv.g12, phase: iv.phase ?? 'none', d_hs: iv.dHs, d_tqa: iv.dTqa }));

const placementPoints = (d: Diagnosis, reference: ReferenceFamily[]) => [
  ...reference.filter((f) => f.r !== null).map((f) => ({ family: f.family, r: f.r, group: "paper's families (audited panel)", nc: f.ncB })),
  ...(Number.isFinite(d.hsTqa.r) ? [{ family: d.family, r: d.hsTqa.r, group: 'this family', nc: d.nc.ncB }] : []),
];

function interventionCard(i: Intervention): HTMLElement {
  return h(
    'li',
    { class: 'intervention' },
    h('div', {}, h('strong', {}, i.intervention), ' ', badge(`evidence: ${i.evidence}`, `evidence-${i.evidence}`)),
    h('p', {}, i.suggestion),
    h('p', {}, h('span', { class: 'label' }, 'The paper’s caveat: '), i.paperCaveat),
    h('p', {}, h('span', { class: 'label' }, 'Why this grade: '), i.evidenceNote),
    h('p', { class: 'muted small' }, `Source: ${i.source}`),
  );
}

/** The diagnosis of one family: what `cape diagnose` prints, as a page section with charts. */
export async function renderDiagnosis(out: HTMLElement, d: Diagnosis, ctx: TabContext, focus?: string): Promise<void> {
  const last = [...d.intervals].reverse().find((iv) => iv.phase !== null);
  const nc = d.nc;
  const ncText =
    nc.ncB === null
      ? nc.reason
      : `${fmt(nc.ncB, 3)} B${nc.ci95 ? ` (95% CI ${fmt(nc.ci95[0], 3)}–${fmt(nc.ci95[1], 3)} B, from ${nc.resamplesWithCrossing} of ${nc.resamples} within-family resamples that cross)` : ''}; ${nc.reason}`;
  const width = d.width
    ? `width-normalised r(HS/w, TQA/w) = ${fmt(d.width.normalisedR, 3)} (raw ${fmt(d.width.rawR, 3)}); ${d.width.nulls.map((n) => `${n.kind}: the real value sits at the ${fmt(n.realPercentile, 3)}th percentile of ${n.draws} null draws`).join('; ')}`
    : 'skipped: needs d_model for at least 3 scored models';
  const focused = focus ? d.models.find((m) => m.model === focus) : undefined;
  const resolved = d.phase === null || d.phaseSign === '+' || d.phaseSign === '-' || d.phaseSign === null;
  const dist = d.ncDistribution;
  const ncNoise = dist
    ? `defined in ${(100 * dist.pDefined).toFixed(0)}% of ${dist.draws} draws${dist.medianB === null ? '' : `; median ${fmt(dist.medianB, 3)} B, 95% range ${fmt(dist.lowB, 3)}–${fmt(dist.highB, 3)} B`}`
    : 'not computed';
  const result = h(
    'div',
    { class: 'diagnosis', 'data-phase': d.phase ?? 'undetermined', 'data-family': d.family, 'data-nc': nc.ncB === null ? 'none' : String(nc.ncB) },
    h(
      'h3',
      {},
      `${d.family}: phase now `,
      badge(d.phase ?? 'undetermined', d.phase ?? 'none'),
      resolved ? null : ' ',
      resolved ? null : badge(d.phaseSign === 'undefined' ? 'sign undefined (|ΔHS| within 2 SE)' : 'sign within noise', 'none'),
    ),
    h(
      'p',
      {},
      last
        ? `From the interval ending at the largest scored model (${last.from} → ${last.to}, g12 = ${signed(last.g12)}); diagnosed from the models' own HellaSwag (10-shot) and TruthfulQA (MC2, 0-shot) scores, never from size alone.`
        : 'No interval carries a g12 (fewer than two scored models, or ΔHS too small), so the phase is undetermined.',
    ),
    focused
      ? h('p', { class: 'focus' }, `${focused.model}: phase ${focused.phase ?? 'none (the smallest model of its family has no interval ending at it)'}`)
      : null,
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'models'),
      h('dd', {}, String(d.models.length)),
      h('dt', {}, 'r(HS, TQA)'),
      h(
        'dd',
        {},
        `${fmt(d.hsTqa.r, 3)} (n = ${d.hsTqa.n}, p = ${fmt(d.hsTqa.p, 2)}${d.rNoise ? `, 95% range under score noise ${fmt(d.rNoise[0], 3)}–${fmt(d.rNoise[1], 3)}` : ''}); partial r given log10 N = ${fmt(d.partialR, 3)}`,
      ),
      h('dt', {}, 'N_c'),
      h('dd', { class: 'nc' }, ncText),
      h('dt', {}, 'N_c under score noise'),
      h('dd', { class: 'nc-noise' }, ncNoise),
      h('dt', {}, 'width'),
      h('dd', {}, width),
      h('dt', {}, 'among the paper’s families'),
      h('dd', {}, d.placement.summary),
    ),
  );
  const rows = d.intervals.map((iv) =>
    h(
      'tr',
      {},
      h('td', {}, `${iv.from} → ${iv.to}`),
      h('td', { class: 'num' }, `${fmt(iv.fromB)} → ${fmt(iv.toB)}`),
      h('td', { class: 'num' }, signed(iv.dHs)),
      h('td', { class: 'num' }, fmt(iv.seDHs, 2)),
      h('td', { class: 'num' }, signed(iv.dTqa)),
      h('td', { class: 'num' }, fmt(iv.seDTqa, 2)),
      h('td', { class: 'num' }, iv.g12 === null ? iv.flag : signed(iv.g12)),
      h('td', { class: 'num' }, fmt(iv.pG12Positive, 2)),
      h('td', { class: 'sign' }, iv.sign ?? '—'),
      h('td', {}, iv.phase ? badge(iv.phase, iv.phase) : '—'),
    ),
  );
  const table = h(
    'div',
    { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Intervals' },
    h(
      'table',
      {},
      h('caption', {}, 'Local coupling per interval'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['interval', 'N (B params)', 'Δ HellaSwag (pp)', 'SE (pp)', 'Δ TruthfulQA (pp)', 'SE (pp)', 'g12', 'P(g12 > 0)', 'sign under noise', 'phase'].map(
            (c) => h('th', { scope: 'col' }, c),
          ),
        ),
      ),
      h('tbody', {}, rows),
    ),
  );
  const charts = h('div', { class: 'chart-row' });
  const interventions = d.interventions.length
    ? h('div', {}, h('h3', {}, `What the papers suggest in the ${d.phase} phase`), h('ul', { class: 'interventions' }, d.interventions.map(interventionCard)))
    : h('p', {}, 'No intervention is suggested for an undetermined phase.');
  out.replaceChildren(result, table, charts, interventions);
  await addChart(charts, ctx.chart('g12'), { data: { intervals: intervalPoints(d) }, title: { text: `g12 = ΔTQA/ΔHS per interval, ${d.family}` } });
  await addChart(charts, ctx.chart('placement'), { data: { placement: placementPoints(d, ctx.part('reference')) } });
}
