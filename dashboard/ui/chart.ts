import embed, { vega, type Result, type VisualizationSpec } from 'vega-embed';
import { h } from './dom.ts';

/** Charts render as SVG (crisp, countable marks) with tooltips; only the offline export actions are offered. */
const OPTIONS = {
  renderer: 'svg' as const,
  actions: { export: true, source: false, compiled: false, editor: false },
  logLevel: vega.Error,
  tooltip: { theme: 'light' },
};

/** A figure container with an accessible name; call `draw` to (re)render a spec into it. */
export class Chart {
  readonly el: HTMLElement;
  private current: Result | null = null;

  constructor(label: string) {
    this.el = h('div', { class: 'chart', role: 'figure', 'aria-label': label });
  }

  async draw(spec: object): Promise<Result> {
    this.current?.finalize();
    this.current = await embed(this.el, spec as VisualizationSpec, { ...OPTIONS, downloadFileName: this.el.getAttribute('aria-label')?.replace(/[^a-z0-9]+/gi, '-') ?? 'chart' });
    return this.current;
  }

  get view() {
    return this.current?.view ?? null;
  }
}

/** Appends a chart to `parent` (vega measures text in the live page) and draws `spec` into it. */
export async function addChart(parent: HTMLElement, spec: object, label: string): Promise<Chart> {
  const c = new Chart(label);
  parent.append(c.el);
  await c.draw(spec);
  return c;
}
