import { BENCHMARK_LABEL, type Config } from './config.ts';
import type { PanelCoupling } from './coupling.ts';
import { summariseDraws } from './stats/bootstrap-summary.ts';
import { partialCorrelation, pearson } from './stats/pearson.ts';
import { percentileOf, sharedDenominatorR, widthNullDistribution, type WidthNull } from './stats/ratio-null.ts';
import type { Rng } from './stats/rng.ts';
import type { CouplingContext } from './stage-context.ts';
import { makeTable } from './table.ts';
import type { ClaimResult, Model, PanelName, StageOutput, Table } from './types.ts';

export interface NullSummary {
  kind: WidthNull;
  draws: number;
  median: number;
  lo: number;
  hi: number;
  /** Percentile (0–100) of the real normalised r within the null draws. */
  realPercentile: number;
}

export interface WidthRow {
  panel: PanelName;
  family: string;
  /** Which models of the family: "all", "without misfiled" or "without largest". */
  subset: string;
  models: string[];
  /** Scored models left out because their d_model is missing. */
  missingWidth: string[];
  /** Null when fewer than 3 models have scores and a width. */
  rawR: number | null;
  normalisedR: number | null;
  /** Partial r(HS, TQA | log10 N); null below 4 models, where it is ±1 by construction. */
  partialR: number | null;
  nulls: NullSummary[];
}

export interface WidthOutput extends StageOutput {
  rows: WidthRow[];
}

const NULLS: WidthNull[] = ['random increasing widths', 'permuted widths'];

/** The finite null draws (one is NaN when its widths leave a ratio series constant): the array itself when all are. */
function finiteDraws(draws: Float64Array): Float64Array {
  for (let i = 0; i < draws.length; i++) if (!Number.isFinite(draws[i])) return draws.filter(Number.isFinite);
  return draws;
}

export function widthRow(panel: PanelName, family: string, subset: string, members: readonly Model[], cfg: Config, rng: Rng): WidthRow {
  const scored = members.filter((m) => m.scores.hellaswag !== null && m.scores.truthfulqa_mc2 !== null);
  const used = scored.filter((m) => m.dModel !== null);
  const missingWidth = scored.filter((m) => m.dModel === null).map((m) => m.model);
  if (used.length < 3)
    return { panel, family, subset, models: used.map((m) => m.model), missingWidth, rawR: null, normalisedR: null, partialR: null, nulls: [] };
  const hs = used.map((m) => m.scores.hellaswag!);
  const tqa = used.map((m) => m.scores.truthfulqa_mc2!);
  const w = used.map((m) => m.dModel! / cfg.width.referenceDModel);
  const normalisedR = sharedDenominatorR(hs, tqa, w);
  const nulls = NULLS.map((kind) => {
    const draws = finiteDraws(widthNullDistribution(hs, tqa, w, kind, rng.fork(kind), cfg.width.nullResamples));
    const s = summariseDraws(draws, [0.95]);
    return { kind, draws: draws.length, median: s.median, lo: s.intervals[0]!.low, hi: s.intervals[0]!.high, realPercentile: percentileOf(draws, normalisedR) };
  });
  return {
    panel,
    family,
    subset,
    models: used.map((m) => m.model),
    missingWidth,
    rawR: pearson(hs, tqa),
    normalisedR,
    partialR:
      used.length >= 4
        ? partialCorrelation(
            hs,
            tqa,
            used.map((m) => Math.log10(m.paramsB * 1e9)),
          ).r
        : null,
    nulls,
  };
}

/** On the paper's panels its five families first, then every other family with three or more widths; contributed families alike, in their own rows. */
function familiesToNormalise(pc: PanelCoupling, cfg: Config): string[] {
  const widths = (f: PanelCoupling['families'][number]) =>
    f.models.filter((m) => m.dModel !== null && m.scores.hellaswag !== null && m.scores.truthfulqa_mc2 !== null).length;
  const others = pc.families.filter((f) => !cfg.width.families.includes(f.family) && widths(f) >= 3).map((f) => f.family);
  return pc.panel === 'contributed' ? others : [...cfg.width.families, ...others];
}

function panelRows(pc: PanelCoupling, cfg: Config, rng: Rng): WidthRow[] {
  const byName = new Map(pc.families.map((f) => [f.family, f.models]));
  return familiesToNormalise(pc, cfg).flatMap((family) => {
    const members = byName.get(family) ?? [];
    const r = rng.fork(`${pc.panel}/${family}`);
    const proper = members.filter((m) => m.quirk !== 'misfiled');
    const subsets: [string, Model[]][] = [['all', members]];
    if (proper.length < members.length) subsets.push(['without misfiled', proper]);
    if (proper.length > 3) subsets.push(['without largest', proper.slice(0, -1)]);
    return subsets.map(([subset, ms]) => widthRow(pc.panel, family, subset, ms, cfg, r.fork(subset)));
  });
}

const CLAIM_KEY: Record<string, string> = { Pythia: 'pythia', OPT: 'opt', BLOOM: 'bloom', 'Cerebras-GPT': 'cerebras', 'GPT-Neo': 'gptneo' };

const nullText = (n: NullSummary) =>
  `${n.kind}: median ${n.median.toFixed(3)} [${n.lo.toFixed(3)}, ${n.hi.toFixed(3)}], real at the ${n.realPercentile.toFixed(1)}th percentile`;

