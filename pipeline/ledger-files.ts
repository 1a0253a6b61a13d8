/** claims.csv and claims.md: the ledger table, with the status rules, counts and meanings above the rows. */
import { ledgerTable, type Ledger } from './claims.ts';
import { tableToCsv, tableToMarkdown } from './io/serialize.ts';
import { LEDGER_RULES, STATUSES, statusTableMarkdown } from './ledger-statuses.ts';
import type { Table } from './types.ts';

/** The status rules, the counts per paper and what each status means: the head of both claims.md and REPORT.md's ledger section. */
export function statusSection(ledger: Ledger): string {
  return [LEDGER_RULES, '', summaryMarkdown(ledger), statusTableMarkdown(), ''].join('\n');
}

export function summaryMarkdown(ledger: Ledger): string {
  const head = `| paper | ${STATUSES.join(' | ')} | total |\n|:-|${STATUSES.map(() => '-:').join('|')}|-:|`;
  const line = (p: 'A' | 'B') => {
    const counts = STATUSES.map((s) => ledger.summary[p][s]);
    return `| ${p} | ${counts.join(' | ')} | ${counts.reduce((a, b) => a + b, 0)} |`;
  };
  return `${head}\n${line('A')}\n${line('B')}\n`;
}

export function ledgerFiles(ledger: Ledger, digits: number, sensitivity: Table[]): { csv: string; md: string } {
  const table = ledgerTable(ledger);
  const intro = [
    '# Claims ledger',
    '',
    'Every number printed in Paper A (arXiv 2605.18838) and Paper B (arXiv 2605.18840), as listed in data/claims.csv, against the value this pipeline regenerates.',
    'A regenerated value matches when it rounds to the printed digits. Variants: *as described* follows the paper text, *as coded* follows the authors’ released scripts, *audited* uses the audited panel, *released measurement* reads the authors’ released result files.',
    '',
    '## Status counts',
    '',
    statusSection(ledger),
  ].join('\n');
  const byPaper = (['A', 'B'] as const)
    .map((p) => {
      const rows = table.rows.filter((r) => r.paper === p);
      const md = tableToMarkdown(
        {
          ...table,
          title: `Paper ${p}`,
          rows,
          columns: table.columns.filter((c) =>
            [
              'id',
              'location',
              'unit',
              'published',
              'published_low',
              'published_high',
              'regenerated',
              'regenerated_low',
              'regenerated_high',
              'variant',
              'status',
              'cause',
            ].includes(c.key),
          ),
        },
        digits,
      );
      return md.replace(/^### /, '## ');
    })
    .join('\n');
  const sens = ['## Sensitivity', '', ...sensitivity.map((t) => tableToMarkdown(t, digits))].join('\n');
  return { csv: tableToCsv(table, digits), md: `${intro}\n${sens}\n${byPaper}` };
}
