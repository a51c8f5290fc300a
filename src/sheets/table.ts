import { normalizeHeader, type SheetSpec } from './columns';

type Range = GoogleAppsScript.Spreadsheet.Range;
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
  /** The sheet (a table read in a batch looks it up on first use: one call). */
  readonly sheet: Sheet;
  readonly headers: HeaderMap<K>;
  /** Data rows below the header; rows that are entirely empty are left out. */
  readonly rows: readonly TableRow<K>[];
  /** Rows in the data range, including the header row. */
  readonly height: number;
  /** The sheet's rows (empty ones included) when it was read, if the read told. */
  readonly maxRows?: number;
  /** A block of the sheet by 1-based position, to write to: one call. */
  range(row: number, column: number, numRows: number, numColumns: number): Range;
}

/** How a table reaches its sheet to write. */
export interface SheetAccess {
  readonly sheet: () => Sheet;
  readonly range: Table<string>['range'];
  readonly maxRows?: number;
}

/** The table in a grid of values read from a sheet (the header row first). */
export function tableOf<K extends string>(
  grid: readonly (readonly unknown[])[],
  spec: SheetSpec<K>,
  access: SheetAccess,
): Table<K> {
  // As wide as the data range: rows read through the Sheets API end at their last value.
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  const headerRow = [...(grid[0] ?? [])];
  while (headerRow.length < width) headerRow.push('');
  const headers = mapHeaders(spec, headerRow);
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
  let sheet: Sheet | undefined;
  return {
    get sheet() {
      sheet ??= access.sheet();
      return sheet;
    },
    headers,
    rows,
    height: Math.max(grid.length, 1),
    ...(access.maxRows === undefined ? {} : { maxRows: access.maxRows }),
    range: access.range,
  };
}

/** Reads the whole table with one batched read (two calls). */
export function readTable<K extends string>(sheet: Sheet, spec: SheetSpec<K>): Table<K> {
  return tableOf(sheet.getDataRange().getValues(), spec, {
    sheet: () => sheet,
    range: (row, column, numRows, numColumns) => sheet.getRange(row, column, numRows, numColumns),
  });
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
  writeColumns(table, [key], new Map([...updates].map(([row, value]) => [row, [value]])));
}

/**
 * Like `writeColumn` for several columns at once: columns that sit side by side (as the owner has
 * them) are written as one block, two calls however many rows and columns; the others one block
 * each. `updates` gives each row's values in the order of `keys`; missing columns are skipped.
 */
export function writeColumns<K extends string>(
  table: Table<K>,
  keys: readonly K[],
  updates: ReadonlyMap<number, readonly unknown[]>,
): void {
  if (updates.size === 0) return;
  const rowNumbers = [...updates.keys()];
  const first = Math.min(...rowNumbers);
  const last = Math.max(...rowNumbers);
  const byRow = new Map(table.rows.map((r) => [r.rowNumber, r.values]));
  const placed = keys
    .map((key, i) => ({ key, i, col: table.headers.index[key] }))
    .filter((c): c is { key: K; i: number; col: number } => c.col !== undefined)
    .sort((a, b) => a.col - b.col);
  const blocks: (typeof placed)[] = [];
  let start = 0;
  while (start < placed.length) {
    let end = start + 1;
    while (end < placed.length && placed[end]!.col === placed[end - 1]!.col + 1) end++;
    blocks.push(placed.slice(start, end));
    start = end;
  }
  // A block is written when its last listed key's turn comes: the caller's last key is written
  // last, whatever the column order (a record's "done" mark goes after the rest).
  const turn = (block: typeof placed) => Math.max(...block.map((c) => c.i));
  for (const block of blocks.sort((a, b) => turn(a) - turn(b))) {
    const cells: unknown[][] = [];
    for (let r = first; r <= last; r++) {
      const update = updates.get(r);
      // Cells between changed rows are written back as read, so they keep their values.
      cells.push(block.map((c) => (update ? update[c.i] : (byRow.get(r)?.[c.key] ?? ''))));
    }
    table.range(first, block[0]!.col + 1, cells.length, block.length).setValues(cells);
  }
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
 * check the sheet has room unless the read told its size, and one more to add rows when it has
 * not). Returns the sheet row of
 * the first record (the table's `height` + 1).
 */
export function appendRecords<K extends string>(
  table: Pick<Table<K>, 'sheet' | 'headers' | 'height' | 'maxRows' | 'range'>,
  records: readonly Partial<Record<K, unknown>>[],
): number {
  const first = Math.max(table.height, 1) + 1;
  if (records.length === 0) return first;
  const block = records.map((r) => rowFor(table.headers, r));
  // Unlike appendRow, a range past the sheet's last row is refused: add the rows first.
  const maxRows = table.maxRows ?? table.sheet.getMaxRows();
  const last = first + block.length - 1;
  if (last > maxRows) table.sheet.insertRowsAfter(maxRows, last - maxRows);
  table.range(first, 1, block.length, block[0]!.length).setValues(block);
  return first;
}

/** Only the header row, to append to a long sheet (a log) without reading it: three calls. */
export function readHeaderRow<K extends string>(sheet: Sheet, spec: SheetSpec<K>): HeaderMap<K> {
  const width = Math.max(sheet.getLastColumn(), 1);
  return mapHeaders(spec, sheet.getRange(1, 1, 1, width).getValues()[0] ?? []);
}