/** Paper A prints raw r for every family but Pythia, whose raw r is the coupling stage's A.s1.r_pythia. */
const HAS_RAW_CLAIM = new Set(['opt', 'bloom', 'cerebras', 'gptneo']);

function claims(rows: WidthRow[]): ClaimResult[] {
  const out: ClaimResult[] = [];
  for (const [panel, variant] of [
    ['as published', 'as described'],
    ['audited', 'audited'],
  ] as const) {
    for (const [family, key] of Object.entries(CLAIM_KEY)) {
      const mine = rows.filter((r) => r.panel === panel && r.family === family);
      // The paper's Pythia is the 8 Pythia models; in the as-published file it also holds GPT-J and GPT-NeoX.
      const row = mine.find((r) => r.subset === 'without misfiled') ?? mine.find((r) => r.subset === 'all');
      if (!row || row.rawR === null || row.normalisedR === null) {
        out.push({
          id: `A.s5_1.wn_${key}`,
          variant,
          value: null,
          note: `not computable: fewer than 3 ${family} models with HS, TQA and d_model in the ${panel} panel`,
        });
        continue;
      }
      const who = `${row.models.length} ${family} models (${row.subset}), ${panel} panel${row.missingWidth.length ? `, no d_model for ${row.missingWidth.join(', ')}` : ''}`;
      const context = `partial r | log10 N ${row.partialR === null ? 'n/a (n < 4)' : row.partialR.toFixed(3)}; null ${row.nulls.map(nullText).join('; ')}`;
      const shorter = mine.find((r) => r.subset === 'without largest' && r.rawR !== null);
      const dropped = shorter
        ? `; without ${row.models.filter((m) => !shorter.models.includes(m)).join(', ')}: raw ${shorter.rawR!.toFixed(3)}, normalised ${shorter.normalisedR!.toFixed(3)}`
        : '';
      if (HAS_RAW_CLAIM.has(key))
        out.push({ id: `A.s5_1.raw_${key}`, variant, value: row.rawR, note: `Pearson r(HS, TQA), ${who}; normalised ${row.normalisedR.toFixed(3)}${dropped}` });
      out.push({
        id: `A.s5_1.wn_${key}`,
        variant,
        value: row.normalisedR,
        note: `r(HS/w, TQA/w), w = d_model/512, ${who}; raw ${row.rawR.toFixed(3)}${dropped}; ${context}`,
      });
    }
  }
  return out;
}

function table(rows: WidthRow[], cfg: Config): Table {
  const cols: [string, string][] = [
    ['panel', 'panel'],
    ['family', 'family'],
    ['subset', 'models used'],
    ['n', 'models (count)'],
    ['missing', 'scored models without d_model (left out)'],
    ['raw', `raw Pearson r(${BENCHMARK_LABEL.hellaswag}, ${BENCHMARK_LABEL.truthfulqa_mc2})`],
    ['norm', `width-normalised r (both scores divided by d_model/${cfg.width.referenceDModel})`],
    ['partial', 'partial r(HS, TQA | log10 N)'],
  ];
  for (const [k, n] of [
    ['a', 'null (a) random increasing widths'],
    ['b', 'null (b) permuted widths'],
  ]) {
    cols.push(
      [`${k}_median`, `${n}: median normalised r`],
      [`${k}_lo`, `${n}: 2.5%`],
      [`${k}_hi`, `${n}: 97.5%`],
      [`${k}_pct`, `${n}: percentile of the real normalised r`],
    );
  }
  const body = rows.map((r) => {
    const row: Record<string, string | number | null> = {
      panel: r.panel,
      family: r.family,
      subset: r.subset,
      n: r.models.length,
      missing: r.missingWidth.join(', '),
      raw: r.rawR,
      norm: r.normalisedR,
      partial: r.partialR,
    };
    r.nulls.forEach((n, i) => {
      const k = i === 0 ? 'a' : 'b';
      Object.assign(row, { [`${k}_median`]: n.median, [`${k}_lo`]: n.lo, [`${k}_hi`]: n.hi, [`${k}_pct`]: n.realPercentile });
    });
    return row;
  });
  return makeTable(
    'A-s5-width-normalisation',
    'Width normalisation (Paper A §4.1/§5.1, Fig. 4b) with a null model for the shared denominator',
    cols,
    body,
    [
      `Null (a): ${cfg.width.nullResamples} draws of n widths log-uniform between the family's smallest and largest d_model, sorted and given to the models in size order; null (b): ${cfg.width.nullResamples} random orderings of the family's own widths. Scores stay fixed in both.`,
      'Percentile of the real normalised r: share of null draws below it, ties counted half.',
      '"without misfiled" drops GPT-J-6B and GPT-NeoX-20B from the as-published Pythia; "without largest" also drops the family\'s largest model.',
      'Partial r needs 4 models: with 3, the residuals after removing log10 N are collinear and r is ±1 by construction.',
    ],
    ['panel', 'family', 'subset'],
  );
}

export function runWidth(ctx: CouplingContext): WidthOutput {
  const rows = [ctx.coupling.published, ctx.coupling.audited, ctx.coupling.contributed].flatMap((pc) => panelRows(pc, ctx.config, ctx.rng));
  return { rows, tables: [table(rows, ctx.config)], claims: claims(rows) };
}
