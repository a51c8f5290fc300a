/**
 * CSV as RFC 4180 writes it (https://www.rfc-editor.org/rfc/rfc4180): records end with CRLF, a
 * field holding a comma, a double quote, CR or LF is enclosed in double quotes and its quotes
 * doubled. Numbers are written as numbers; text is text.
 *
 * Formula injection (OWASP "CSV Injection"): a spreadsheet opening the file runs a text cell that
 * begins with `=`, `+`, `-`, `@`, a tab or a CR as a formula (`=HYPERLINK(…)`, DDE). Such a
 * text cell gets a leading `'`, which Excel and Google Sheets read as "text follows" and which
 * the accounting software keeps as a character of the name: the owner sees `'=HYPERLINK(…)`
 * and nothing runs. A number cell is never prefixed (a refund of -500 stays the number -500).
 */

/** A cell: text, or a whole number written as such. */
export type CsvCell = string | number;

/**
 * How the bytes are written: UTF-8 with a byte-order mark, or Shift_JIS (Windows' Japanese
 * code page, what Excel in Japan and importers made for it read).
 */
export type CsvEncoding = 'utf-8-bom' | 'shift_jis';

export interface CsvDocument {
  /** Header and records, each ending with CRLF. No byte-order mark: that belongs to the bytes. */
  readonly text: string;
  readonly encoding: CsvEncoding;
  /** Where each data record starts in `text` (index 0 is the first row after the header). */
  readonly recordStarts: readonly number[];
}

const CRLF = '\r\n';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field as written in the file. */
export function csvField(cell: CsvCell): string {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`Not a finite number: ${cell}`);
    return String(cell);
  }
  const safe = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole file: the header, then one record per row, all of the header's width. */
export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  encoding: CsvEncoding,
): CsvDocument {
  const line = (cells: readonly CsvCell[]) => `${cells.map(csvField).join(',')}${CRLF}`;
  let text = line(header);
  const recordStarts: number[] = [];
  for (const row of rows) {
    if (row.length !== header.length)
      throw new RangeError(`A record has ${row.length} fields, the header ${header.length}`);
    recordStarts.push(text.length);
    text += line(row);
  }
  return { text, encoding, recordStarts };
}

/** The data record that holds character `offset` of `doc.text` (-1 for the header). */
export function recordAt(doc: CsvDocument, offset: number): number {
  let low = 0;
  let high = doc.recordStarts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((doc.recordStarts[mid] ?? 0) <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
