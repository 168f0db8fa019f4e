/**
 * CSV as spreadsheets write it (RFC 4180): comma-separated, fields in double quotes when they hold a
 * comma, a quote ("" inside) or a line break; UTF-8, with or without a byte-order mark; CRLF or LF.
 */

/**
 * Splits one CSV record into its cells, honouring double quotes. The delimiter is a comma, or a
 * semicolon for files saved by Excel under Vietnamese regional settings (where the comma is the
 * decimal mark).
 */
export function splitCsvLine(line: string, delimiter: ',' | ';' = ','): string[] {
  const cells: string[] = [];
  let i = 0;
  const n = line.length;
  while (true) {
    if (line.charCodeAt(i) === 34 /* " */) {
      // A quoted cell: copy slices between quotes; "" stands for one quote.
      let cell = '';
      let from = i + 1;
      while (true) {
        const q = line.indexOf('"', from);
        if (q === -1) {
          cell += line.slice(from); // unterminated quote: keep the rest, as spreadsheets do
          i = n;
          break;
        }
        cell += line.slice(from, q);
        if (line.charCodeAt(q + 1) === 34) {
          cell += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the next comma is kept as written.
      const comma = line.indexOf(delimiter, i);
      if (comma === -1) {
        cells.push(cell + line.slice(i));
        return cells;
      }
      cells.push(cell + line.slice(i, comma));
      i = comma + 1;
    } else {
      const comma = line.indexOf(delimiter, i);
      if (comma === -1) {
        cells.push(line.slice(i));
        return cells;
      }
      cells.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

function quotesBetween(text: string, from: number, to: number) {
  let count = 0;
  for (let q = text.indexOf('"', from); q !== -1 && q < to; q = text.indexOf('"', q + 1)) count++;
  return count;
}

/**
 * The records of a CSV text, each with its line number as the user counts rows in a spreadsheet
 * (a record whose quoted cell spans lines counts once, like a spreadsheet row). Blank lines are
 * skipped but still counted, so row numbers match what the user sees.
 */
export function* csvRecords(text: string, delimiter: ',' | ';' = ','): Generator<{ index: number; cells: string[] }> {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineStart = start;
  let quotes = 0;
  let index = 0;
  while (lineStart < text.length) {
    let end = text.indexOf('\n', lineStart);
    if (end === -1) end = text.length;
    quotes += quotesBetween(text, lineStart, end);
    lineStart = end + 1;
    if (quotes % 2 === 1 && end < text.length) continue; // a quoted cell goes on to the next line
    let record = text.slice(start, end);
    if (record.endsWith('\r')) record = record.slice(0, -1);
    start = lineStart;
    quotes = 0;
    if (record.trim() === '') {
      index++;
      continue;
    }
    yield { index: index++, cells: splitCsvLine(record, delimiter) };
  }
}

/** How many non-blank records follow the header, counted without splitting cells. */
export function countCsvDataRecords(text: string): number {
  let records = 0;
  let start = 0;
  let lineStart = 0;
  let quotes = 0;
  while (lineStart < text.length) {
    let end = text.indexOf('\n', lineStart);
    if (end === -1) end = text.length;
    quotes += quotesBetween(text, lineStart, end);
    lineStart = end + 1;
    if (quotes % 2 === 1 && end < text.length) continue;
    if (/\S/.test(text.slice(start, end))) records++;
    start = lineStart;
    quotes = 0;
  }
  return Math.max(0, records - 1);
}

/** The delimiter of a file, judged from its header line. */
export function csvDelimiter(headerLine: string): ',' | ';' {
  return headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';
}

/** One CSV cell as written: quoted when it must be. */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
