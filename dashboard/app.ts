/** Entry point of the browser bundle: the header from the run's facts embedded in index.html, then the tabs of tabs/registry.ts. */
import type { SiteMeta } from './tab-def.ts';
import { TABS } from './tabs/registry.ts';
import { h } from './ui/dom.ts';
import { mountTabs } from './ui/tabs.ts';

function main(): void {
  const meta = JSON.parse(document.getElementById('cape-meta')!.textContent!) as SiteMeta;
  document.getElementById('boot')?.remove();
  document
    .getElementById('header')!
    .append(
      h('h1', {}, 'cape-repro dashboard'),
      h(
        'p',
        { class: 'version' },
        'Result version ',
        h('code', { id: 'result-version' }, meta.version),
        meta.created ? ` · created ${meta.created.slice(0, 10)}` : '',
        meta.gitCommit ? ` · code ${meta.gitCommit.slice(0, 12)}${meta.gitCommit.includes('uncommitted') ? ' (with uncommitted changes)' : ''}` : '',
        ' · seed ',
        h('code', {}, meta.seed),
      ),
      h(
        'p',
        { class: 'muted' },
        'Every number on this page is read from this result folder or computed in your browser by the pipeline’s own code with the run’s config. ',
        h('a', { href: '../REPORT.md' }, 'REPORT.md'),
        ' · ',
        h('a', { href: '../claims.csv' }, 'claims.csv'),
      ),
    );
  mountTabs(document.getElementById('app')!, TABS, meta);
}

main();
