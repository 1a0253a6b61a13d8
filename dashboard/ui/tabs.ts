/**
 * The tab strip and its navigation. WAI-ARIA tabs with automatic activation
 * (arrow keys, Home and End); each switch is a history entry, so Back and
 * Forward move between tabs; `?tab=id` and `#id` both open a tab and an
 * unknown name gets a one-line notice. A tab's module and data file load when
 * it first opens; its panel is marked data-ready="true" once drawn (tests and
 * screenshots wait on it).
 */
import type { TabContext, TabController, TabData, TabDef, SiteMeta } from '../tab-def.ts';
import { reflowCharts } from './chart.ts';
import { h } from './dom.ts';
import { DATA_FILES, loadJson } from './load.ts';

interface TabState {
  def: TabDef;
  tab: HTMLButtonElement;
  panel: HTMLElement;
  ready: Promise<TabController | void> | null;
}

type HistoryMode = 'push' | 'replace' | 'keep';

/** The tab and target a URL asks for: the hash (#claims/A.abs.nc) first, then ?tab=, else none. */
export function requestedTab(url: URL): { id: string; target?: string } | null {
  const [id, target] = url.hash.slice(1).split('/');
  if (id) return { id: decodeURIComponent(id), ...(target ? { target: decodeURIComponent(target) } : {}) };
  const q = url.searchParams.get('tab');
  return q ? { id: q } : null;
}

/** The canonical URL of a tab: the page's own query without `tab`, and the tab in the hash. */
function urlOf(id: string, target: string | undefined): string {
  const url = new URL(location.href);
  url.searchParams.delete('tab');
  url.hash = `${id}${target ? `/${encodeURIComponent(target)}` : ''}`;
  return url.href;
}

function contextOf(def: TabDef, data: TabData, meta: SiteMeta, go: TabContext['go']): TabContext {
  const listed = (kind: string, id: string) => new Error(`tab "${def.id}" reads ${kind} "${id}" but does not list it in dashboard/tabs/registry.ts`);
  return {
    meta,
    go,
    table: (id) =>
      data.tables[id] ??
      (() => {
        throw listed('table', id);
      })(),
    figure: (id) => {
      if (!def.figures?.includes(id)) throw listed('figure', id);
      return data.figures[id];
    },
    chart: (id) =>
      data.charts[id] ??
      (() => {
        throw listed('chart', id);
      })(),
    part: (name) => {
      if (!(name in data.parts)) throw listed('part', name);
      return data.parts[name]!;
    },
  };
}

export function mountTabs(root: HTMLElement, defs: TabDef[], meta: SiteMeta): void {
  const notice = h('p', { class: 'notice', role: 'status' });
  const list = h('div', { role: 'tablist', 'aria-label': 'Dashboard sections', class: 'tablist' });
  const states: TabState[] = defs.map((def) => ({
    def,
    tab: h(
      'button',
      { type: 'button', role: 'tab', id: `tab-${def.id}`, 'aria-controls': `panel-${def.id}`, 'aria-selected': 'false', tabindex: -1 },
      def.title,
    ),
    panel: h('section', { role: 'tabpanel', id: `panel-${def.id}`, 'aria-labelledby': `tab-${def.id}`, tabindex: 0, hidden: true, 'data-ready': 'false' }),
    ready: null,
  }));
  const go = (id: string, target?: string) => activate(id, target, 'push', true);
  /** The URL the tabs last showed; see `follow` below. */
  let lastUrl = '';

  function load(s: TabState): Promise<TabController | void> {
    s.panel.setAttribute('aria-busy', 'true');
    const loading = h('p', { class: 'loading' }, `Loading ${s.def.title}…`);
    s.panel.append(loading);
    const ready = Promise.all([s.def.load(), loadJson<TabData>(DATA_FILES.tab(s.def.id))]).then(([mod, data]) => {
      loading.remove();
      return mod.render(s.panel, contextOf(s.def, data, meta, go));
    });
    ready.then(
      () => s.panel.setAttribute('data-ready', 'true'),
      (e: unknown) => {
        loading.remove();
        s.panel.setAttribute('data-ready', 'error');
        s.panel.append(h('p', { class: 'error', role: 'alert' }, `This tab could not be drawn: ${e instanceof Error ? e.message : String(e)}`));
        console.error(e);
      },
    );
    void ready.finally(() => s.panel.removeAttribute('aria-busy')).catch(() => undefined);
    return ready;
  }

  function activate(id: string, target: string | undefined, mode: HistoryMode, focusTab: boolean): void {
    const known = states.find((x) => x.def.id === id);
    const s = known ?? states[0]!;
    notice.textContent = known ? '' : `There is no tab “${id}”; showing ${s.def.title}.`;
    notice.hidden = !!known;
    for (const o of states) {
      const on = o === s;
      o.tab.setAttribute('aria-selected', String(on));
      o.tab.tabIndex = on ? 0 : -1;
      o.panel.hidden = !on;
    }
    if (focusTab) s.tab.focus();
    if (known && mode !== 'keep') {
      const url = urlOf(s.def.id, target);
      if (url !== location.href) history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', url);
    }
    lastUrl = location.href;
    s.ready ??= load(s);
    void s.ready.then(
      (c) => {
        reflowCharts();
        if (target) c?.reveal?.(target);
      },
      () => undefined,
    );
  }

  list.addEventListener('keydown', (e) => {
    const i = states.findIndex((s) => s.tab === document.activeElement);
    if (i < 0) return;
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: states.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    activate(states[(next + states.length) % states.length]!.def.id, undefined, 'push', true);
  });
  for (const s of states) {
    s.tab.addEventListener('click', () => activate(s.def.id, undefined, 'push', false));
    list.append(s.tab);
  }
  notice.hidden = true;
  root.append(notice, list, ...states.map((s) => s.panel));

  // Back, Forward and in-page links (#claims/<id>) change the URL themselves: follow it without a new entry.
  // Chromium fires both popstate and hashchange for one fragment change, hence the check against the last URL seen.
  // A hash that names another element of the page (the skip link's #app) is an anchor, not a tab.
  const route = (mode: HistoryMode) => {
    const want = requestedTab(new URL(location.href));
    const anchor = want && !states.some((s) => s.def.id === want.id) && document.getElementById(want.id) !== null;
    if (anchor && lastUrl) return;
    activate(want && !anchor ? want.id : defs[0]!.id, want?.target, anchor ? 'keep' : mode, false);
  };
  const follow = () => {
    if (location.href !== lastUrl) route('keep');
  };
  window.addEventListener('popstate', follow);
  window.addEventListener('hashchange', follow);
  route('replace');
}
