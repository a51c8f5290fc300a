import { normalizeHeader, type SheetSpec } from './columns';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Where each known column sits (0-based), found by header. */
export interface HeaderMap<K extends string> {
  readonly index: Partial<Record<K, number>>;
  readonly missing: readonly K[];
  /** Number of header cells, including the owner's own columns. */
  readonly width: number;
}

export function mapHeaders<K extends string>(
  spec: SheetSpec<K>,
  headerRow: readonly unknown[],
): HeaderMap<K> {
  const position = new Map<string, number>();
  headerRow.forEach((cell, i) => {
    const norm = normalizeHeader(cell);
    if (norm && !position.has(norm)) position.set(norm, i);
  });
  const index: Partial<Record<K, number>> = {};
  const missing: K[] = [];
  for (const column of spec.columns) {
    const found = [column.header, ...(column.aliases ?? [])]
      .map((h) => position.get(normalizeHeader(h)))
      .find((i) => i !== undefined);
    if (found === undefined) missing.push(column.key);
    else index[column.key] = found;
  }
  return { index, missing, width: headerRow.length };
}

/** Finds a sheet by its Japanese name, then by its aliases. One call when the sheet is there. */
export function findSheet(ss: Spreadsheet, spec: SheetSpec): Sheet | null {
  for (const name of [spec.name, ...(spec.aliases ?? [])]) {
    const sheet = ss.getSheetByName(name);
    if (sheet) return sheet;
  }
  return null;
}

export interface TableRow<K extends string> {
  /** 1-based sheet row number. */
  readonly rowNumber: number;
  readonly values: Readonly<Record<K, unknown>>;
}

export interface Table<K extends string> {
  readonly sheet: Sheet;
  readonly headers: HeaderMap<K>;
  /** Data rows below the header; rows that are entirely empty are left out. */
  readonly rows: readonly TableRow<K>[];
  /** Rows in the data range, including the header row. */
  readonly height: number;
}

/** Reads the whole table with one batched read (two calls). */
export function readTable<K extends string>(sheet: Sheet, spec: SheetSpec<K>): Table<K> {
  const grid = sheet.getDataRange().getValues();
  const headers = mapHeaders(spec, grid[0] ?? []);
  const rows: TableRow<K>[] = [];
  for (let r = 1; r < grid.length; r++) {
    const raw = grid[r] ?? [];
    if (raw.every((cell) => cell === '' || cell === null)) continue;
    const values = {} as Record<K, unknown>;
    for (const column of spec.columns) {
      const i = headers.index[column.key];
      values[column.key] = i === undefined ? '' : (raw[i] ?? '');
    }
    rows.push({ rowNumber: r + 1, values });
  }
  return { sheet, headers, rows, height: grid.length };
}

/**
 * Writes new values into one column for the given rows, as one read-free batched write of the
 * column's span (two calls however many rows change). Cells between changed rows keep their
 * values because they are written back as read.
 */
export function writeColumn<K extends string>(
  table: Table<K>,
  key: K,
  updates: ReadonlyMap<number, unknown>,
): void {
  if (updates.size === 0) return;
  const col = table.headers.index[key];
  if (col === undefined) throw new Error(`Column ${key} is missing in ${table.sheet.getName()}`);
  const rowNumbers = [...updates.keys()];
  const first = Math.min(...rowNumbers);
  const last = Math.max(...rowNumbers);
  const byRow = new Map(table.rows.map((r) => [r.rowNumber, r.values[key]]));
  const column: unknown[][] = [];
  for (let r = first; r <= last; r++) {
    column.push([updates.has(r) ? updates.get(r) : (byRow.get(r) ?? '')]);
  }
  table.sheet.getRange(first, col + 1, column.length, 1).setValues(column);
}

/** A sheet row in the table's column order; the owner's own columns and unknown keys stay empty. */
export function rowFor<K extends string>(
  headers: HeaderMap<K>,
  values: Partial<Record<K, unknown>>,
): unknown[] {
  const row: unknown[] = new Array(Math.max(headers.width, 1)).fill('');
  for (const [key, value] of Object.entries(values)) {
    const col = headers.index[key as K];
    if (col !== undefined && value !== undefined) row[col] = value;
  }
  return row;
}

/**
 * Appends records below the last row of the data range as one batched write (plus one call to
 * check the sheet has room, and one more to add rows when it has not). Returns the sheet row of
 * the first record (the table's `height` + 1).
 */
export function appendRecords<K extends string>(
  table: Pick<Table<K>, 'sheet' | 'headers' | 'height'>,
  records: readonly Partial<Record<K, unknown>>[],
): number {
  const first = Math.max(table.height, 1) + 1;
  if (records.length === 0) return first;
  const block = records.map((r) => rowFor(table.headers, r));
  // Unlike appendRow, a range past the sheet's last row is refused: add the rows first.
  const maxRows = table.sheet.getMaxRows();
  const last = first + block.length - 1;
  if (last > maxRows) table.sheet.insertRowsAfter(maxRows, last - maxRows);
  table.sheet.getRange(first, 1, block.length, block[0]!.length).setValues(block);
  return first;
}

/** Only the header row, to append to a long sheet (a log) without reading it: three calls. */
export function readHeaderRow<K extends string>(sheet: Sheet, spec: SheetSpec<K>): HeaderMap<K> {
  const width = Math.max(sheet.getLastColumn(), 1);
  return mapHeaders(spec, sheet.getRange(1, 1, 1, width).getValues()[0] ?? []);
}
