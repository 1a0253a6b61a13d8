/** The dialog that shows one result table or figure (a ledger row's evidence), loaded when opened. */
import type { Table } from '../../pipeline/types.ts';
import type { ChartFile } from '../chart-file.ts';
import { addChart } from './chart.ts';
import { h } from './dom.ts';
import { DATA_FILES, loadJson } from './load.ts';
import { renderTable } from './table.ts';

export type SourceKind = 'table' | 'figure';

let dialog: HTMLDialogElement | null = null;

function ensureDialog(): HTMLDialogElement {
  if (dialog) return dialog;
  dialog = h('dialog', { class: 'source-dialog', 'aria-labelledby': 'source-title' });
  document.body.append(dialog);
  return dialog;
}

/** Shows one table or figure of the result folder in a modal dialog; Escape or Close returns focus to the opener. */
export async function openSource(kind: SourceKind, id: string, opener?: HTMLElement): Promise<void> {
  const d = ensureDialog();
  d.replaceChildren();
  const close = h('button', { type: 'button', class: 'close', onclick: () => d.close() }, 'Close');
  const file = kind === 'table' ? `../tables/${id}.csv` : `../figures/${id}.vl.json`;
  const body = h('div', { class: 'source-body', 'aria-busy': 'true' }, h('p', {}, 'Loading…'));
  d.append(
    h('div', { class: 'source-head' }, h('h2', { id: 'source-title' }, `${kind === 'table' ? 'Table' : 'Figure'} ${id}`), close),
    h('p', {}, h('a', { href: file }, `${file.slice(3)} in the result folder`)),
    body,
  );
  d.addEventListener('close', () => opener?.focus(), { once: true });
  d.showModal();
  close.focus();
  const source = await loadJson<Table | ChartFile>(kind === 'table' ? DATA_FILES.table(id) : DATA_FILES.figure(id)).catch(() => null);
  body.replaceChildren();
  if (source === null) body.append(h('p', {}, `No ${kind} ${id} in this result folder.`));
  else if (kind === 'table') body.append(renderTable(source as Table));
  else await addChart(body, source as ChartFile);
  body.removeAttribute('aria-busy');
}

/** A button that looks like a link and opens a source in the dialog. */
export function sourceButton(kind: SourceKind, id: string, text = id): HTMLButtonElement {
  const b: HTMLButtonElement = h('button', { type: 'button', class: 'linklike', 'data-source': `${kind}:${id}` }, text);
  b.addEventListener('click', () => void openSource(kind, id, b));
  return b;
}
