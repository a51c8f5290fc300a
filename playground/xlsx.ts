/**
 * .xlsx files ⇄ the workbook model, with exceljs. What survives the round trip: values (numbers,
 * strings, booleans, dates), number formats, bold, backgrounds, notes, frozen rows, dropdown
 * (list) validations and column widths.
 *
 * Dates: an .xlsx date cell holds a civil date and time with no zone. Pokke's workbook lives in
 * Asia/Tokyo, so a date cell means that wall-clock time in Tokyo (as Google Sheets reads it on
 * import): 2026/11/24 becomes the instant 2026-11-24T00:00+09:00, whatever the process's zone.
 * exceljs hands such cells over as a Date whose UTC fields are the wall clock, and writes them
 * back the same way; the conversion happens here, in both directions.
 */

import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { columnLetter, columnNumber } from '../emulator/services/spreadsheet/a1';
import { fromWallClock, offsetAt } from '../emulator/services/spreadsheet/time';
import { type Text, text } from '../src/core/text';
import { PokkeInputError } from './errors';
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

/** Files larger than this are refused before parsing (a Pokke workbook is far smaller). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** The size Google Sheets gives a new sheet. */
const MIN_ROWS = 1000;
const MIN_COLUMNS = 26;

type ExcelValue = ExcelJS.CellValue;

/** The part of exceljs's worksheet model its typings leave out. */
interface WithValidations {
  dataValidations: {
    model: Record<string, ExcelJS.DataValidation | undefined>;
    add(address: string, validation: ExcelJS.DataValidation): void;
  };
}

// -------------------------------------------------------------------------------------------
// Reading

export interface ReadResult {
  workbook: WorkbookModel;
  /** Things the reader changed on the way in, for the person to know (bilingual lines). */
  notices: Text[];
}

/** Reads an .xlsx file. Anything that is not a readable .xlsx gives a PokkeInputError. */
export async function readXlsxFile(path: string, timeZone = 'Asia/Tokyo'): Promise<ReadResult> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new PokkeInputError(`ファイルが見つかりません: ${path}`, `File not found: ${path}`);
    }
    if (code === 'EISDIR') {
      throw new PokkeInputError(
        `フォルダーではなく .xlsx ファイルを指定してください: ${path}`,
        `Expected an .xlsx file, got a folder: ${path}`,
      );
    }
    throw new PokkeInputError(`ファイルを読めません: ${path}`, `Cannot read the file: ${path}`);
  }
  return readXlsx(data, basename(path), timeZone);
}

function basename(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.xlsx$/i, '');
}

export async function readXlsx(
  data: Buffer,
  name: string,
  timeZone = 'Asia/Tokyo',
): Promise<ReadResult> {
  if (data.length > MAX_FILE_BYTES) {
    throw new PokkeInputError(
      `ファイルが大きすぎます(${Math.round(data.length / 1024 / 1024)} MB、上限 50 MB)`,
      `The file is too large (${Math.round(data.length / 1024 / 1024)} MB; the limit is 50 MB)`,
    );
  }
  // An .xlsx file is a zip archive: "PK" first.
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) {
    throw notXlsx(name);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw notXlsx(name);
  }
  const notices: Text[] = [];
  const sheets: SheetModel[] = [];
  let formulas = 0;
  for (const ws of wb.worksheets) {
    const { sheet, formulaCells } = readSheet(ws, timeZone);
    formulas += formulaCells;
    sheets.push(sheet);
  }
  if (sheets.length === 0) {
    throw new PokkeInputError(`${name}.xlsx にシートがありません`, `${name}.xlsx has no worksheet`);
  }
  if (formulas > 0) {
    notices.push(
      text(
        `数式 ${formulas} 個は計算済みの値として読み込みました`,
        `${formulas} formula cell(s) were loaded as their computed values`,
      ),
    );
  }
  return { workbook: { name, timeZone, sheets }, notices };
}

function notXlsx(name: string): PokkeInputError {
  return new PokkeInputError(
    `「${name}」は Excel ブック(.xlsx)として読めません。Google スプレッドシートの「ファイル > ダウンロード > Microsoft Excel (.xlsx)」で保存したファイルを指定してください`,
    `"${name}" is not a readable Excel workbook (.xlsx). Use a file saved with Google Sheets' File > Download > Microsoft Excel (.xlsx)`,
  );
}

