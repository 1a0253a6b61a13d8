import type { Payload } from './payload.ts';
import { claimsTab } from './tabs/claims.ts';
import { diagnoseTab } from './tabs/diagnose.ts';
import { eigenTab } from './tabs/eigen.ts';
import { frontierTab } from './tabs/frontier.ts';
import { overviewTab } from './tabs/overview.ts';
import { predictTab } from './tabs/predict.ts';
import { h } from './ui/dom.ts';
import { mountTabs } from './ui/tabs.ts';

/** Entry point of the browser bundle: the payload is embedded in index.html, so the page also works from file://. */
function main(): void {
  const data = JSON.parse(document.getElementById('cape-data')!.textContent!) as Payload;
  const header = document.getElementById('header')!;
  header.append(
    h('h1', {}, 'cape-repro dashboard'),
    h(
      'p',
      { class: 'version' },
      'Result version ',
      h('code', { id: 'result-version' }, data.version),
      data.created ? ` · created ${data.created.slice(0, 10)}` : '',
      data.gitCommit ? ` · code ${data.gitCommit.slice(0, 12)}${data.gitCommit.includes('uncommitted') ? ' (with uncommitted changes)' : ''}` : '',
      ' · seed ',
      h('code', {}, data.config.seed),
    ),
    h('p', { class: 'muted' }, 'Every number on this page is read from this result folder or computed in your browser by the pipeline’s own code with the run’s config. ', h('a', { href: '../REPORT.md' }, 'REPORT.md'), ' · ', h('a', { href: '../claims.csv' }, 'claims.csv')),
  );
  mountTabs(document.getElementById('app')!, [overviewTab, diagnoseTab, predictTab, frontierTab, eigenTab, claimsTab], data);
}

main();
