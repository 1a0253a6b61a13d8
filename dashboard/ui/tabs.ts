import type { Payload } from '../payload.ts';
import { h } from './dom.ts';

export interface AppContext {
  data: Payload;
  /** Switches tab; `target` is handed to that tab (a claim id for the Claims tab). */
  go(tab: string, target?: string): void;
}

export interface TabController {
  reveal?(target: string): void;
}

export interface TabDef {
  id: string;
  label: string;
  render(panel: HTMLElement, ctx: AppContext): Promise<TabController | void>;
}

interface TabState {
  def: TabDef;
  tab: HTMLButtonElement;
  panel: HTMLElement;
  ready: Promise<TabController | void> | null;
}

/**
 * WAI-ARIA tabs with automatic activation: arrow keys, Home and End move
 * between tabs; each panel renders on first view and is marked
 * data-ready="true" once its charts are drawn (tests and screenshots wait on it).
 */
export function mountTabs(root: HTMLElement, defs: TabDef[], data: Payload): AppContext {
  const list = h('div', { role: 'tablist', 'aria-label': 'Dashboard sections', class: 'tablist' });
  const states: TabState[] = defs.map((def) => ({
    def,
    tab: h('button', { type: 'button', role: 'tab', id: `tab-${def.id}`, 'aria-controls': `panel-${def.id}`, 'aria-selected': 'false', tabindex: -1 }, def.label),
    panel: h('section', { role: 'tabpanel', id: `panel-${def.id}`, 'aria-labelledby': `tab-${def.id}`, tabindex: 0, hidden: true, 'data-ready': 'false' }),
    ready: null,
  }));
  const ctx: AppContext = { data, go: (id, target) => activate(id, target, true) };

  function activate(id: string, target: string | undefined, focusTab: boolean): void {
    const s = states.find((x) => x.def.id === id) ?? states[0]!;
    for (const o of states) {
      const on = o === s;
      o.tab.setAttribute('aria-selected', String(on));
      o.tab.tabIndex = on ? 0 : -1;
      o.panel.hidden = !on;
    }
    if (focusTab) s.tab.focus();
    const hash = `#${s.def.id}${target ? `/${encodeURIComponent(target)}` : ''}`;
    if (location.hash !== hash) history.replaceState(null, '', hash);
    if (!s.ready) {
      s.ready = s.def.render(s.panel, ctx);
      s.ready.then(
        () => s.panel.setAttribute('data-ready', 'true'),
        (e: unknown) => {
          s.panel.setAttribute('data-ready', 'error');
          s.panel.append(h('p', { class: 'error', role: 'alert' }, `This tab could not be drawn: ${e instanceof Error ? e.message : String(e)}`));
          console.error(e);
        },
      );
    }
    if (target) void s.ready.then((c) => c?.reveal?.(target));
  }

  list.addEventListener('keydown', (e) => {
    const i = states.findIndex((s) => s.tab === document.activeElement);
    if (i < 0) return;
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: states.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    activate(states[(next + states.length) % states.length]!.def.id, undefined, true);
  });
  for (const s of states) {
    s.tab.addEventListener('click', () => activate(s.def.id, undefined, false));
    list.append(s.tab);
  }
  root.append(list, ...states.map((s) => s.panel));

  const fromHash = () => {
    const [id, target] = location.hash.slice(1).split('/');
    activate(id ?? '', target ? decodeURIComponent(target) : undefined, false);
  };
  window.addEventListener('hashchange', fromHash);
  fromHash();
  return ctx;
}
