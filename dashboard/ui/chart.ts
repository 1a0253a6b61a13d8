/**
 * Draws a precompiled chart (a ChartFile) with vega: the wide layout where it
 * fits, the narrow one where it does not, redrawn when the window changes
 * size. Each chart is a <figure> named by its title, with its numbers in a
 * table under it and buttons to save it as SVG or PNG.
 */
import { Handler } from 'vega-tooltip';
import type { ChartFile, LiteTitle, VegaData, VegaSpec } from '../chart-file.ts';
import { titleText, wrapTitle } from '../charts/wrap.ts';
import { fmt, h, uid } from './dom.ts';
import { chartNumbers } from './numbers.ts';
import { parse, View } from './vega.ts';

/** Below this container width (px) charts start in their narrow layout; above it a chart is narrowed only if its wide layout does not fit. */
export const NARROW_BELOW = 600;

export type Variant = 'wide' | 'narrow';

/** Narrowest panel (px) a composite is shrunk to before it is scaled instead. */
const MIN_PANEL = 120;

export interface DrawOptions {
  /** Values for the spec's named data sources (charts whose data the page computes). */
  data?: Record<string, unknown[]>;
  /** Replaces the compiled title (charts whose title names what the page computed). */
  title?: LiteTitle;
  /** Parameter values to draw with (filters); they replace values set before. */
  signals?: Record<string, unknown>;
}

type VegaView = InstanceType<typeof View>;

/** The spec of one layout with its data filled in and its title replaced. */
export function instantiate(file: ChartFile, variant: Variant, opts: DrawOptions = {}): VegaSpec {
  const spec = structuredClone(file[variant]);
  for (const d of (spec.data ?? []) as VegaData[]) {
    if (d.values !== undefined || d.source !== undefined || d.url !== undefined) continue;
    const values = opts.data?.[d.name] ?? file.datasets[d.name];
    if (values) d.values = values;
  }
  if (opts.title !== undefined) {
    const t = variant === 'narrow' ? wrapTitle(opts.title) : opts.title;
    const own = typeof spec.title === 'object' && spec.title !== null && !Array.isArray(spec.title) ? spec.title : {};
    spec.title = { ...own, ...(typeof t === 'object' && !Array.isArray(t) ? t : { text: t }) };
  }
  return spec;
}

/** Content width of an element: clientWidth less its horizontal padding. */
function contentWidth(el: HTMLElement): number {
  const s = getComputedStyle(el);
  return el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
}

const live = new Set<Chart>();
let tooltip: Handler | null = null;
let firstDrawn = false;
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
let listening = false;

/** Re-checks every drawn chart's layout against its container (after a resize, or when a hidden tab is shown). */
export function reflowCharts(): void {
  for (const c of live) if (!c.el.isConnected) live.delete(c);
  for (const c of live) void c.reflow();
}

export class Chart {
  readonly el: HTMLElement;
  private readonly canvas: HTMLElement;
  private readonly numbers: HTMLDetailsElement;
  private file: ChartFile | null = null;
  private opts: DrawOptions = {};
  private current: VegaView | null = null;
  private variant: Variant = 'wide';
  /** Width the wide layout took when last drawn; a container narrower than this gets the narrow layout. */
  private wideWidth = 0;
  private readonly signals = new Map<string, unknown>();

  constructor() {
    this.canvas = h('div', { class: 'chart-canvas' });
    this.numbers = h('details', { class: 'numbers' });
    this.el = h('figure', { class: 'chart' }, this.canvas, h('div', { class: 'chart-tools' }, this.numbers, this.saveButton('svg'), this.saveButton('png')));
    if (!listening) {
      listening = true;
      window.addEventListener('resize', () => {
        clearTimeout(resizeTimer);
        resizeTimer = setTimeout(reflowCharts, 150);
      });
    }
    live.add(this);
  }

  get label(): string {
    return this.el.getAttribute('aria-label') ?? '';
  }

  async draw(file: ChartFile, opts: DrawOptions = {}): Promise<void> {
    this.file = file;
    this.opts = opts;
    for (const [k, v] of Object.entries(opts.signals ?? {})) this.signals.set(k, v);
    this.el.setAttribute('aria-label', titleText(opts.title ?? file.title) || file.title);
    await this.render(this.fitting());
  }

  /** Sets a parameter of the drawn chart (a filter), kept across redraws, and refreshes the numbers table. */
  async setSignal(name: string, value: unknown): Promise<void> {
    this.signals.set(name, value);
    if (!this.current) return;
    await this.current.signal(name, value).runAsync();
    this.fillNumbers();
  }

