import { describe, expect, it } from 'vitest';
import { tableToCsv, tableToMarkdown } from '../../pipeline/io/serialize.ts';
import { makeTable } from '../../pipeline/table.ts';

describe('table files', () => {
  const t = makeTable(
    'x',
    'A table',
    [
      ['name', 'name'],
      ['r', 'partial r(HS, TQA | log10 N)'],
      ['n', 'name'],
    ],
    [
      { name: 'plain', r: 0.123456789, n: 3 },
      { name: 'a, "quoted" | piped\nvalue', r: null, n: true },
    ],
  );

  it('writes CSV with key headers, quoting only fields with a quote, comma or line break', () => {
    expect(tableToCsv(t, 3)).toBe('name,r,n\nplain,0.123,3\n"a, ""quoted"" | piped\nvalue",,true\n');
  });

  it('writes Markdown with every column, pipes escaped once and line breaks as spaces', () => {
    expect(tableToMarkdown(t, 3)).toBe(
      '### A table\n\n|name|partial r(HS, TQA \\| log10 N)|name|\n|:-|:-|:-|\n|plain|0.123|3|\n|a, "quoted" \\| piped value||true|\n',
    );
  });

  it('writes every row of a long table to Markdown', () => {
    const long = makeTable(
      'y',
      'Long',
      [['i', 'i']],
      Array.from({ length: 250 }, (_, i) => ({ i })),
    );
    const rows = tableToMarkdown(long, 6).trimEnd().split('\n').slice(4);
    expect(rows).toHaveLength(250);
    expect(rows.at(-1)).toBe('|249|');
  });
});
