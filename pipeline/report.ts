/** REPORT.md: both papers section by section, with their figures, tables and ledger rows under the ledger's status rules and counts. */
import type { FigureDef } from '../figures/figure.ts';
import type { Ledger, LedgerRow } from './claims.ts';
import { formatCell } from './io/format.ts';
import { tableToMarkdown } from './io/serialize.ts';
import { statusSection } from './ledger-files.ts';
import { STATUSES } from './ledger-statuses.ts';
import type { Table } from './types.ts';

interface Section {
  title: string;
  order: number;
  figures: FigureDef[];
  tables: Table[];
  claims: LedgerRow[];
}

/** Where a claim id ("A.s2_1.x"), table id ("A-s2-…") or figure id ("A-fig1a-…") belongs in the paper. */
export function sectionOf(place: string): { title: string; order: number } {
  let m: RegExpExecArray | null;
  if (/^absv?2?$/.test(place)) return { title: 'Abstract', order: 0 };
  if ((m = /^s(\d+)/.exec(place))) return { title: `Section ${m[1]}`, order: Number(m[1]) };
  if ((m = /^tab(\d+)/.exec(place))) return { title: `Table ${m[1]}`, order: 100 + Number(m[1]) };
  if ((m = /^fig(\d+)/.exec(place))) return { title: `Figure ${m[1]}`, order: 200 + Number(m[1]) };
  if (/^app/.test(place)) return { title: 'Appendix', order: 300 };
  if (place === 'extra') return { title: 'Additional analyses (not in the paper)', order: 400 };
  return { title: 'Other', order: 500 };
}

const INLINE_ROWS = 25;

function sectionsFor(paper: 'A' | 'B', ledger: Ledger, tables: Table[], figures: FigureDef[]): Section[] {
  const map = new Map<string, Section>();
  const at = (place: string) => {
    const s = sectionOf(place);
    if (!map.has(s.title)) map.set(s.title, { ...s, figures: [], tables: [], claims: [] });
    return map.get(s.title)!;
  };
  for (const f of figures.filter((f) => f.paper === paper)) at(f.id.split('-')[1]!).figures.push(f);
  for (const t of tables.filter((t) => t.id.startsWith(`${paper}-`))) at(t.id.split('-')[1]!).tables.push(t);
  for (const r of ledger.rows.filter((r) => r.claim.paper === paper)) at(r.claim.id.split('.')[1]!).claims.push(r);
  return [...map.values()].sort((a, b) => a.order - b.order);
}

function claimTable(rows: LedgerRow[], digits: number): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const published = (r: LedgerRow) =>
    [r.claim.value, r.claim.ciLow || r.claim.ciHigh ? `[${r.claim.ciLow}, ${r.claim.ciHigh}]` : ''].filter(Boolean).join(' ') || 'None';
  const regenerated = (r: LedgerRow) => {
    const d = r.decisive;
    if (!d) return '';
    const interval = d.low !== undefined || d.high !== undefined ? ` [${formatCell(d.low ?? null, 4)}, ${formatCell(d.high ?? null, 4)}]` : '';
    return `${formatCell(d.value, Math.min(digits, 4)) || 'none'}${interval} (${d.variant})`;
  };
  const lines = ['| claim | published | regenerated | status | cause |', '|:-|:-|:-|:-|:-|'];
  for (const r of rows)
    lines.push(
      `| \`${r.claim.id}\` ${cell(r.claim.quantity)} (${cell(r.claim.unit)}) | ${cell(published(r))} | ${cell(regenerated(r))} | **${r.status}** | ${cell(r.cause)} |`,
    );
  return lines.join('\n');
}

function verdict(rows: LedgerRow[]): string {
  const counts = STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length] as const).filter(([, n]) => n > 0);
  return counts.map(([s, n]) => `${n} ${s}`).join(', ');
}

export interface ReportInput {
  version: string;
  ledger: Ledger;
  tables: Table[];
  figures: FigureDef[];
  /** Figure image extension present in the folder ("png" or "svg"). */
  imageExt: 'png' | 'svg';
  digits: number;
  /** The pre-registered out-of-sample test: the registration line, then one sentence per prediction and scoring set. */
  outOfSample: string[];
}

/** REPORT.md: per paper and section, the figures, the tables and the ledger rows, with what matches and why not. */
export function buildReport(input: ReportInput): string {
  const { ledger, tables, figures, imageExt, digits } = input;
  const out: string[] = [
    `# Reproduction report, result version ${input.version}`,
    '',
    'This folder regenerates every table and figure of Paper A (arXiv 2605.18838) and Paper B (arXiv 2605.18840) from the data in `data/`. Each published number is held against the regenerated one in the [claims ledger](claims.md) ([CSV](claims.csv)). *As described* follows the paper’s text, *as coded* the authors’ released scripts, *audited* the audited panel (duplicates removed, misfiled models moved, Open LLM Leaderboard v1 scores).',
    '',
    '## Ledger status counts',
    '',
    statusSection(ledger),
  ];
  out.push(
    '## Out of sample',
    '',
    'The paper’s predictions, written down in data/preregistration.csv before any number below was computed, scored on the base-model families of the Open LLM Leaderboard v1 outside the paper’s panel (scratch-trained primary, derived secondary) and, separately, on the paper’s own families with leaderboard values. Tables: [oos-predictions](tables/oos-predictions.md), [per family](tables/oos-prediction-families.md), [intervals](tables/oos-intervals.md), [N_c](tables/oos-nc.md), [families](tables/oos-families.md).',
    '',
    ...input.outOfSample,
  );
  const general = tables.filter((t) => !/^[AB]-/.test(t.id) && !t.id.startsWith('oos-'));
  if (general.length > 0) {
    out.push('## Data and panels', '');
    for (const t of general) out.push(`- [${t.title}](tables/${t.id}.md) ([CSV](tables/${t.id}.csv), ${t.rows.length} rows)`);
    out.push('');
  }
  for (const paper of ['A', 'B'] as const) {
    out.push(`## Paper ${paper}`, '');
    for (const s of sectionsFor(paper, ledger, tables, figures)) {
      out.push(`### Paper ${paper}, ${s.title}`, '');
      if (s.claims.length > 0) out.push(`Ledger: ${verdict(s.claims)}.`, '');
      for (const f of s.figures)
        out.push(
          `![${f.ref}: ${f.title}](figures/${f.id}.${imageExt})`,
          '',
          `*${f.ref}* (${f.provenance}): ${f.title}. Spec: [figures/${f.id}.vl.json](figures/${f.id}.vl.json).`,
          '',
        );
      for (const t of s.tables) {
        if (t.rows.length <= INLINE_ROWS) out.push(tableToMarkdown(t, digits).replace(/^### /, '#### '), `[CSV](tables/${t.id}.csv)`, '');
        else out.push(`#### ${t.title}`, '', `${t.rows.length} rows: [Markdown](tables/${t.id}.md), [CSV](tables/${t.id}.csv).`, '');
      }
      if (s.claims.length > 0) out.push(claimTable(s.claims, digits), '');
    }
  }
  return out.join('\n');
}
