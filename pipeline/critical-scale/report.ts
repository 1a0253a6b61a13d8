import { BENCHMARK_LABEL, type Config } from '../config.ts';
import type { CriticalScaleNumbers, FamilyNc, PooledNc } from './types.ts';
import type { PercentileInterval } from '../stats/bootstrap-summary.ts';
import type { CouplingContext } from '../stage-context.ts';
import { makeTable } from '../table.ts';
import type { Cell, ClaimResult, PanelName, Table } from '../types.ts';

const toB = (log10N: number) => 10 ** log10N / 1e9;

/** Table 1 rows of the paper, by claim-id key; Pythia's N_c row is the headline A.abs.nc. */
const TABLE1: [string, string][] = [
  ['opt', 'OPT'],
  ['cerebras', 'Cerebras-GPT'],
  ['gptneo', 'GPT-Neo'],
  ['bloom', 'BLOOM'],
  ['pythia', 'Pythia'],
  ['falcon', 'Falcon'],
  ['phi', 'Phi'],
  ['qwen3', 'Qwen3'],
];

const G12 = `g12 = Δ ${BENCHMARK_LABEL.truthfulqa_mc2} / Δ ${BENCHMARK_LABEL.hellaswag}`;
const ci = (c: [number, number] | null | undefined) => (c ? `[${c[0].toPrecision(3)}, ${c[1].toPrecision(3)}] B` : 'none');
const droppedText = (d: Record<string, number>) =>
  Object.entries(d)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');

/** How score noise bears on a family's N_c, for the ledger's cause; [low, high] are the config's resolved-sign shares. */
function noiseNote(f: FamilyNc, [low, high]: readonly [number, number]): string {
  const d = f.noise;
  if (!d) return '';
  const share = `N_c defined in ${(100 * d.pDefined).toFixed(0)}% of ${d.draws} score-noise draws`;
  const spread = d.medianB === null ? '' : ` (median ${d.medianB.toPrecision(3)} B, ${ci([d.lowB!, d.highB!])})`;
  const within = f.ncB !== null ? d.pDefined <= high : d.pDefined >= low;
  return `; ${within ? 'within noise: ' : ''}${share}${spread}`;
}

const range = (r: [number, number]) => `${r[0].toPrecision(3)}–${r[1].toPrecision(3)}`;
const mcText = (p: PooledNc) => {
  const i = p.summary.intervals[1];
  return i ? `${range(i.lowMc)}; ${range(i.highMc)}` : '';
};

