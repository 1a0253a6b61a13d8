import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from '../../pipeline/io/csv.ts';
import { tableToCsv } from '../../pipeline/io/serialize.ts';
import { makeTable } from '../../pipeline/table.ts';

describe('CSV reader', () => {
  it('strips a byte-order mark, accepts CRLF and ignores trailing blank lines', () => {
    const doc = parseCsv('\uFEFFa,b\r\n1,2\r\n3,4\r\n\r\n\n', 'f.csv');
    expect(doc.header).toEqual(['a', 'b']);
    expect(doc.records.map((r) => r.cells)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps quoted commas, doubled quotes and newlines, and reports the line each record starts on', () => {
    const doc = parseCsv('a,b\n"x, y","say ""hi"""\n"two\nlines",z\nlast,1\n', 'f.csv');
    expect(doc.records[0]!.cells).toEqual(['x, y', 'say "hi"']);
    expect(doc.records[1]!.cells).toEqual(['two\nlines', 'z']);
    expect(doc.records.map((r) => r.line)).toEqual([2, 3, 5]);
  });

  it('rejects an unterminated quote with the line where the field began', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n', 'bad.csv')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\n1,"open\n2,3\n', 'bad.csv')).toThrow(/bad\.csv:2:/);
  });

  it('reads back what the table writer writes, values that need quoting included, under the column keys', () => {
    const text = tableToCsv(
      makeTable(
        't',
        't',
        [
          ['a_key', 'label, a'],
          ['b', 'b'],
        ],
        [{ a_key: 'x,y', b: 'q"q' }],
      ),
      6,
    );
    const doc = parseCsv(text, 'f');
    expect(doc.header).toEqual(['a_key', 'b']);
    expect(doc.records[0]!.cells).toEqual(['x,y', 'q"q']);
  });
});