function readSheet(
  ws: ExcelJS.Worksheet,
  timeZone: string,
): { sheet: SheetModel; formulaCells: number } {
  const sheet = emptySheet(
    ws.name,
    Math.max(ws.rowCount, ws.actualRowCount, MIN_ROWS),
    Math.max(ws.columnCount, MIN_COLUMNS),
  );
  let formulaCells = 0;
  // Empty cells count too: a formatted cell with no value still has its number format.
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const r = rowNumber - 1;
      const c = colNumber - 1;
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const raw = cell.value;
      if (isFormula(raw)) formulaCells++;
      const value = toCell(raw, timeZone);
      if (value !== '') setCell(sheet.values, r, c, value);
      const fmt = cell.numFmt;
      if (fmt && fmt.toLowerCase() !== 'general') setCell(sheet.numberFormats, r, c, fmt);
      if (cell.font?.bold) setCell(sheet.bold, r, c, true);
      const bg = fillColor(cell.fill);
      if (bg) setCell(sheet.backgrounds, r, c, bg);
      const note = noteText(cell.note);
      if (note) setCell(sheet.notes, r, c, note);
    });
  });
  // Column formats apply to the column's cells that have none of their own (the empty ones).
  for (let c = 1; c <= sheet.maxColumns; c++) {
    const col = ws.getColumn(c);
    if (col.width) sheet.columnWidths[c - 1] = Math.round(col.width * 7 + 5);
    const fmt = col.numFmt;
    if (fmt && fmt.toLowerCase() !== 'general') {
      for (let r = 1; r < sheet.maxRows; r++) {
        if (getCell(sheet.numberFormats, r, c - 1) === undefined)
          setCell(sheet.numberFormats, r, c - 1, fmt);
      }
    }
  }
  const lists = listValidations(ws);
  for (const [address, values] of lists) {
    const pos = decodeAddress(address);
    if (!pos) continue;
    setCell(sheet.dropdowns, pos.row, pos.column, values);
    sheet.maxRows = Math.max(sheet.maxRows, pos.row + 1);
    sheet.maxColumns = Math.max(sheet.maxColumns, pos.column + 1);
  }
  const tab = ws.properties?.tabColor?.argb;
  if (tab && /^[0-9a-f]{8}$/i.test(tab)) sheet.tabColor = `#${tab.slice(2).toLowerCase()}`;
  const view = (ws.views ?? []).find((v) => v.state === 'frozen') as
    | ExcelJS.WorksheetViewFrozen
    | undefined;
  sheet.frozenRows = view?.ySplit ?? 0;
  return { sheet, formulaCells };
}

function isFormula(v: ExcelValue): boolean {
  return (
    typeof v === 'object' &&
    v !== null &&
    !(v instanceof Date) &&
    ('formula' in v || 'sharedFormula' in v)
  );
}

function toCell(v: ExcelValue, timeZone: string): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v;
  if (v instanceof Date) return fromWall(v, timeZone);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return '';
    if (typeof result === 'object' && !(result instanceof Date)) return result.error;
    return toCell(result, timeZone);
  }
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : toCell(v.text, timeZone);
  if ('error' in v) return v.error;
  return String(v);
}

/** A Date whose UTC fields are a wall-clock time → the instant of that time in `timeZone`. */
export function fromWall(d: Date, timeZone: string): Date {
  const ms = fromWallClock(
    timeZone,
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  );
  return new Date(ms + d.getUTCMilliseconds());
}

/** An instant → a Date whose UTC fields are its wall-clock time in `timeZone` (what exceljs writes). */
export function toWall(d: Date, timeZone: string): Date {
  const ms = d.getTime();
  return new Date(ms + offsetAt(ms, timeZone));
}

function fillColor(fill: ExcelJS.Fill | undefined): string {
  if (fill?.type !== 'pattern' || fill.pattern !== 'solid') return '';
  const argb = fill.fgColor?.argb;
  if (!argb || !/^[0-9a-f]{8}$/i.test(argb)) return '';
  return `#${argb.slice(2).toLowerCase()}`;
}

function noteText(note: string | ExcelJS.Comment | undefined): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** Cells with a list validation and the list's values (inline lists and ranges of this workbook). */
function listValidations(ws: ExcelJS.Worksheet): Map<string, readonly string[]> {
  const model = (ws as unknown as WithValidations).dataValidations.model;
  const out = new Map<string, readonly string[]>();
  const cache = new Map<string, readonly string[] | null>();
  for (const [address, dv] of Object.entries(model)) {
    if (dv?.type !== 'list') continue;
    const formula = String(dv.formulae?.[0] ?? '');
    let values = cache.get(formula);
    if (values === undefined) {
      values = parseList(formula, ws.workbook);
      cache.set(formula, values);
    }
    if (values) out.set(address, values);
  }
  return out;
}

function parseList(formula: string, wb: ExcelJS.Workbook): readonly string[] | null {
  const inline = /^"(.*)"$/s.exec(formula);
  if (inline) return (inline[1] ?? '').split(',').map((s) => s.trim());
  // A range: Sheet!$A$1:$A$5, 'My sheet'!A1:A5 or A1:A5 (this sheet is not known here).
  const ref = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(
    formula,
  );
  if (!ref) return null;
  const sheetName = (ref[1] ?? ref[2] ?? '').replace(/''/g, "'");
  const ws = wb.getWorksheet(sheetName);
  if (!ws) return null;
  const c1 = columnNumber(ref[3] ?? 'A');
  const r1 = Number(ref[4]);
  const c2 = ref[5] ? columnNumber(ref[5]) : c1;
  const r2 = ref[6] ? Number(ref[6]) : r1;
  const values: string[] = [];
  for (let r = r1; r <= r2; r++) {
    for (let c = c1; c <= c2; c++) {
      const v = ws.getCell(r, c).value;
      const cell = toCell(v, 'UTC');
      if (cell !== '') values.push(String(cell));
    }
  }
  return values;
}

