/** Small DOM helpers for the browser code: element creation, number formatting, labelled controls, badges. */
type Attr = string | number | boolean | null | undefined | ((e: Event) => void);
export type Child = Node | string | number | null | undefined | false;

/** Creates an element: "on…" attributes become listeners, true becomes an empty attribute, false and null are left out. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, Attr> = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children.flat());
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'number' ? String(c) : c);
}

/** A number at `digits` significant digits without trailing zeros; '—' for a missing value. */
export function fmt(x: unknown, digits = 4): string {
  if (typeof x !== 'number') return x === null || x === undefined || x === '' ? '—' : String(x);
  if (!Number.isFinite(x)) return '—';
  if (Number.isInteger(x) && Math.abs(x) < 1e6) return String(x);
  return String(Number(x.toPrecision(digits)));
}

export const signed = (x: number | null | undefined, digits = 3): string =>
  typeof x === 'number' && Number.isFinite(x) ? (x > 0 ? '+' : '') + fmt(x, digits) : '—';

let ids = 0;
/** A page-unique id for label/aria wiring. */
export const uid = (prefix: string): string => `${prefix}-${++ids}`;

export function section(title: string, ...children: (Child | Child[])[]): HTMLElement {
  const id = uid('sec');
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** A labelled form control: the label element owns the text so screen readers announce it. */
export function labelled(text: string, control: HTMLElement): HTMLElement {
  const id = control.id || uid('ctl');
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, text), control);
}

export function select(options: (string | [string, string])[], value?: string): HTMLSelectElement {
  const el = h('select');
  for (const o of options) {
    const [v, text] = typeof o === 'string' ? [o, o] : o;
    el.append(h('option', { value: v, selected: v === value }, text));
  }
  return el;
}

export function badge(text: string, kind: string): HTMLElement {
  return h('span', { class: `badge badge-${kind.replace(/[^a-z0-9-]/gi, '-').toLowerCase()}` }, text);
}
