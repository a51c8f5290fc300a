/** A sheet as the playground's grid shows it, from the emulator's (uncounted) sheet snapshot. */
import type { Sheet } from '../emulator/services/spreadsheet/app';
import type { CellView, SheetView } from './protocol';

/** Rows sent to the page at most: enough for any demo, small enough for a 5,000-row workbook. */
export const MAX_GRID_ROWS = 1000;
const EMPTY_ROWS_BELOW = 20;
const MIN_ROWS = 40;
const MIN_COLUMNS = 8;

export function sheetView(sheet: Sheet, maxGridRows = MAX_GRID_ROWS): SheetView {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const snap = sheet.snapshot({
    rows: Math.max(lastRow + EMPTY_ROWS_BELOW, MIN_ROWS),
    columns: Math.max(lastColumn + 2, MIN_COLUMNS),
  });
  const height = Math.min(snap.rows, maxGridRows);
  const rows: (CellView | null)[][] = [];
  for (let r = 0; r < height; r++) {
    const row: (CellView | null)[] = [];
    for (let c = 0; c < snap.columns; c++) {
      const cell: CellView = { t: snap.display[r]?.[c] ?? '' };
      const v = snap.values[r]?.[c];
      const align = snap.horizontalAlignments[r]?.[c];
      if (align ? /right/i.test(align) : typeof v === 'number' || v instanceof Date) cell.r = 1;
      if (snap.bold[r]?.[c]) cell.b = 1;
      const bg = snap.backgrounds[r]?.[c];
      if (bg && bg.toLowerCase() !== '#ffffff') cell.bg = bg;
      const note = snap.notes[r]?.[c];
      if (note) cell.n = note;
      if (snap.validations[r]?.[c]) cell.dd = 1;
      row.push(cell.t === '' && Object.keys(cell).length === 1 ? null : cell);
    }
    rows.push(row);
  }
  return {
    name: snap.name,
    maxRows: snap.maxRows,
    maxColumns: snap.maxColumns,
    lastRow: snap.lastRow,
    lastColumn: snap.lastColumn,
    frozenRows: snap.frozenRows,
    columnWidths: snap.columnWidths,
    rows,
  };
}
