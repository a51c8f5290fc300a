/** A sheet as the playground's grid shows it, from the emulator's (uncounted) sheet snapshot. */
import type { Sheet } from '../emulator/services/spreadsheet/app';
import { wallClock } from '../emulator/services/spreadsheet/time';
import {
  coerceInput,
  PLAIN_TEXT_FORMAT,
  type WriteContext,
} from '../emulator/services/spreadsheet/values';
import type { CellView, SheetView } from './protocol';

/** Rows sent to the page at most: enough for any demo, small enough for a 5,000-row workbook. */
export const MAX_GRID_ROWS = 1000;
const EMPTY_ROWS_BELOW = 20;
const MIN_ROWS = 40;
const MIN_COLUMNS = 8;

const TOKYO: WriteContext = { timeZone: 'Asia/Tokyo', locale: 'ja_JP' };

/** `ctx`: the spreadsheet's time zone and locale (how typed input is read). */
export function sheetView(sheet: Sheet, maxGridRows = MAX_GRID_ROWS, ctx = TOKYO): SheetView {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const snap = sheet.snapshot({
    rows: Math.max(lastRow + EMPTY_ROWS_BELOW, MIN_ROWS),
    columns: Math.max(lastColumn + 2, MIN_COLUMNS),
  });
  const height = Math.min(snap.rows, maxGridRows);
  const rows: (CellView | null)[][] = [];
  const lists: string[][] = [];
  const listIndex = new Map<string, number>();
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
      const list = snap.validations[r]?.[c];
      if (list) {
        cell.dd = 1;
        const key = JSON.stringify(list);
        let i = listIndex.get(key);
        if (i === undefined) {
          i = lists.push([...list]) - 1;
          listIndex.set(key, i);
        }
        cell.l = i;
      }
      const plain = snap.numberFormats[r]?.[c] === PLAIN_TEXT_FORMAT;
      const edit = editText(v, snap.formulas[r]?.[c] ?? '', plain, ctx);
      if (edit !== cell.t) cell.e = edit;
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
    lists,
  };
}

/**
 * The text Sheets' cell editor starts with: the formula, a number without its format, a date as
 * `2026/11/24` (with the time when it has one) in the workbook's zone, text that would be read
 * as something else with its apostrophe (`'0123`) — text that typed back gives the same value.
 */
export function editText(
  value: unknown,
  formula: string,
  plainText: boolean,
  ctx: WriteContext,
): string {
  if (formula) return formula;
  if (typeof value === 'string') {
    if (plainText || value === '') return value;
    const typed = coerceInput(value, false, ctx);
    return typed.value === value && !typed.formula ? value : `'${value}`;
  }
  if (value instanceof Date) {
    const w = wallClock(value.getTime(), ctx.timeZone);
    const pad = (n: number) => String(n).padStart(2, '0');
    const day = `${w.year}/${pad(w.month)}/${pad(w.day)}`;
    if (w.hour === 0 && w.minute === 0 && w.second === 0) return day;
    return `${day} ${pad(w.hour)}:${pad(w.minute)}${w.second ? `:${pad(w.second)}` : ''}`;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value === undefined || value === null) return '';
  return String(value);
}
