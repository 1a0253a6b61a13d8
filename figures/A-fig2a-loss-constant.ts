import type { FigureDef } from './figure.ts';
import { baseConfig } from './figure.ts';

const figure: FigureDef = {
  id: 'A-fig2a-loss-constant',
  paper: 'A',
  ref: 'Fig. 2a',
  title: 'Loss fit L = E + A·N^−α and the per-model constant N^α(L − E)',
  provenance: 'recomputed',
  build(results) {
    const fits = results.loss.fits;
    const points = fits.flatMap((l) =>
      l.points.map((p, i) => ({
        dataset: l.dataset,
        model: p.model,
        params: p.params,
        loss: p.loss,
        constant: l.constant.values[i]!,
        rounded: l.constantRounded.values[i]!,
      })),
    );
    const curves = fits.flatMap((l) => l.curve.map((c) => ({ dataset: l.dataset, params: c.params, loss: c.loss })));
    const constants = points.flatMap((p) => [
      { dataset: p.dataset, model: p.model, params: p.params, version: 'fitted E, α', value: p.constant },
      { dataset: p.dataset, model: p.model, params: p.params, version: 'E, α rounded as printed', value: p.rounded },
    ]);
    const x = { field: 'params', type: 'quantitative' as const, scale: { type: 'log' as const }, title: 'N (parameters)' };
    const color = { field: 'dataset', type: 'nominal' as const, title: 'losses' };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: 'Paper A Fig. 2a: loss is a clean power law; N^α(L − E) is nearly constant',
        subtitle: 'fit by profile least squares over α (E, A by OLS at each α); curves are computed in the loss stage',
      },
      config: { ...baseConfig, legend: { ...baseConfig.legend, orient: 'bottom', labelLimit: 420, columns: 1 } },
      hconcat: [
        {
          width: 300,
          height: 260,
          layer: [
            {
              data: { values: curves },
              mark: { type: 'line' },
              encoding: { x, y: { field: 'loss', type: 'quantitative', title: 'loss (nats per token)', scale: { zero: false } }, color },
            },
            {
              data: { values: points },
              mark: { type: 'point', filled: true },
              encoding: { x, y: { field: 'loss', type: 'quantitative' }, color, tooltip: [{ field: 'model' }, { field: 'loss' }] },
            },
          ],
        },
        {
          width: 300,
          height: 260,
          data: { values: constants },
          mark: { type: 'line', point: true },
          encoding: {
            x,
            y: { field: 'value', type: 'quantitative', title: 'N^α (L − E)', scale: { zero: false } },
            color,
            strokeDash: { field: 'version', type: 'nominal', title: 'E and α' },
            tooltip: [{ field: 'model' }, { field: 'version' }, { field: 'value', format: '.2f' }],
          },
        },
      ],
    };
  },
};

export default figure;
