import { API_NAME, unwrap } from '../../core/instrument';
import { cellA1, parseA1 } from './a1';
import { displayValue } from './display';
import { Layer, Line } from './grid';
import { Protection, type ProtectionSnapshot } from './protection';
import { Range } from './range';
import type { Spreadsheet } from './spreadsheet';
import type { Emulates } from './types';
import {
  type DataValidation,
  satisfies,
  snapshotRule,
  type ValidationSnapshot,
  violationMessage,
} from './validation';
import {
  type CellValue,
  coerceInput,
  copyValue,
  DEFAULT_NUMBER_FORMAT,
  PLAIN_TEXT_FORMAT,
  type WriteContext,
} from './values';

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A new sheet's size, as in Google Sheets. */
export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_MAX_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

type SheetMethods =
  | 'activate'
  | 'appendRow'
  | 'autoResizeColumn'
  | 'autoResizeColumns'
  | 'clear'
  | 'clearContents'
  | 'clearFormats'
  | 'clearNotes'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'deleteRow'
  | 'deleteRows'
  | 'getActiveCell'
  | 'getActiveRange'
  | 'getColumnWidth'
  | 'getCurrentCell'
  | 'getDataRange'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getProtections'
  | 'getRange'
  | 'getSheetId'
  | 'getSheetName'
  | 'getSheetValues'
  | 'getTabColor'
  | 'hideColumn'
  | 'hideColumns'
  | 'hideRow'
  | 'hideRows'
  | 'hideSheet'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'insertColumns'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertRows'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'isColumnHiddenByUser'
  | 'isRowHiddenByUser'
  | 'isSheetHidden'
  | 'protect'
  | 'setActiveRange'
  | 'setActiveSelection'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setCurrentCell'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setTabColor'
  | 'showColumns'
  | 'showRows'
  | 'showSheet'
  | 'unhideColumn'
  | 'unhideRow';

/**
 * What the playground renders and the CLI exports to xlsx: one sheet, sized to its data range
 * (`rows × columns`, at least 1 × 1) unless `snapshot({ rows, columns })` asks for more. Every
 * grid is `rows` arrays of `columns` entries; rows and columns are 1-based where numbered.
 */
export interface SheetSnapshot {
  readonly name: string;
  readonly sheetId: number;
  /** 1-based position among the spreadsheet's sheets (as `Sheet.getIndex()`). */
  readonly index: number;
  readonly hidden: boolean;
  readonly tabColor: string | null;
  readonly maxRows: number;
  readonly maxColumns: number;
  /** `getLastRow()` / `getLastColumn()`: 0 when the sheet is empty. */
  readonly lastRow: number;
  readonly lastColumn: number;
  /** Size of the grids below. */
  readonly rows: number;
  readonly columns: number;
  readonly frozenRows: number;
  readonly frozenColumns: number;
  /** Raw values as `getValues()` returns them (`''`, number, boolean, string, Date). */
  readonly values: CellValue[][];
  /** Display strings as `getDisplayValues()` returns them (Sheets' rendering in the spreadsheet's locale and zone). */
  readonly display: string[][];
  /** Formula text, `''` where none. */
  readonly formulas: string[][];
  /** Number formats as `getNumberFormats()` returns them (`0.###############` when unset). */
  readonly numberFormats: string[][];
  readonly bold: boolean[][];
  /** `#rrggbb`, or `null` for the default (black text, white background, general alignment). */
  readonly fontColors: (string | null)[][];
  readonly backgrounds: (string | null)[][];
  readonly horizontalAlignments: (string | null)[][];
  readonly wraps: boolean[][];
  /** Notes, `''` where none. */
  readonly notes: string[][];
  /** The allowed values of a list rule (dropdown), or `null` when the cell has no list rule. */
  readonly validations: (string[] | null)[][];
  /** Whether the cell carries a checkbox rule. */
  readonly checkboxes: boolean[][];
  /** Every rule in full (criteria, arguments, allowInvalid, help text), or `null`. */
  readonly validationRules: (ValidationSnapshot | null)[][];
  /** Width in pixels of columns 1..columns. */
  readonly columnWidths: number[];
  /** 1-based numbers of the hidden rows / columns (whole sheet, not only the snapshot's area). */
  readonly hiddenRows: number[];
  readonly hiddenColumns: number[];
  readonly protections: ProtectionSnapshot[];
}