export function criticalScaleTables(o: CriticalScaleNumbers, cfg: Config): Table[] {
  const inTable1 = new Set(TABLE1.map(([, f]) => f));
  const noiseLevel = `${Math.round(cfg.noise.ciLevel * 100)}%`;
  const [l68, l95] = cfg.criticalScale.ciLevels.map((l) => `${Math.round(l * 100)}%`);
  return [
    makeTable(
      'A-tab1-critical-scale',
      `Table 1: per-family critical scale N_c, first negative→positive zero of ${G12}`,
      [
        ['panel', 'panel'],
        ['family', 'family'],
        ['in_table1', 'row of the paper’s Table 1'],
        ['models', 'models (count)'],
        ['scored', 'models with HS and TQA'],
        ['couplings', 'intervals with g12'],
        ['status', 'status'],
        ['nc_b', 'N_c (B params), linear in log10 N between interval midpoints'],
        ['at_model_b', 'size of the model at the sign change (B params)'],
        ['ci_low', 'N_c 95% CI low (B params), within-family model bootstrap'],
        ['ci_high', 'N_c 95% CI high (B params)'],
        ['crossing_share', 'resamples with a crossing'],
        ['p_nc_defined', 'P(N_c defined) under score noise'],
        ['nc_noise_median_b', 'N_c under score noise, median over draws that cross (B params)'],
        ['nc_noise_low_b', `N_c under score noise, ${noiseLevel} range low (B params)`],
        ['nc_noise_high_b', `N_c under score noise, ${noiseLevel} range high (B params)`],
        ['notes', 'notes'],
      ],
      o.perFamily.map((f) => ({
        panel: f.panel,
        family: f.family,
        in_table1: inTable1.has(f.family) ? 'yes' : 'no',
        models: f.nModels,
        scored: f.nScored,
        couplings: f.nCouplings,
        status: f.status,
        nc_b: f.ncB,
        at_model_b: f.atModelB,
        ci_low: f.ci95?.[0] ?? null,
        ci_high: f.ci95?.[1] ?? null,
        crossing_share: f.resamples > 0 ? `${f.resamplesWithCrossing} of ${f.resamples}` : '',
        p_nc_defined: f.noise?.pDefined ?? null,
        nc_noise_median_b: f.noise?.medianB ?? null,
        nc_noise_low_b: f.noise?.lowB ?? null,
        nc_noise_high_b: f.noise?.highB ?? null,
        notes: f.reason,
      })),
      [
        'Each interval sits at the geometric mean of its two sizes; g12 exactly 0 has no sign and is stepped over; intervals with |ΔHS| at or below the coupling minimum carry no g12.',
        'Bootstrap: models drawn with replacement within the family; a repeated model adds no interval, so each resample uses the distinct models drawn. The CI is over resamples that cross.',
        'The paper prints Pythia’s N_c from the pooled fit (see A-appA2-pooled-nc); Qwen3 has a single model with benchmark scores.',
        `Score noise: every HellaSwag and TruthfulQA score redrawn ${cfg.noise.draws} times from N(score, SE²) (SEs from tables/noise-benchmarks); P(N_c defined) is the share of draws in which g12 turns from negative to positive, and the range is over those draws.`,
      ],
      ['panel', 'family'],
    ),
    makeTable(
      'A-appA2-pooled-nc',
      `Pooled N_c: quadratic minimum of ${BENCHMARK_LABEL.truthfulqa_mc2} on log10 N (as coded) and zero crossing of ${G12} (as described)`,
      [
        ['method', 'method'],
        ['variant', 'variant'],
        ['data', 'models'],
        ['n', 'models (count)'],
        ['resamples', 'resamples'],
        ['kept', 'resamples kept'],
        ['dropped', 'resamples dropped'],
        ['point', 'full-sample N_c (B params)'],
        ['median', 'bootstrap median N_c (B params)'],
        ['mean', 'bootstrap mean N_c (B params), quadratic method only (the crossing draws are heavy-tailed)'],
        ['lo68', `${l68} CI low (B params)`],
        ['hi68', `${l68} CI high (B params)`],
        ['lo95', `${l95} CI low (B params)`],
        ['hi95', `${l95} CI high (B params)`],
        ['mc', `Monte Carlo 95% range of the ${l95} low; of the ${l95} high (B params)`],
        ['noise_kept', 'score-noise draws that give an N_c'],
        ['noise_median', 'N_c under score noise, median (B params)'],
        ['noise_low', `N_c under score noise, ${noiseLevel} range low (B params)`],
        ['noise_high', `N_c under score noise, ${noiseLevel} range high (B params)`],
      ],
      o.pooled.map((p) => ({
        method: p.method,
        variant: p.variant,
        data: p.data,
        n: p.nModels,
        resamples: p.resamples,
        kept: p.summary.n,
        dropped: droppedText(p.dropped),
        point: p.pointB,
        median: p.summary.median,
        mean: p.method === 'quadratic minimum' ? p.summary.mean : null,
        lo68: p.summary.intervals[0]!.low,
        hi68: p.summary.intervals[0]!.high,
        lo95: p.summary.intervals[1]!.low,
        hi95: p.summary.intervals[1]!.high,
        mc: mcText(p),
        noise_kept: `${p.noise.kept} of ${p.noise.draws}`,
        noise_median: p.noise.medianB,
        noise_low: p.noise.lowB,
        noise_high: p.noise.highB,
      })),
      [
        `Quadratic minimum (scripts/bootstrap_Nc.py): TQA = a (log10 N)² + b log10 N + c with N in parameters, N_c = 10^(−b/2a); models resampled with replacement, unstratified; a resample is kept when a > 0 and ${cfg.criticalScale.pooledAsCodedLog10Window[0]} < log10 N_c < ${cfg.criticalScale.pooledAsCodedLog10Window[1]}.`,
        `Zero crossing (App. A.2 text): models resampled with replacement within each family; g12 between consecutive distinct sizes within the family (|ΔHS| > ${cfg.coupling.minDeltaHs} pp), each at log10 of the geometric-mean size; one OLS line g12 = A log10 N + B through the pooled intervals; N_c = 10^(−B/A) when A > 0, no window.`,
        'Score noise: the same models, every score redrawn from N(score, SE²) and the same estimator refitted per draw (the quadratic minimum kept only inside its window); this interval is measurement noise, the resampling CI is model sampling.',
        'Percentile intervals use type-7 quantiles of N_c in B params (numpy’s default). Monte Carlo range of a bound: the order statistics at ranks n·q ± 1.96·sqrt(n·q·(1 − q)) of the kept draws, i.e. how far the bound moves with another seed.',
      ],
      ['method', 'variant', 'data'],
    ),
    makeTable(
      'A-s2-running-coupling',
      `Running-coupling law ${G12} = A log10 N + B (N in parameters), OLS over interval sets`,
      [
        ['set', 'interval set'],
        ['variant', 'variant'],
        ['how', 'intervals'],
        ['n', 'intervals (count)'],
        ['a', 'A (per decade of N)'],
        ['a_se', 'SE of A'],
        ['b', 'B'],
        ['b_se', 'SE of B'],
        ['r2', 'R²'],
        ['signs', 'intervals whose g12 sign the line gets right'],
        ['zero', 'zero crossing 10^(−B/A) (B params)'],
      ],
      o.running.map((r): Record<string, Cell> => {
        const f = r.fit;
        if (!f) return { set: r.name, variant: r.variant, how: `${r.how} (fewer than 3 intervals: no fit)`, n: r.points.length };
        return {
          set: r.name,
          variant: r.variant,
          how: r.how,
          n: f.n,
          a: f.slope,
          a_se: f.slopeSe,
          b: f.intercept,
          b_se: f.interceptSe,
          r2: f.r2,
          signs: `${f.signAgree} of ${f.n}`,
          zero: toB(f.zeroLog10),
        };
      }),
      [
        'The intervals behind the authors’ README/dashboard running-coupling line are not identified; these sets are stated choices. An exact zero g12 never counts as a sign agreement.',
        'The first set is the construction of the zero-crossing method in scripts/bootstrap_Nc.py: all 14 models sorted by N (ties in file order), neighbours differenced across family boundaries.',
      ],
      ['set'],
    ),
  ];
}

