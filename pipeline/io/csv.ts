/**
 * A small RFC 4180 reader. Kept in-house because every error message must carry
 * the physical line number of the offending record, which general parsers drop.
 */
export interface CsvRecord {
  /** 1-based line number in the file where the record starts. */
  line: number;
  cells: string[];
}

export interface CsvDocument {
  header: string[];
  records: CsvRecord[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Scans by character code and slices unquoted cells out of the text, so a
 * multi-megabyte table (the whole leaderboard export) parses in one pass
 * without building strings a character at a time.
 */
export function parseCsv(text: string, file: string): CsvDocument {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = body.length;
  const rows: CsvRecord[] = [];
  let cells: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: recordLine, cells });
    cells = [];
  };
  while (i <= n) {
    // One cell starts at i.
    let start = i;
    while (start < n && (body.charCodeAt(start) === 32 || body.charCodeAt(start) === 9)) start++;
    let value: string;
    let j: number;
    if (start < n && body.charCodeAt(start) === QUOTE) {
      let out = '';
      let from = start + 1;
      j = from;
      for (;;) {
        if (j >= n) throw new CsvSyntaxError(file, recordLine, 'a quoted field is never closed');
        const c = body.charCodeAt(j);
        if (c === QUOTE) {
          if (body.charCodeAt(j + 1) === QUOTE) {
            out += body.slice(from, j + 1);
            j += 2;
            from = j;
            continue;
          }
          out += body.slice(from, j);
          j++;
          break;
        }
        if (c === LF) line++;
        j++;
      }
      // Only spaces may follow the closing quote before the separator.
      while (j < n && (body.charCodeAt(j) === 32 || body.charCodeAt(j) === 9)) j++;
      value = out;
    } else {
      j = i;
      while (j < n) {
        const c = body.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR) break;
        if (c === QUOTE) throw new CsvSyntaxError(file, line, 'a quote inside an unquoted field');
        j++;
      }
      value = body.slice(i, j).trim();
    }
    cells.push(value);
    if (j >= n) {
      endRecord();
      break;
    }
    const c = body.charCodeAt(j);
    if (c === COMMA) {
      i = j + 1;
      continue;
    }
    if (c !== LF && c !== CR) throw new CsvSyntaxError(file, line, 'text after the closing quote of a field');
    endRecord();
    i = c === CR && body.charCodeAt(j + 1) === LF ? j + 2 : j + 1;
    line++;
    recordLine = line;
    if (i >= n) break;
  }
  const first = rows.shift();
  if (!first) throw new CsvSyntaxError(file, 1, 'the file is empty; expected a header row');
  return { header: first.cells, records: rows };
}