type Axis = 'rows' | 'columns';

/** Apps Script's check of `count` rows or columns from 1-based `position` in a sheet of `max`. */
function checkSpan(axis: Axis, position: number, count: number, max: number): void {
  if (
    !Number.isInteger(position) ||
    !Number.isInteger(count) ||
    position < 1 ||
    count < 1 ||
    position + count - 1 > max
  ) {
    throw new Error(`Those ${axis} are out of bounds.`);
  }
}

/** `insert*After/Before(position, howMany)`: next to an existing row or column, at least one. */
function checkInsertion(axis: Axis, position: number, howMany: number, max: number): void {
  checkSpan(axis, position, 1, max);
  if (!Number.isInteger(howMany) || howMany < 1)
    throw new Error(`Those ${axis} are out of bounds.`);
}

/** One tab of a spreadsheet. Setters that Apps Script documents as chainable return the sheet. */
export class Sheet implements Emulates<GSheet, SheetMethods> {
  readonly [API_NAME] = 'Sheet';
  maxRows = DEFAULT_MAX_ROWS;
  maxColumns = DEFAULT_MAX_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  protections: Protection[] = [];
  activeRange: Range | null = null;

  readonly values = new Layer<CellValue>('');
  readonly formulas = new Layer<string>('');
  readonly numberFormats = new Layer<string | null>(null);
  readonly bold = new Layer<boolean>(false);
  readonly fontColors = new Layer<string | null>(null);
  readonly backgrounds = new Layer<string | null>(null);
  readonly alignments = new Layer<string | null>(null);
  readonly wraps = new Layer<boolean>(false);
  readonly notes = new Layer<string>('');
  readonly validations = new Layer<DataValidation | null>(null);
  readonly columnWidths = new Line<number>(DEFAULT_COLUMN_WIDTH);
  readonly hiddenRows = new Line<boolean>(false);
  readonly hiddenColumns = new Line<boolean>(false);

  constructor(
    readonly spreadsheet: Spreadsheet,
    public name: string,
    readonly sheetId: number,
  ) {}

  /** Emulator-only: keeps the sheet's cells and shape; the function returned puts them back. */
  checkpoint(): () => void {
    const layers = this.layers().map((l) => [l, l.clone().rows] as const);
    const lines = [this.columnWidths, this.hiddenRows, this.hiddenColumns].map(
      (l) => [l, l.clone().items] as const,
    );
    const { maxRows, maxColumns, frozenRows, frozenColumns, hidden, tabColor, name } = this;
    const protections = this.protections.slice();
    return () => {
      for (const [layer, rows] of layers) layer.rows = rows.map((r) => r?.slice());
      for (const [line, items] of lines) line.items = items.slice();
      Object.assign(this, { maxRows, maxColumns, frozenRows, frozenColumns, hidden, tabColor });
      this.name = name;
      this.protections = protections.slice();
    };
  }

  /** All cell layers, in a fixed order (for row/column shifts and copies). */
  layers(): Layer<unknown>[] {
    return [
      this.values,
      this.formulas,
      this.numberFormats,
      this.bold,
      this.fontColors,
      this.backgrounds,
      this.alignments,
      this.wraps,
      this.notes,
      this.validations,
    ] as Layer<unknown>[];
  }

  context(): WriteContext {
    return { timeZone: this.spreadsheet.timeZone, locale: this.spreadsheet.locale };
  }

  owner(): string {
    return this.spreadsheet.owner;
  }

  // --- ranges --------------------------------------------------------------------------------

