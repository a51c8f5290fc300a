/**
 * CSV text → rows of fields, per RFC 4180: fields separated by commas, records by CRLF (a lone LF
 * or CR is accepted too), a field in double quotes may hold commas, line breaks and doubled quotes
 * (`""` → `"`). The text is already decoded (Apps Script's Utilities decodes Shift_JIS before core
 * sees it); a leading byte-order mark is dropped.
 *
 * Hand-written because the only CSV library in node_modules (fast-csv, which exceljs pulls in) is
 * built on Node streams and cannot run in Apps Script.
 */
import { type Text, text } from '../text';

export type CsvParse =
  | {
      readonly ok: true;
      readonly rows: string[][];
      /** The line of the file (1-based) each row starts on, for messages. */
      readonly rowLines: number[];
    }
  | { readonly ok: false; readonly message: Text };

const BOM = '\ufeff';

export function stripBom(input: string): string {
  return input.startsWith(BOM) ? input.slice(1) : input;
}

/**
 * Parses the whole text. A quoted field still open at the end of the text (a file cut off in the
 * middle of a line) is an error, never a silently shortened last row. A quote inside an unquoted
 * field is kept as a character, as the banks' exports sometimes have one in a description.
 * Blank lines (no characters at all) are skipped.
 */
export function parseCsv(input: string): CsvParse {
  const s = stripBom(input);
  const rows: string[][] = [];
  const rowLines: number[] = [];
  let rowStartLine = 1;
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  let rowHasContent = false;
  let line = 1;
  let quoteOpenedOnLine = 0;
  let i = 0;
  const endRow = () => {
    row.push(field);
    if (rowHasContent) {
      rows.push(row);
      rowLines.push(rowStartLine);
    }
    row = [];
    field = '';
    atFieldStart = true;
    rowHasContent = false;
  };
  while (i < s.length) {
    const c = s.charAt(i);
    if (quoted) {
      if (c === '"' && s.charAt(i + 1) === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        if (c === '\n' || (c === '\r' && s.charAt(i + 1) !== '\n')) line += 1;
        field += c;
        i += 1;
      }
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRow();
      line += 1;
      rowStartLine = line;
      i += c === '\r' && s.charAt(i + 1) === '\n' ? 2 : 1;
      continue;
    }
    rowHasContent = true;
    if (c === '"' && atFieldStart) {
      quoted = true;
      quoteOpenedOnLine = line;
    } else if (c === ',') {
      row.push(field);
      field = '';
      atFieldStart = true;
      i += 1;
      continue;
    } else {
      field += c;
    }
    atFieldStart = false;
    i += 1;
  }
  if (quoted) {
    return {
      ok: false,
      message: text(
        `${quoteOpenedOnLine}行目の「"」が閉じられていません。ファイルが途中で切れている可能性があります`,
        `The quote opened on line ${quoteOpenedOnLine} is never closed: the file may be cut off`,
      ),
    };
  }
  if (rowHasContent) endRow();
  return { ok: true, rows, rowLines };
}
