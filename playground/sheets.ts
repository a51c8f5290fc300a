/**
 * The workbook model ⇄ an emulated spreadsheet. Uses the emulator's raw objects through the
 * ordinary Apps Script API: calls made here are not the bundle's, so they are not counted and
 * take no virtual time.
 */
import {
  type Cell,
  DEFAULT_COLUMN_WIDTH,
  emptySheet,
  type Grid,
  getCell,
  type SheetModel,
  setCell,
  type WorkbookModel,
} from './model';

type Spreadsheet = import('../emulator/services/spreadsheet/app').Spreadsheet;
type Sheet = import('../emulator/services/spreadsheet/app').Sheet;
type DataValidation = import('../emulator/services/spreadsheet/app').DataValidation;
type DataValidationBuilder = import('../emulator/services/spreadsheet/app').DataValidationBuilder;

const PLAIN_TEXT = '@';
const isDefaultFormat = (f: string) =>
  f === '' || f === '0.###############' || f.toLowerCase() === 'general';

/**
 * Fills `ss` with the model's sheets, replacing whatever sheets it had. `newValidation` is the
 * emulator's `SpreadsheetApp.newDataValidation`.
 */
export function loadIntoSpreadsheet(
  model: WorkbookModel,
  ss: Spreadsheet,
  newValidation: () => DataValidationBuilder,
): void {
  const old = ss.getSheets();
  model.sheets.forEach((m, i) => {
    const existing = old.find((s) => s.getName() === m.name);
    const sheet = existing ?? ss.insertSheet(m.name, i);
    if (existing) existing.clear();
    fillSheet(sheet, m, newValidation);
  });
  for (const s of old) {
    if (!model.sheets.some((m) => m.name === s.getName())) ss.deleteSheet(s);
  }
}

function fillSheet(sheet: Sheet, m: SheetModel, newValidation: () => DataValidationBuilder): void {
  if (sheet.getMaxRows() < m.maxRows)
    sheet.insertRowsAfter(sheet.getMaxRows(), m.maxRows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < m.maxColumns) {
    sheet.insertColumnsAfter(sheet.getMaxColumns(), m.maxColumns - sheet.getMaxColumns());
  }
  const rows = extent(m.numberFormats, m.values, m.bold, m.backgrounds, m.notes, m.dropdowns);
  if (rows.height > 0 && rows.width > 0) {
    const range = sheet.getRange(1, 1, rows.height, rows.width);
    // Formats first: a string in a plain-text (@) cell is stored as is.
    const formats = dense(m.numberFormats, rows, (f) => (f && !isDefaultFormat(f) ? f : ''));
    if (formats.some((row) => row.some((f) => f !== ''))) {
      range.setNumberFormats(formats.map((row) => row.map((f) => f || '0.###############')));
    }
    const values = dense(m.values, rows, (v: Cell | undefined, r, c) => {
      if (v === undefined || v === '') return '';
      // Anything else would be read as the person typed it (a number, a date, a formula):
      // an apostrophe keeps the text exactly as the file had it.
      if (typeof v === 'string') return formats[r]?.[c] === PLAIN_TEXT ? v : `'${v}`;
      return v;
    });
    range.setValues(values);
    if (hasAny(m.bold)) range.setFontWeights(dense(m.bold, rows, (b) => (b ? 'bold' : 'normal')));
    if (hasAny(m.backgrounds))
      range.setBackgrounds(dense(m.backgrounds, rows, (b) => b || null) as string[][]);
    if (hasAny(m.notes)) range.setNotes(dense(m.notes, rows, (n) => n ?? ''));
    if (hasAny(m.dropdowns)) {
      const cache = new Map<string, DataValidation>();
      const rule = (list: readonly string[]) => {
        const key = JSON.stringify(list);
        let v = cache.get(key);
        if (!v) {
          v = newValidation()
            .requireValueInList([...list], true)
            .setAllowInvalid(false)
            .build();
          cache.set(key, v);
        }
        return v;
      };
      range.setDataValidations(
        dense(m.dropdowns, rows, (d) => (d ? rule(d) : null)) as DataValidation[][],
      );
    }
  }
  sheet.setFrozenRows(m.frozenRows);
  if (m.tabColor) sheet.setTabColor(m.tabColor);
  m.columnWidths.forEach((px, c) => {
    if (px !== undefined) sheet.setColumnWidth(c + 1, px);
  });
}

interface Extent {
  height: number;
  width: number;
}

function extent(...grids: Grid<unknown>[]): Extent {
  let height = 0;
  let width = 0;
  for (const g of grids) {
    g.forEach((row, r) => {
      if (!row || row.length === 0) return;
      height = Math.max(height, r + 1);
      width = Math.max(width, row.length);
    });
  }
  return { height, width };
}

function dense<T, U>(
  grid: Grid<T>,
  size: Extent,
  map: (v: T | undefined, r: number, c: number) => U,
): U[][] {
  const out: U[][] = [];
  for (let r = 0; r < size.height; r++) {
    const row: U[] = [];
    for (let c = 0; c < size.width; c++) row.push(map(getCell(grid, r, c), r, c));
    out.push(row);
  }
  return out;
}

function hasAny<T>(grid: Grid<T>): boolean {
  return grid.some((row) =>
    row?.some((v) => v !== undefined && v !== null && (v as unknown) !== '' && v !== false),
  );
}

/** Reads a spreadsheet back into the model (every sheet, in tab order). */
export function modelFromSpreadsheet(ss: Spreadsheet): WorkbookModel {
  return {
    name: ss.getName(),
    timeZone: ss.getSpreadsheetTimeZone(),
    sheets: ss.getSheets().map(sheetModel),
  };
}

/** Every cell of the sheet's grid that holds a value or a format (Pokke formats whole columns). */
function sheetModel(sheet: Sheet): SheetModel {
  const snap = sheet.snapshot({ rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() });
  const m = emptySheet(snap.name, snap.maxRows, snap.maxColumns);
  m.frozenRows = snap.frozenRows;
  if (snap.tabColor) m.tabColor = snap.tabColor;
  for (let r = 0; r < snap.rows; r++) {
    for (let c = 0; c < snap.columns; c++) {
      const v = snap.values[r]?.[c];
      if (v !== undefined && v !== '') setCell(m.values, r, c, v);
      const f = snap.numberFormats[r]?.[c] ?? '';
      if (!isDefaultFormat(f)) setCell(m.numberFormats, r, c, f);
      if (snap.bold[r]?.[c]) setCell(m.bold, r, c, true);
      const bg = snap.backgrounds[r]?.[c];
      if (bg && bg.toLowerCase() !== '#ffffff') setCell(m.backgrounds, r, c, bg.toLowerCase());
      const n = snap.notes[r]?.[c];
      if (n) setCell(m.notes, r, c, n);
      const list = snap.validations[r]?.[c];
      if (list) setCell(m.dropdowns, r, c, list.slice());
    }
  }
  snap.columnWidths.forEach((w, c) => {
    if (w !== DEFAULT_COLUMN_WIDTH) m.columnWidths[c] = w;
  });
  return m;
}