  /** A range by 1-based coordinates, checked against the sheet's size with Apps Script's messages. */
  rangeAt(row: number, column: number, numRows = 1, numColumns = 1): Range {
    for (const n of [row, column, numRows, numColumns]) {
      if (typeof n !== 'number' || !Number.isFinite(n)) {
        throw new Error(
          `The parameters (${[row, column, numRows, numColumns].map((a) => typeof a).join(',')}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
        );
      }
    }
    const [r, c, nr, nc] = [row, column, numRows, numColumns].map(Math.trunc) as [
      number,
      number,
      number,
      number,
    ];
    if (r < 1) throw new Error('The starting row of the range is too small.');
    if (c < 1) throw new Error('The starting column of the range is too small.');
    if (nr < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (nc < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (r + nr - 1 > this.maxRows || c + nc - 1 > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new Range(this, r, c, nr, nc);
  }

  /** A range by A1 notation (`A1`, `A1:C3`, `A:B`, `2:5`, `A2:C`), without a sheet name. */
  rangeA1(a1: string): Range {
    const ref = parseA1(a1);
    const r = ref.startRow ?? 1;
    const c = ref.startColumn ?? 1;
    const r2 =
      ref.endRow ??
      (ref.startRow !== undefined && ref.startColumn === undefined ? r : this.maxRows);
    const c2 =
      ref.endColumn ??
      (ref.startColumn !== undefined && ref.startRow === undefined ? c : this.maxColumns);
    return this.rangeAt(r, c, r2 - r + 1, c2 - c + 1);
  }

  wholeRange(): Range {
    return new Range(this, 1, 1, this.maxRows, this.maxColumns);
  }

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    if (typeof a === 'string') {
      // A sheet-qualified reference names its own sheet.
      return a.includes('!') ? this.spreadsheet.getRange(a) : this.rangeA1(a);
    }
    if (column === undefined) {
      throw new Error(
        `The parameters (${typeof a}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
      );
    }
    return this.rangeAt(a, column, numRows ?? 1, numColumns ?? 1);
  }

  getDataRange(): Range {
    return new Range(this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }

  getSheetValues(
    startRow: number,
    startColumn: number,
    numRows: number,
    numColumns: number,
  ): CellValue[][] {
    const nr = numRows === -1 ? Math.max(1, this.getLastRow() - startRow + 1) : numRows;
    const nc = numColumns === -1 ? Math.max(1, this.getLastColumn() - startColumn + 1) : numColumns;
    return this.rangeAt(startRow, startColumn, nr, nc).getValues();
  }

  // --- content -------------------------------------------------------------------------------

  /** Last row with a value or formula; 0 when the sheet is empty. */
  getLastRow(): number {
    return Math.max(this.values.lastRow(), this.formulas.lastRow()) + 1;
  }

  getLastColumn(): number {
    return Math.max(this.values.lastColumn(), this.formulas.lastColumn()) + 1;
  }

  getMaxRows(): number {
    return this.maxRows;
  }

  getMaxColumns(): number {
    return this.maxColumns;
  }

  /** Grows the grid so that `rows × columns` fits (appendRow, copyTo). */
  ensureSize(rows: number, columns: number): void {
    if (rows > this.maxRows) this.maxRows = rows;
    if (columns > this.maxColumns) this.maxColumns = columns;
  }

  /**
   * Writes a grid at (row, column) as typed input: coerces every value (see `coerceInput`), checks
   * data-validation rules that reject invalid data, and only then writes (all or nothing). The
   * cells wait for the next flush (see `Spreadsheet.pendingWrittenCells`).
   */
  writeValues(row: number, column: number, data: unknown[][]): void {
    const ctx = this.context();
    const r0 = row - 1;
    const c0 = column - 1;
    const formats = this.numberFormats;
    const rules = this.validations;
    const out: CellValue[][] = new Array(data.length);
    // Formulas and automatic formats are rare: keyed by `i * 65536 + j`.
    let formulas: Map<number, string> | undefined;
    let autoFormats: Map<number, string> | undefined;
    for (let i = 0; i < data.length; i++) {
      const src = data[i] ?? [];
      const line: CellValue[] = new Array(src.length);
      const formatRow = formats.rows[r0 + i];
      const ruleRow = rules.rows[r0 + i];
      for (let j = 0; j < src.length; j++) {
        const raw = src[j];
        let value: CellValue;
        if ((typeof raw === 'number' && Number.isFinite(raw)) || typeof raw === 'boolean') {
          value = raw;
        } else {
          const plain = formatRow ? formatRow[c0 + j] === PLAIN_TEXT_FORMAT : false;
          const input = coerceInput(raw, plain, ctx);
          value = input.value;
          if (input.formula) {
            formulas = formulas ?? new Map();
            formulas.set(i * 65536 + j, input.formula);
          }
          if (input.autoFormat) {
            autoFormats = autoFormats ?? new Map();
            autoFormats.set(i * 65536 + j, input.autoFormat);
          }
        }
        const rule = ruleRow ? ruleRow[c0 + j] : undefined;
        if (rule && !rule.getAllowInvalid() && !satisfies(rule, value, ctx.timeZone, ctx.locale)) {
          throw new Error(violationMessage(cellA1(row + i, column + j), rule));
        }
        line[j] = value;
      }
      out[i] = line;
    }
    for (let i = 0; i < out.length; i++) {
      const line = out[i] ?? [];
      const r = r0 + i;
      this.spreadsheet.pendingWrittenCells += line.length;
      for (let j = 0; j < line.length; j++) this.values.set(r, c0 + j, line[j] as CellValue);
      const formulaRow = this.formulas.rows[r];
      if (formulaRow) for (let j = 0; j < line.length; j++) formulaRow[c0 + j] = '';
    }
    for (const [k, f] of formulas ?? [])
      this.formulas.set(r0 + Math.floor(k / 65536), c0 + (k % 65536), f);
    for (const [k, f] of autoFormats ?? []) {
      const r = r0 + Math.floor(k / 65536);
      const c = c0 + (k % 65536);
      if (formats.get(r, c) === null) formats.set(r, c, f);
    }
  }

  /** Appends a row after the last row with content, growing the sheet when it is full. */
  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents)) {
      throw new Error(
        `The parameters (${typeof rowContents}) don't match the method signature for SpreadsheetApp.Sheet.appendRow.`,
      );
    }
    const row = this.getLastRow() + 1;
    this.ensureSize(row, rowContents.length);
    if (rowContents.length) this.writeValues(row, 1, [rowContents]);
    return this;
  }

