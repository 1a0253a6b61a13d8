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

export function parseCsv(text: string, file: string): CsvDocument {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quotedCell = false;
  const endCell = () => {
    cells.push(quotedCell ? cell : cell.trim());
    cell = '';
    quotedCell = false;
  };
  const endRecord = () => {
    endCell();
    const blank = cells.length === 1 && cells[0] === '';
    if (!blank) rows.push({ line: recordLine, cells });
    cells = [];
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (cell.trim() !== '') throw new CsvSyntaxError(file, line, 'a quote inside an unquoted field');
      cell = '';
      inQuotes = true;
      quotedCell = true;
    } else if (ch === ',') endCell();
    else if (ch === '\r' && body[i + 1] === '\n') continue;
    else if (ch === '\n' || ch === '\r') {
      endRecord();
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (inQuotes) throw new CsvSyntaxError(file, recordLine, 'a quoted field is never closed');
  if (cell !== '' || cells.length > 0) endRecord();
  const first = rows.shift();
  if (!first) throw new CsvSyntaxError(file, 1, 'the file is empty; expected a header row');
  return { header: first.cells, records: rows };
}
