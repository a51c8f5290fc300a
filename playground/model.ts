/**
 * A workbook as plain data: what the playground and the dry-run CLI move between an .xlsx file
 * and the emulator. Grids are sparse (a missing row or cell is empty) and 0-based.
 */

/** `''` is an empty cell. A Date is an instant (a date cell is midnight in the workbook's zone). */
export type Cell = string | number | boolean | Date;

/** Rows of cells; a row or cell that is `undefined` holds the empty value. */
export type Grid<T> = (T[] | undefined)[];

export interface SheetModel {
  name: string;
  /** The sheet's grid size (rows and columns, formatted or not). */
  maxRows: number;
  maxColumns: number;
  values: Grid<Cell>;
  /** Sheets number format per cell; `''` or missing is the default (General). */
  numberFormats: Grid<string>;
  bold: Grid<boolean>;
  /** `#rrggbb`, or `''`. */
  backgrounds: Grid<string>;
  notes: Grid<string>;
  /** The dropdown's values where a cell has a list validation. */
  dropdowns: Grid<readonly string[] | null>;
  frozenRows: number;
  /** Pixel widths per column; missing is the default width (100 px). */
  columnWidths: (number | undefined)[];
  /** `#rrggbb` of the sheet's tab, if coloured. */
  tabColor?: string;
}

export interface WorkbookModel {
  name: string;
  timeZone: string;
  sheets: SheetModel[];
}

export const DEFAULT_COLUMN_WIDTH = 100;

export function emptySheet(name: string, maxRows = 1000, maxColumns = 26): SheetModel {
  return {
    name,
    maxRows,
    maxColumns,
    values: [],
    numberFormats: [],
    bold: [],
    backgrounds: [],
    notes: [],
    dropdowns: [],
    frozenRows: 0,
    columnWidths: [],
  };
}

export function getCell<T>(grid: Grid<T>, r: number, c: number): T | undefined {
  return grid[r]?.[c];
}

export function setCell<T>(grid: Grid<T>, r: number, c: number, v: T): void {
  let row = grid[r];
  if (!row) {
    row = [];
    grid[r] = row;
  }
  row[c] = v;
}

/** Number of rows up to the last one with a non-empty value (0 when there is none). */
export function lastRowOf(sheet: SheetModel): number {
  for (let r = sheet.values.length - 1; r >= 0; r--) {
    if (sheet.values[r]?.some((v) => v !== '' && v !== undefined)) return r + 1;
  }
  return 0;
}

/** Number of columns up to the last one with a non-empty value in any row. */
export function lastColumnOf(sheet: SheetModel): number {
  let last = 0;
  for (const row of sheet.values) {
    if (!row) continue;
    for (let c = row.length - 1; c >= last; c--) {
      const v = row[c];
      if (v !== '' && v !== undefined) {
        last = c + 1;
        break;
      }
    }
  }
  return last;
}
