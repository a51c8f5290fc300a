/** A1 notation: column letters, cell and range references, sheet-qualified references. */

export const RANGE_NOT_FOUND = 'Range not found';

/** 1 → A, 26 → Z, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A → 1, AA → 27 (case-insensitive). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

export function rangeA1(row: number, column: number, numRows: number, numColumns: number): string {
  const start = cellA1(row, column);
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${cellA1(row + numRows - 1, column + numColumns - 1)}`;
}

/**
 * A parsed reference. Open ends (`A:A`, `2:3`, `A2:B`) are `undefined` and resolved against the
 * sheet's size by the caller.
 */
export interface A1Ref {
  readonly sheetName?: string;
  readonly startRow?: number;
  readonly startColumn?: number;
  readonly endRow?: number;
  readonly endColumn?: number;
}

const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parsePart(part: string): { row?: number; column?: number } | undefined {
  const m = PART.exec(part);
  if (!m || (!m[1] && !m[2])) return undefined;
  const row = m[2] ? Number(m[2]) : undefined;
  if (row === 0) return undefined;
  return { row, column: m[1] ? columnNumber(m[1]) : undefined };
}

/** Splits `'My sheet'!A1:B2` / `Sheet1!A1` into the sheet name and the reference. */
export function splitSheet(a1: string): { sheetName?: string; ref: string } {
  const text = a1.trim();
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { ref: text };
  let name = text.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) {
    name = name.slice(1, -1).replace(/''/g, "'");
  }
  return { sheetName: name, ref: text.slice(bang + 1) };
}

/** Parses an A1 reference, or throws Apps Script's "Range not found". */
export function parseA1(a1: string): A1Ref {
  if (typeof a1 !== 'string' || a1.trim() === '') throw new Error(RANGE_NOT_FOUND);
  const { sheetName, ref } = splitSheet(a1);
  const parts = ref.split(':');
  if (parts.length > 2) throw new Error(RANGE_NOT_FOUND);
  const a = parsePart(parts[0] ?? '');
  const b = parts.length === 2 ? parsePart(parts[1] ?? '') : a;
  if (!a || !b) throw new Error(RANGE_NOT_FOUND);
  if (parts.length === 1 && (a.row === undefined || a.column === undefined)) {
    throw new Error(RANGE_NOT_FOUND);
  }
  // `A:1` mixes a column with a row: not a reference.
  if ((a.column === undefined) !== (b.column === undefined) && a.row === undefined) {
    throw new Error(RANGE_NOT_FOUND);
  }
  const rows = [a.row, b.row].filter((r): r is number => r !== undefined);
  const cols = [a.column, b.column].filter((c): c is number => c !== undefined);
  return {
    sheetName,
    startRow: rows.length ? Math.min(...rows) : undefined,
    endRow: rows.length === 2 ? Math.max(...rows) : undefined,
    startColumn: cols.length ? Math.min(...cols) : undefined,
    endColumn: cols.length === 2 ? Math.max(...cols) : undefined,
  };
}

/** Quotes a sheet name for a qualified reference when Sheets would. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