export function criticalScaleClaims(o: CriticalScaleNumbers, ctx: CouplingContext): ClaimResult[] {
  const out: ClaimResult[] = [];
  const panels: [PanelName, 'as described' | 'audited'][] = [
    ['as published', 'as described'],
    ['audited', 'audited'],
  ];
  for (const [panel, variant] of panels) {
    const fams = o.perFamily.filter((f) => f.panel === panel);
    const pc = panel === 'audited' ? ctx.coupling.audited : ctx.coupling.published;
    for (const [key, name] of TABLE1) {
      const f = fams.find((x) => x.family === name);
      const members = pc.families.find((x) => x.family === name)?.models ?? [];
      const odd = members.filter((m) => m.quirk !== '').map((m) => `${m.model} (${m.quirk})`);
      out.push({
        id: `A.tab1.n_${key}`,
        variant,
        value: members.length,
        note: `models filed under ${name} in the ${panel} panel, ${f?.nScored ?? 0} with HS and TQA${odd.length ? `; includes ${odd.join(', ')}` : ''}`,
      });
      if (key === 'pythia') continue;
      if (!f) {
        out.push({ id: `A.tab1.nc_${key}`, variant, value: null, note: `not testable: no ${name} model in the ${panel} panel` });
        continue;
      }
      const boot = f.ci95 ? `; 95% CI ${ci(f.ci95)} from ${f.resamplesWithCrossing} of ${f.resamples} within-family resamples that cross` : '';
      const interval = f.ci95 ? { low: f.ci95[0], high: f.ci95[1] } : {};
      out.push({
        id: `A.tab1.nc_${key}`,
        variant,
        value: f.ncB,
        ...interval,
        note: `${f.status === 'crossing' ? 'first negative→positive g12 change, interpolated: ' : ''}${f.reason}; ${panel} panel${boot}${noiseNote(f, ctx.config.noise.resolvedP)}`,
      });
      // Shown for context only: the configured rule (interpolation) decides the status.
      if (f.atModelB !== null)
        out.push({
          id: `A.tab1.nc_${key}`,
          variant,
          value: f.atModelB,
          proxy: true,
          note: `discrete reading, not the configured rule: size of ${f.below!.to}, the model where g12 turns from negative to positive; ${panel} panel`,
        });
    }
    const crossing = fams.filter((f) => f.ncB !== null).sort((a, b) => a.ncB! - b.ncB!);
    if (crossing.length > 0) {
      const lo = crossing[0]!;
      const hi = crossing[crossing.length - 1]!;
      const list = crossing.map((f) => `${f.family} ${f.ncB!.toPrecision(3)}`).join(', ');
      out.push({
        id: 'A.fig1b.nc_range',
        variant,
        value: null,
        low: lo.ncB,
        high: hi.ncB,
        note: `per-family N_c over the ${crossing.length} families that cross (${panel} panel): ${list} B`,
      });
      out.push({
        id: 'A.s2_1.nc_60x',
        variant,
        value: hi.ncB! / lo.ncB!,
        note: `largest over smallest per-family N_c, ${hi.family} / ${lo.family}, ${panel} panel`,
      });
    }
    const py = fams.find((f) => f.family === 'Pythia');
    if (py)
      out.push({
        id: 'A.abs.nc',
        variant,
        value: py.ncB,
        ...(py.ci95 ? { low: py.ci95[0], high: py.ci95[1] } : {}),
        note: `Table 1 reading, Pythia alone: ${py.reason}; ${panel} panel`,
      });
  }
  const head: ClaimResult[] = [];
  for (const p of o.pooled) {
    const [c68, c95] = p.summary.intervals as [PercentileInterval, PercentileInterval];
    const nz = p.noise;
    const noise =
      nz.medianB === null
        ? `no N_c in any of ${nz.draws} score-noise draws`
        : `score noise alone: median ${nz.medianB.toPrecision(3)} B, ${ci([nz.lowB!, nz.highB!])}, N_c in ${nz.kept} of ${nz.draws} draws`;
    const note = `${p.method}, ${p.data}: median of ${p.summary.n} kept of ${p.resamples} resamples (${droppedText(p.dropped)}); 68% CI ${ci([c68.low, c68.high])}; full sample ${p.pointB === null ? 'none' : `${p.pointB.toPrecision(3)} B`}; Monte Carlo 95% range of the 95% bounds (another seed): low ${range(c95.lowMc)}, high ${range(c95.highMc)} B; ${noise}`;
    head.push({ id: 'A.abs.nc', variant: p.variant, value: p.summary.median, low: c95.low, high: c95.high, note });
    if (p.variant !== 'audited') out.push({ id: 'B.fig2.nc1', variant: p.variant, value: p.summary.median, note: `restates Paper A’s N_c; ${note}` });
  }
  const slopeSets: [string, 'as coded' | 'as described' | 'audited'][] = [
    ['pooled 14, consecutive across families', 'as coded'],
    ['Fig. 1b families, as published', 'as described'],
    ['Fig. 1b families, audited', 'audited'],
  ];
  for (const [name, variant] of slopeSets) {
    const r = o.running.find((x) => x.name === name)!;
    const f = r.fit;
    if (!f) continue;
    out.push({
      id: 'A.appA9.slope_0629',
      variant,
      value: f.slope,
      note: `slope A of g12 = A log10 N + B (not a TQA-per-HS rate), ${r.how}: B = ${f.intercept.toFixed(3)}, R² = ${f.r2.toFixed(2)}, signs ${f.signAgree}/${f.n}, zero at ${toB(f.zeroLog10).toPrecision(3)} B`,
    });
  }
  return [...head, ...out];
}
