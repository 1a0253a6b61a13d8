/** The Diagnose tab: a pasted family (or one from the dataset) diagnosed in the page by the pipeline's own code. */
import { BENCHMARKS } from '../../pipeline/config.ts';
import { diagnoseFamily } from '../../pipeline/diagnose.ts';
import { parseFamily } from '../../pipeline/family-input.ts';
import { importedFamilyCsv, importLmEval } from '../../pipeline/import/lm-eval.ts';
import { InputErrors } from '../../pipeline/io/validate.ts';
import { createRng } from '../../pipeline/stats/rng.ts';
import type { Model, PanelName } from '../../pipeline/types.ts';
import { familyCsv } from '../family-csv.ts';
import type { Parts } from '../parts.ts';
import type { TabContext } from '../tab-def.ts';
import { h, labelled, section, select } from '../ui/dom.ts';
import { g12Chart, placementChart, renderDiagnosis } from './diagnosis-view.ts';

export const charts = { g12: g12Chart, placement: placementChart };

/** The label parse errors carry, so a message reads "pasted input:3: column …". */
export const PASTE_LABEL = 'pasted input';

function showErrors(out: HTMLElement, e: InputErrors, text: string, what = 'The pasted family'): void {
  const lines = text.split(/\r?\n/);
  out.replaceChildren(
    h(
      'div',
      { class: 'input-errors', role: 'alert' },
      h('h3', {}, `${what} could not be read: ${e.errors.length} problem${e.errors.length === 1 ? '' : 's'}. Nothing was diagnosed.`),
      h(
        'ul',
        {},
        e.errors.map((x) =>
          h(
            'li',
            { 'data-line': x.line, 'data-column': x.column },
            // A JSON results file has no line: its errors name the file and the JSON path instead.
            h('strong', {}, x.line > 0 ? `Line ${x.line}${x.column ? `, column "${x.column}"` : ''}: ` : `${x.file}${x.column ? `, at ${x.column}` : ''}: `),
            x.message,
            x.line > 0 && lines[x.line - 1] !== undefined ? h('pre', {}, `${x.line} | ${lines[x.line - 1]}`) : null,
          ),
        ),
      ),
    ),
  );
}

/** Runs the pipeline's own diagnosis with the run's config and the CLI's random stream (seed, then fork "diagnose"). */
export function diagnose(
  models: Model[],
  config: Parts['config'],
  reference: Parts['reference'],
  interventions: Parts['interventions'],
  noise: Parts['noise'],
) {
  return diagnoseFamily(models, reference, interventions, config, noise, createRng(config.seed).fork('diagnose'));
}