function decodeAddress(address: string): { row: number; column: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address);
  if (!m) return null;
  return { row: Number(m[2]) - 1, column: columnNumber(m[1] ?? 'A') - 1 };
}

// -------------------------------------------------------------------------------------------
// Writing

export async function writeXlsxFile(model: WorkbookModel, path: string): Promise<void> {
  const wb = toExcel(model);
  await wb.xlsx.writeFile(path);
}

export async function writeXlsx(model: WorkbookModel): Promise<Buffer> {
  const wb = toExcel(model);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function toExcel(model: WorkbookModel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pokke';
  // Fixed so that the same workbook gives the same file (no wall-clock time in the output).
  wb.created = new Date(0);
  wb.modified = new Date(0);
  for (const sheet of model.sheets) writeSheet(wb, sheet, model.timeZone);
  return wb;
}

function writeSheet(wb: ExcelJS.Workbook, sheet: SheetModel, timeZone: string): void {
  const ws = wb.addWorksheet(sheet.name, {
    views: sheet.frozenRows > 0 ? [{ state: 'frozen', ySplit: sheet.frozenRows, xSplit: 0 }] : [],
  });
  if (sheet.tabColor)
    ws.properties.tabColor = { argb: `FF${sheet.tabColor.slice(1).toUpperCase()}` };
  sheet.columnWidths.forEach((px, c) => {
    if (px !== undefined && px !== DEFAULT_COLUMN_WIDTH)
      ws.getColumn(c + 1).width = Math.max(0, (px - 5) / 7);
  });
  const rows = Math.max(
    sheet.values.length,
    sheet.numberFormats.length,
    sheet.bold.length,
    sheet.backgrounds.length,
    sheet.notes.length,
  );
  for (let r = 0; r < rows; r++) {
    const width = Math.max(
      sheet.values[r]?.length ?? 0,
      sheet.numberFormats[r]?.length ?? 0,
      sheet.bold[r]?.length ?? 0,
      sheet.backgrounds[r]?.length ?? 0,
      sheet.notes[r]?.length ?? 0,
    );
    if (width === 0) continue;
    const row = ws.getRow(r + 1);
    for (let c = 0; c < width; c++) {
      const value = getCell(sheet.values, r, c);
      const fmt = getCell(sheet.numberFormats, r, c);
      const bold = getCell(sheet.bold, r, c);
      const bg = getCell(sheet.backgrounds, r, c);
      const note = getCell(sheet.notes, r, c);
      const hasValue = value !== undefined && value !== '';
      if (!hasValue && !fmt && !bold && !bg && !note) continue;
      const cell = row.getCell(c + 1);
      if (hasValue) cell.value = value instanceof Date ? toWall(value, timeZone) : value;
      if (fmt) cell.numFmt = fmt;
      if (bold) cell.font = { bold: true };
      if (bg)
        cell.fill = {
          type: 'pattern',
          pattern: 'solid',
          fgColor: { argb: `FF${bg.slice(1).toUpperCase()}` },
        };
      if (note) cell.note = note;
    }
  }
  writeDropdowns(ws, sheet.dropdowns);
}

/** One validation per run of equal lists down a column (a whole column is one range). */
function writeDropdowns(ws: ExcelJS.Worksheet, dropdowns: Grid<readonly string[] | null>): void {
  const validations = (ws as unknown as WithValidations).dataValidations;
  let columns = 0;
  for (const row of dropdowns) columns = Math.max(columns, row?.length ?? 0);
  for (let c = 0; c < columns; c++) {
    let start = -1;
    let current: readonly string[] | null = null;
    const flush = (end: number) => {
      if (current && start >= 0) {
        const letters = columnLetter(c + 1);
        const address =
          end > start ? `${letters}${start + 1}:${letters}${end + 1}` : `${letters}${start + 1}`;
        validations.add(address, {
          type: 'list',
          allowBlank: true,
          showErrorMessage: true,
          formulae: [`"${current.join(',')}"`],
        });
      }
    };
    for (let r = 0; r <= dropdowns.length; r++) {
      const list = r < dropdowns.length ? (getCell(dropdowns, r, c) ?? null) : null;
      if (!sameList(list, current)) {
        flush(r - 1);
        current = list;
        start = r;
      }
    }
  }
}

function sameList(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((v, i) => v === b[i]);
}
