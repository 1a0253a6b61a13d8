import type { Payload } from '../payload.ts';
import { addChart } from './chart.ts';
import { h } from './dom.ts';
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
export async function openSource(data: Payload, kind: SourceKind, id: string, opener?: HTMLElement): Promise<void> {
  const d = ensureDialog();
  d.replaceChildren();
  const close = h('button', { type: 'button', class: 'close', onclick: () => d.close() }, 'Close');
  const file = kind === 'table' ? `../tables/${id}.csv` : `../figures/${id}.vl.json`;
  const body = h('div', { class: 'source-body' });
  d.append(h('div', { class: 'source-head' }, h('h2', { id: 'source-title' }, `${kind === 'table' ? 'Table' : 'Figure'} ${id}`), close), h('p', {}, h('a', { href: file }, `${file.slice(3)} in the result folder`)), body);
  d.addEventListener('close', () => opener?.focus(), { once: true });
  d.showModal();
  close.focus();
  if (kind === 'table') {
    const t = data.tables[id];
    body.append(t ? renderTable(t) : h('p', {}, `No table ${id} in this result folder.`));
  } else {
    const spec = data.figures[id];
    if (spec) await addChart(body, spec, id);
    else body.append(h('p', {}, `No figure ${id} in this result folder.`));
  }
}

/** A button that looks like a link and opens a source in the dialog. */
export function sourceButton(data: Payload, kind: SourceKind, id: string, text = id): HTMLButtonElement {
  const b: HTMLButtonElement = h('button', { type: 'button', class: 'linklike', 'data-source': `${kind}:${id}` }, text);
  b.addEventListener('click', () => void openSource(data, kind, id, b));
  return b;
}