  /** Redraws in the other layout when the container's width calls for it; hidden charts wait until shown. */
  async reflow(): Promise<void> {
    if (!this.file || this.available() <= 0) return;
    const want = this.fitting();
    if (want !== this.variant) await this.render(want);
  }

  private available(): number {
    return this.el.parentElement ? contentWidth(this.el.parentElement) : 0;
  }

  private fitting(): Variant {
    const w = this.available();
    return w < NARROW_BELOW || this.wideWidth > w ? 'narrow' : 'wide';
  }

  private drawnWidth(): number {
    return Number(this.canvas.querySelector('svg')?.getAttribute('width') ?? 0);
  }

  private async render(variant: Variant): Promise<void> {
    this.current?.finalize();
    this.current = null;
    this.canvas.replaceChildren();
    this.variant = variant;
    this.el.classList.toggle('narrow', variant === 'narrow');
    const view = new View(parse(instantiate(this.file!, variant, this.opts) as never), { renderer: 'svg', container: this.canvas, hover: true });
    view.logLevel(1); // errors only
    tooltip ??= new Handler({ theme: 'light' });
    view.tooltip(tooltip.call);
    for (const [k, v] of this.signals) view.signal(k, v);
    await view.runAsync();
    this.current = view;
    if (variant === 'wide') {
      this.wideWidth = this.drawnWidth();
      if (this.wideWidth > this.available() + 1) return this.render('narrow');
    } else await this.fitPanels(view);
    if (!firstDrawn) {
      firstDrawn = true;
      performance.mark('cape:first-chart');
    }
    this.fillNumbers();
  }

  /**
   * A narrow composite (facet, concatenation) whose panels plus axes still
   * exceed the container: its panel widths are parameters of the compiled
   * spec, so they shrink by the excess; what is left over (panels of fixed
   * width) is scaled down to fit.
   */
  private async fitPanels(view: VegaView): Promise<void> {
    const panels = ((this.file!.narrow.signals ?? []) as { name: string; value?: unknown }[])
      .filter((s) => /(^child|^concat_\d+)_width$/.test(s.name) && typeof s.value === 'number')
      .map((s) => s.name);
    for (let i = 0; i < 3 && panels.length; i++) {
      const excess = this.drawnWidth() - this.available();
      if (excess <= 1) break;
      for (const name of panels) view.signal(name, Math.max(MIN_PANEL, (view.signal(name) as number) - excess));
      // resize() makes the view recompute its padding from the new bounds, so titles and axes stay inside the SVG.
      await view.resize().runAsync();
    }
    this.el.classList.toggle('scaled', this.drawnWidth() > this.available() + 1);
  }

  private fillNumbers(): void {
    const view = this.current;
    if (!view) return;
    const { columns, rows } = chartNumbers((view.scenegraph() as unknown as { root: Parameters<typeof chartNumbers>[0] }).root);
    const id = uid('num');
    this.numbers.replaceChildren(
      h('summary', {}, `Numbers in this chart (${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`),
      h(
        'div',
        { class: 'table-wrap', role: 'region', tabindex: 0, 'aria-labelledby': id },
        h(
          'table',
          {},
          h('caption', { id }, `Numbers in “${this.label}”`),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              columns.map((c) => h('th', { scope: 'col' }, c)),
            ),
          ),
          h(
            'tbody',
            {},
            rows.map((r) =>
              h(
                'tr',
                {},
                columns.map((c) => h('td', { class: typeof r[c] === 'number' ? 'num' : null }, fmt(r[c]))),
              ),
            ),
          ),
        ),
      ),
    );
  }

  private saveButton(kind: 'svg' | 'png'): HTMLButtonElement {
    return h(
      'button',
      {
        type: 'button',
        class: 'save',
        onclick: async () => {
          if (!this.current) return;
          const a = h('a', {
            href: await this.current.toImageURL(kind, kind === 'png' ? 2 : 1),
            download: `${this.label.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'chart'}.${kind}`,
          });
          a.click();
        },
      },
      `Save as ${kind.toUpperCase()}`,
    );
  }
}

/** Appends a chart to `parent` (vega measures text in the live page) and draws `file` into it. */
export async function addChart(parent: HTMLElement, file: ChartFile, opts: DrawOptions = {}): Promise<Chart> {
  const c = new Chart();
  parent.append(c.el);
  await c.draw(file, opts);
  return c;
}