export async function render(panel: HTMLElement, ctx: TabContext): Promise<void> {
  const [config, panels, example] = [ctx.part('config'), ctx.part('panels'), ctx.part('example')];
  const text = h('textarea', { id: 'diagnose-csv', rows: 10, spellcheck: 'false', 'aria-describedby': 'diag-help', class: 'csv' }) as HTMLTextAreaElement;
  // The label says where the text came from, and stops calling it the example once the user edits it.
  const origin = h('span', { class: 'origin' });
  const fill = (csv: string, from: string) => {
    text.value = csv;
    origin.textContent = from;
  };
  const exampleOrigin = `pre-filled: ${example.label}`;
  fill(example.text, exampleOrigin);
  text.addEventListener('input', () => (origin.textContent = 'your text'));
  const out = h('div', { class: 'diagnose-out', 'aria-live': 'polite' });
  const run = async (models: () => Model[], focus?: string) => {
    let m: Model[];
    try {
      m = models();
    } catch (e) {
      if (!(e instanceof InputErrors)) throw e;
      text.setAttribute('aria-invalid', 'true');
      showErrors(out, e, text.value);
      return;
    }
    text.removeAttribute('aria-invalid');
    await renderDiagnosis(out, diagnose(m, config, ctx.part('reference'), ctx.part('interventions'), ctx.part('noise')), ctx, focus);
  };
  const fromText = () => run(() => parseFamily(text.value, PASTE_LABEL));
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void fromText();
  });

  const panelSel = select(panels.contributed.length > 0 ? ['as published', 'audited', 'contributed'] : ['as published', 'audited'], 'as published');
  const modelSel = select([]);
  const fillModels = () =>
    modelSel.replaceChildren(...panels[panelSel.value as PanelName].map((m) => h('option', { value: m.model }, `${m.model} (${m.family}, ${m.paramsB} B)`)));
  panelSel.addEventListener('change', fillModels);
  fillModels();
  const fromModel = () => {
    const models = panels[panelSel.value as PanelName];
    const m = models.find((x) => x.model === modelSel.value);
    if (!m) return;
    const family = models.filter((x) => x.family === m.family);
    fill(familyCsv(family), `${m.family} from the ${panelSel.value} panel`);
    void run(() => family, m.model);
  };

  // lm-evaluation-harness (or Open LLM Leaderboard v1) result files, read by the same importer as `cape import lm-eval`.
  const files = h('input', { type: 'file', id: 'lmeval-files', multiple: true, accept: '.json,application/json' }) as HTMLInputElement;
  const familyName = h('input', { type: 'text', id: 'lmeval-family', value: 'My family', autocomplete: 'off' }) as HTMLInputElement;
  const sizes = h('input', {
    type: 'text',
    id: 'lmeval-params',
    placeholder: 'pythia-160m=0.16, pythia-410m=0.41',
    autocomplete: 'off',
    'aria-describedby': 'lmeval-help',
  }) as HTMLInputElement;
  const allowShots = h('input', { type: 'checkbox', id: 'lmeval-shots' }) as HTMLInputElement;
  const fromFiles = async (chosen: FileList | null = files.files) => {
    const read = await Promise.all(Array.from(chosen ?? []).map(async (f) => ({ path: f.name, text: await f.text() })));
    if (read.length === 0) return;
    const params: Record<string, number> = {};
    for (const pair of sizes.value.split(/[,\s]+/).filter(Boolean)) {
      const [k, v] = pair.split('=');
      params[k ?? ''] = Number(v);
    }
    try {
      const models = importLmEval(read, {
        family: familyName.value.trim() || 'My family',
        params,
        allowShotsMismatch: allowShots.checked,
        allowMissingStderr: false,
        benchmarks: ctx.part('noise').benchmarks,
      });
      fill(importedFamilyCsv(models, familyName.value.trim() || 'My family'), `imported from ${read.length} results file${read.length === 1 ? '' : 's'}`);
      files.removeAttribute('aria-invalid');
      await fromText();
    } catch (e) {
      if (!(e instanceof InputErrors)) throw e;
      files.setAttribute('aria-invalid', 'true');
      showErrors(out, e, '', `The ${read.length === 1 ? 'results file' : 'results files'}`);
    }
  };
  files.addEventListener('change', () => void fromFiles());
  // Results files dropped on the family box go to the importer, as if chosen with the file button.
  text.addEventListener('dragover', (e) => {
    if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
  });
  text.addEventListener('drop', (e) => {
    if (!e.dataTransfer?.files.length) return;
    e.preventDefault();
    void fromFiles(e.dataTransfer.files);
  });

  panel.append(
    section(
      'Diagnose a family from its scores',
      h(
        'p',
        { id: 'diag-help' },
        'One family as CSV, one model per line, in the schema of data/models.csv: columns ',
        h('code', {}, ['model', 'family', 'params_b', ...BENCHMARKS, 'source'].join(', ')),
        ' (sizes in billions of parameters, scores in percent; a score may be left blank). Add ',
        h('code', {}, 'd_model'),
        ' to get the width-normalised correlation. The diagnosis runs the pipeline’s own code in this page, with this run’s config. Ctrl+Enter diagnoses.',
      ),
      h('div', { class: 'field' }, h('label', { for: text.id }, 'Family CSV (', origin, ')'), text),
      h(
        'div',
        { class: 'controls' },
        h('button', { type: 'button', class: 'primary', id: 'diagnose-run', onclick: () => void fromText() }, 'Diagnose'),
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              fill(example.text, exampleOrigin);
              void fromText();
            },
          },
          'Load example',
        ),
      ),
      h('h3', {}, 'Or import lm-evaluation-harness results'),
      h(
        'p',
        { id: 'lmeval-help' },
        'Choose one or more results JSON files, or drop them on the family box (lm-evaluation-harness 0.3 or 0.4, or Open LLM Leaderboard v1 per-model files; a model’s HellaSwag and TruthfulQA may come from separate files). Give each model’s size in billions as name=size, the name being the last part of its id. The files are read in this page only, by the same importer as ',
        h('code', {}, 'cape import lm-eval'),
        '.',
      ),
      h('div', { class: 'controls' }, labelled('Results files', files), labelled('Family name', familyName), labelled('Sizes (B params)', sizes)),
      h(
        'div',
        { class: 'controls' },
        h('label', {}, allowShots, ' keep scores run with other shots than the panel’s, noted in each row'),
        h('button', { type: 'button', id: 'lmeval-run', onclick: () => void fromFiles() }, 'Import and diagnose'),
      ),
      h('h3', {}, 'Or pick a model from the dataset'),
      h(
        'div',
        { class: 'controls' },
        labelled('Panel', panelSel),
        labelled('Model', modelSel),
        h('button', { type: 'button', id: 'diagnose-model', onclick: fromModel }, 'Diagnose its family'),
      ),
    ),
    section('Diagnosis', out),
  );
  await fromText();
}
