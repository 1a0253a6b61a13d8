import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const figure: FigureDef = {
  id: 'A-extra-ode-threshold-sweep',
  paper: 'A',
  ref: 'Extra',
  title: 'STLSQ threshold sweep on Pythia: support size, in-sample and held-out error, stability',
  provenance: 'recomputed',
  build(results) {
    const scaleName = (s: number) => (s === 1 ? 'scores in %' : `scores × ${s}`);
    const values = results.ode.sweeps.flatMap((s) =>
      s.points.flatMap((p) => [
        { panel: 'terms', scale: scaleName(s.scale), threshold: p.threshold, measure: 'active terms (all five equations)', value: p.supportTotal },
        ...(p.jaccardPrev === null
          ? []
          : [{ panel: 'stability', scale: scaleName(s.scale), threshold: p.threshold, measure: 'Jaccard vs previous λ', value: p.jaccardPrev }]),
        ...(p.inSampleMape === null
          ? []
          : [{ panel: 'in-sample', scale: scaleName(s.scale), threshold: p.threshold, measure: 'in-sample Pythia MAPE', value: p.inSampleMape }]),
        ...(p.heldOutMape === null
          ? []
          : [{ panel: 'held-out', scale: scaleName(s.scale), threshold: p.threshold, measure: 'held-out Llama-2 MAPE', value: p.heldOutMape }]),
      ]),
    );
    const lambdas = results.ode.sweeps.flatMap((s) => s.points.map((p) => p.threshold));
    const x = {
      field: 'threshold',
      type: 'quantitative' as const,
      title: 'λ',
      scale: { type: 'log' as const, domain: [Math.min(...lambdas) * 0.8, Math.max(...lambdas) * 1.25], nice: false },
    };
    const chart = (panel: string, title: string) => ({
      width: 460,
      height: 150,
      transform: [{ filter: { field: 'panel', equal: panel } }],
      mark: { type: 'line' as const, point: true },
      encoding: {
        x,
        y: { field: 'value', type: 'quantitative' as const, title },
        color: { field: 'scale', type: 'nominal' as const, title: 'score scale', legend: { symbolType: 'stroke' } },
        tooltip: [{ field: 'scale' }, { field: 'threshold', title: 'λ' }, { field: 'measure' }, { field: 'value' }],
      },
    });
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: 'STLSQ threshold sweep (degree-3 library, 56 terms per equation, 7 Pythia intervals)',
        subtitle: [
          'errors: integrated trajectories, all five benchmarks; held-out = as-published Llama-2 from its 7B scores',
          'missing error points: the integrated trajectory diverged',
        ],
      },
      config: baseConfig,
      data: { values },
      vconcat: [
        chart('terms', 'active terms (5 equations)'),
        chart('in-sample', 'Pythia in-sample MAPE (%)'),
        chart('held-out', 'Llama-2 13B/70B MAPE (%)'),
        chart('stability', 'Jaccard vs previous λ'),
      ],
    };
  },
};

export default figure;