  clearContent(r0: number, c0: number, numRows: number, numColumns: number): void {
    this.values.clear(r0, c0, numRows, numColumns);
    this.formulas.clear(r0, c0, numRows, numColumns);
  }

  clearFormat(
    r0: number,
    c0: number,
    numRows: number,
    numColumns: number,
    numberFormats: boolean,
  ): void {
    if (numberFormats) this.numberFormats.clear(r0, c0, numRows, numColumns);
    for (const l of [this.bold, this.fontColors, this.backgrounds, this.alignments, this.wraps]) {
      (l as Layer<unknown>).clear(r0, c0, numRows, numColumns);
    }
  }

  /** `clear()` clears contents, formats and validations; `{contentsOnly}` / `{formatOnly}` narrow it. */
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): this {
    const o = options ?? {};
    const both = !o.formatOnly && !o.contentsOnly;
    if (both || o.contentsOnly) this.clearContents();
    if (both || o.formatOnly) this.clearFormats();
    return this;
  }

  clearContents(): this {
    this.values.clearAll();
    this.formulas.clearAll();
    return this;
  }

  clearFormats(): this {
    for (const l of [
      this.numberFormats,
      this.bold,
      this.fontColors,
      this.backgrounds,
      this.alignments,
      this.wraps,
    ]) {
      (l as Layer<unknown>).clearAll();
    }
    this.validations.clearAll();
    return this;
  }

  clearNotes(): this {
    this.notes.clearAll();
    return this;
  }

  // --- rows and columns ----------------------------------------------------------------------

  private checkRows(position: number, count: number): void {
    checkSpan('rows', position, count, this.maxRows);
  }

  private checkColumns(position: number, count: number): void {
    checkSpan('columns', position, count, this.maxColumns);
  }

  /** Inserts `count` empty rows before 0-based index `at` (new rows take no formatting). */
  private shiftRows(at: number, count: number): void {
    for (const l of this.layers()) l.insertRows(at, count);
    this.hiddenRows.insert(at, count);
    this.maxRows += count;
  }

  private shiftColumns(at: number, count: number): void {
    for (const l of this.layers()) l.insertColumns(at, count);
    this.columnWidths.insert(at, count);
    this.hiddenColumns.insert(at, count);
    this.maxColumns += count;
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    checkInsertion('rows', afterPosition, howMany, this.maxRows);
    this.shiftRows(afterPosition, howMany);
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    checkInsertion('rows', beforePosition, howMany, this.maxRows);
    this.shiftRows(beforePosition - 1, howMany);
    return this;
  }

  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAfter(afterPosition, 1);
  }

  insertRowBefore(beforePosition: number): this {
    return this.insertRowsBefore(beforePosition, 1);
  }

  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsBefore(rowIndex, numRows);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    checkInsertion('columns', afterPosition, howMany, this.maxColumns);
    this.shiftColumns(afterPosition, howMany);
    return this;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): this {
    checkInsertion('columns', beforePosition, howMany, this.maxColumns);
    this.shiftColumns(beforePosition - 1, howMany);
    return this;
  }

  insertColumnAfter(afterPosition: number): this {
    return this.insertColumnsAfter(afterPosition, 1);
  }

  insertColumnBefore(beforePosition: number): this {
    return this.insertColumnsBefore(beforePosition, 1);
  }

  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsBefore(columnIndex, numColumns);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.checkRows(rowPosition, howMany);
    if (this.maxRows - howMany <= this.frozenRows) {
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    for (const l of this.layers()) l.deleteRows(rowPosition - 1, howMany);
    this.hiddenRows.delete(rowPosition - 1, howMany);
    this.maxRows -= howMany;
  }

  deleteRow(rowPosition: number): this {
    this.deleteRows(rowPosition, 1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.checkColumns(columnPosition, howMany);
    if (this.maxColumns - howMany <= this.frozenColumns) {
      throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    }
    for (const l of this.layers()) l.deleteColumns(columnPosition - 1, howMany);
    this.columnWidths.delete(columnPosition - 1, howMany);
    this.hiddenColumns.delete(columnPosition - 1, howMany);
    this.maxColumns -= howMany;
  }

  deleteColumn(columnPosition: number): this {
    this.deleteColumns(columnPosition, 1);
    return this;
  }

  setFrozenRows(rows: number): void {
    this.frozenRows = Math.max(0, Math.trunc(rows));
  }

  getFrozenRows(): number {
    return this.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this.frozenColumns = Math.max(0, Math.trunc(columns));
  }

  getFrozenColumns(): number {
    return this.frozenColumns;
  }

  setColumnWidth(columnPosition: number, width: number): this {
    this.checkColumns(columnPosition, 1);
    this.columnWidths.set(columnPosition - 1, Math.max(0, Math.round(width)));
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.checkColumns(startColumn, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++)
      this.columnWidths.set(c - 1, Math.max(0, Math.round(width)));
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    this.checkColumns(columnPosition, 1);
    return this.columnWidths.get(columnPosition - 1);
  }

  /**
   * Fits columns to their displayed text. The emulator has no fonts: it estimates 7 px per
   * half-width and 13 px per full-width character plus 10 px padding (bold: +10 %), and leaves
   * empty columns as they are.
   */
  autoResizeColumns(startColumn: number, numColumns: number): this {
    this.checkColumns(startColumn, numColumns);
    const last = this.getLastRow();
    if (last === 0) return this;
    const display = this.rangeAt(1, startColumn, last, numColumns).getDisplayValues();
    for (let j = 0; j < numColumns; j++) {
      let width = 0;
      for (let i = 0; i < display.length; i++) {
        const text = display[i]?.[j] ?? '';
        if (!text) continue;
        const longest = Math.max(...text.split('\n').map(textWidth));
        const bold = this.bold.get(i, startColumn - 1 + j) ? 1.1 : 1;
        width = Math.max(width, Math.ceil(longest * bold) + 10);
      }
      if (width > 0) this.columnWidths.set(startColumn - 1 + j, width);
    }
    return this;
  }

  autoResizeColumn(columnPosition: number): this {
    return this.autoResizeColumns(columnPosition, 1);
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    this.checkColumns(columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++)
      this.hiddenColumns.set(c - 1, true);
  }

  showColumns(columnIndex: number, numColumns = 1): void {
    this.checkColumns(columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++)
      this.hiddenColumns.set(c - 1, false);
  }

  hideColumn(column: Range): void {
    const r = unwrap(column);
    this.hideColumns(r.getColumn(), r.getNumColumns());
  }

  unhideColumn(column: Range): void {
    const r = unwrap(column);
    this.showColumns(r.getColumn(), r.getNumColumns());
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.hiddenColumns.get(columnPosition - 1);
  }

  hideRows(rowIndex: number, numRows = 1): void {
    this.checkRows(rowIndex, numRows);
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.hiddenRows.set(r - 1, true);
  }

  showRows(rowIndex: number, numRows = 1): void {
    this.checkRows(rowIndex, numRows);
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.hiddenRows.set(r - 1, false);
  }

  hideRow(row: Range): void {
    const r = unwrap(row);
    this.hideRows(r.getRow(), r.getNumRows());
  }

  unhideRow(row: Range): void {
    const r = unwrap(row);
    this.showRows(r.getRow(), r.getNumRows());
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    return this.hiddenRows.get(rowPosition - 1);
  }

  // --- the sheet itself ----------------------------------------------------------------------

  getName(): string {
    return this.name;
  }

  getSheetName(): string {
    return this.name;
  }

  /** Renames; another sheet of the same name (case-insensitive) is Apps Script's error. */
  setName(name: string): this {
    this.spreadsheet.checkNewSheetName(String(name), this);
    this.name = String(name);
    return this;
  }

  getIndex(): number {
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }

  getSheetId(): number {
    return this.sheetId;
  }

  getParent(): Spreadsheet {
    return this.spreadsheet;
  }

  activate(): this {
    this.spreadsheet.activeSheet = this;
    return this;
  }

  hideSheet(): this {
    if (this.hidden) return this;
    const visible = this.spreadsheet.sheets.filter((s) => !s.hidden && s !== this);
    if (visible.length === 0) throw new Error("You can't hide all the sheets in a document.");
    this.hidden = true;
    if (this.spreadsheet.activeSheet === this) this.spreadsheet.activeSheet = visible[0] ?? this;
    return this;
  }

  showSheet(): this {
    this.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    return this.hidden;
  }

  setTabColor(color: string | null): this {
    this.tabColor = color === null || color === '' ? null : String(color).toLowerCase();
    return this;
  }

  getTabColor(): string | null {
    return this.tabColor;
  }

  getActiveRange(): Range | null {
    return this.activeRange ?? this.rangeAt(1, 1);
  }

  getActiveCell(): Range {
    const r = this.getActiveRange() ?? this.rangeAt(1, 1);
    return new Range(this, r.row, r.column, 1, 1);
  }

  getCurrentCell(): Range | null {
    return this.getActiveCell();
  }

  setActiveRange(range: Range): Range {
    const r = unwrap(range);
    this.activeRange = r;
    this.spreadsheet.activeSheet = this;
    return r;
  }

  setActiveSelection(a: Range | string): Range {
    return this.setActiveRange(typeof a === 'string' ? this.rangeA1(a) : a);
  }

  setCurrentCell(cell: Range): Range {
    return this.setActiveRange(cell);
  }

  /** Protects the sheet; a sheet already protected returns its existing protection. */
  protect(): Protection {
    const existing = this.protections.find((p) => p.type === 'SHEET');
    if (existing) return existing;
    const p = new Protection(this, 'SHEET', null, this.owner());
    this.protections.push(p);
    return p;
  }

  getProtections(type: string): Protection[] {
    return this.protections.filter((p) => p.type === String(type));
  }

  /** Copies every layer and property of `this` into `target` (insertSheet with a template). */
  copyInto(target: Sheet): void {
    const src = this.layers();
    const dst = target.layers();
    src.forEach((l, i) => {
      const d = dst[i];
      if (d) d.rows = l.clone().rows;
    });
    target.columnWidths.items = this.columnWidths.items.slice();
    target.hiddenRows.items = this.hiddenRows.items.slice();
    target.hiddenColumns.items = this.hiddenColumns.items.slice();
    target.maxRows = this.maxRows;
    target.maxColumns = this.maxColumns;
    target.frozenRows = this.frozenRows;
    target.frozenColumns = this.frozenColumns;
    target.tabColor = this.tabColor;
  }

  /**
   * Emulator-only (not counted when called on the raw object): the sheet as plain data for tests,
   * the playground grid and the xlsx export. See `SheetSnapshot`.
   */
  snapshot(options: { rows?: number; columns?: number } = {}): SheetSnapshot {
    const lastRow = this.getLastRow();
    const lastColumn = this.getLastColumn();
    const rows = Math.min(this.maxRows, Math.max(1, lastRow, options.rows ?? 0));
    const columns = Math.min(this.maxColumns, Math.max(1, lastColumn, options.columns ?? 0));
    const { timeZone, locale } = this.context();
    const grid = <T, U>(layer: Layer<T>, f: (v: T) => U): U[][] => {
      const out: U[][] = new Array(rows);
      const empty = f(layer.empty);
      for (let r = 0; r < rows; r++) {
        const src = layer.rows[r];
        const line: U[] = new Array(columns);
        for (let c = 0; c < columns; c++) {
          const v = src ? src[c] : undefined;
          line[c] = v === undefined ? empty : f(v);
        }
        out[r] = line;
      }
      return out;
    };
    const same = <T>(v: T): T => v;
    const values = grid(this.values, copyValue);
    const formats = grid(this.numberFormats, same);
    const rules = grid(this.validations, (v) => (v ? snapshotRule(v) : null));
    const hidden = (line: Line<boolean>) => line.items.flatMap((h, i) => (h ? [i + 1] : []));
    return {
      name: this.name,
      sheetId: this.sheetId,
      index: this.getIndex(),
      hidden: this.hidden,
      tabColor: this.tabColor,
      maxRows: this.maxRows,
      maxColumns: this.maxColumns,
      lastRow,
      lastColumn,
      rows,
      columns,
      frozenRows: this.frozenRows,
      frozenColumns: this.frozenColumns,
      values,
      display: values.map((line, r) =>
        line.map((v, c) => displayValue(v, formats[r]?.[c] ?? null, timeZone, locale)),
      ),
      formulas: grid(this.formulas, same),
      numberFormats: formats.map((line) => line.map((f) => f ?? DEFAULT_NUMBER_FORMAT)),
      bold: grid(this.bold, same),
      fontColors: grid(this.fontColors, same),
      backgrounds: grid(this.backgrounds, same),
      horizontalAlignments: grid(this.alignments, same),
      wraps: grid(this.wraps, same),
      notes: grid(this.notes, same),
      validations: rules.map((line) => line.map((v) => v?.list ?? null)),
      checkboxes: rules.map((line) => line.map((v) => v?.criteria === 'CHECKBOX')),
      validationRules: rules,
      columnWidths: Array.from({ length: columns }, (_, c) => this.columnWidths.get(c)),
      hiddenRows: hidden(this.hiddenRows),
      hiddenColumns: hidden(this.hiddenColumns),
      protections: this.protections.map((p) => p.snapshot()),
    };
  }
}

/** Estimated width in pixels of a line of 10 pt Arial / Noto Sans JP. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0xff ? 13 : 7;
  return w;
}
