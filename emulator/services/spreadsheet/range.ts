import { API_NAME } from '../../core/instrument';
import { cellA1, rangeA1 } from './a1';
import { DEFAULT_BACKGROUND, normalizeColor } from './colors';
import { displayValue } from './display';
import { Protection } from './protection';
import type { Sheet } from './sheet';
import type { Emulates } from './types';
import { type DataValidation, DataValidationBuilder } from './validation';
import { type CellValue, copyValue, DEFAULT_NUMBER_FORMAT, evaluateFormula } from './values';

type GRange = GoogleAppsScript.Spreadsheet.Range;

/** Apps Script's name for the type of an argument, as in "The parameters (String) don't match…". */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return '';
  if (Array.isArray(v)) return `${v.length ? typeName(v[0]) : 'Object'}[]`;
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (v instanceof Date) return 'Date';
  return 'Object';
}

export function signatureError(args: unknown[], method: string): Error {
  return new Error(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
  );
}

/**
 * Checks a two-dimensional argument against the range's shape with Apps Script's messages
 * ("The number of rows in the data does not match the number of rows in the range. The data has
 * 3 but the range has 2.").
 */
export function checkShape(
  data: unknown,
  numRows: number,
  numColumns: number,
  method: string,
): unknown[][] {
  if (!Array.isArray(data)) throw signatureError([data], method);
  if (data.length !== numRows) {
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`,
    );
  }
  for (const row of data) {
    if (!Array.isArray(row)) throw signatureError([data], method);
    if (row.length !== numColumns) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numColumns}.`,
      );
    }
  }
  return data as unknown[][];
}

type RangeMethods =
  | 'activate'
  | 'activateAsCurrentCell'
  | 'check'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'copyTo'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getGridId'
  | 'getHeight'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getRowIndex'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getWidth'
  | 'getWrap'
  | 'getWraps'
  | 'insertCheckboxes'
  | 'isBlank'
  | 'isChecked'
  | 'offset'
  | 'protect'
  | 'removeCheckboxes'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontColor'
  | 'setFontColors'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setHorizontalAlignments'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setWrap'
  | 'setWrapStrategy'
  | 'setWraps'
  | 'uncheck';

/**
 * A rectangle of one sheet. Like Apps Script's, a Range is only coordinates: it reads the sheet at
 * call time. Every setter returns the range itself.
 *
 * Formulas are stored, not calculated: see `evaluateFormula` in values.ts for the few the emulator
 * evaluates; any other formula cell reads as `''`.
 */
export class Range implements Emulates<GRange, RangeMethods> {
  readonly [API_NAME] = 'Range';

  constructor(
    readonly sheet: Sheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private method(name: string): string {
    return `SpreadsheetApp.Range.${name}`;
  }

  /** Calls `fn` for each cell with 0-based sheet coordinates and 0-based offsets in the range. */
  private each(fn: (r: number, c: number, i: number, j: number) => void): void {
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numColumns; j++) fn(this.row - 1 + i, this.column - 1 + j, i, j);
    }
  }

  private map<T>(fn: (r: number, c: number) => T): T[][] {
    const out: T[][] = new Array(this.numRows);
    for (let i = 0; i < this.numRows; i++) {
      const line: T[] = new Array(this.numColumns);
      const r = this.row - 1 + i;
      for (let j = 0; j < this.numColumns; j++) line[j] = fn(r, this.column - 1 + j);
      out[i] = line;
    }
    return out;
  }

  private fill(
    matrix: unknown[][] | null,
    fn: (r: number, c: number, v: unknown) => void,
    value?: unknown,
  ): this {
    this.each((r, c, i, j) => fn(r, c, matrix ? matrix[i]?.[j] : value));
    return this;
  }

  // --- geometry ------------------------------------------------------------------------------

  getA1Notation(): string {
    return rangeA1(this.row, this.column, this.numRows, this.numColumns);
  }

  getRow(): number {
    return this.row;
  }

  getRowIndex(): number {
    return this.row;
  }

  getColumn(): number {
    return this.column;
  }

  getNumRows(): number {
    return this.numRows;
  }

  getNumColumns(): number {
    return this.numColumns;
  }

  getHeight(): number {
    return this.numRows;
  }

  getWidth(): number {
    return this.numColumns;
  }

  /** The last row of the range (not of the data). */
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }

  getLastColumn(): number {
    return this.column + this.numColumns - 1;
  }

  getSheet(): Sheet {
    return this.sheet;
  }

  getGridId(): number {
    return this.sheet.sheetId;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    return this.sheet.rangeAt(
      this.row + rowOffset,
      this.column + columnOffset,
      numRows ?? this.numRows,
      numColumns ?? this.numColumns,
    );
  }

  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this.numRows || column > this.numColumns) {
      throw new Error('Cell reference out of range');
    }
    return this.sheet.rangeAt(this.row + row - 1, this.column + column - 1, 1, 1);
  }

  activate(): this {
    this.sheet.setActiveRange(this);
    return this;
  }

  activateAsCurrentCell(): this {
    return this.activate();
  }

  // --- values --------------------------------------------------------------------------------

  /** Values as Apps Script returns them: `''` for empty cells, numbers, booleans, strings, Dates. */
  getValues(): CellValue[][] {
    const rows = this.sheet.values.rows;
    const out: CellValue[][] = new Array(this.numRows);
    const c0 = this.column - 1;
    for (let i = 0; i < this.numRows; i++) {
      const src = rows[this.row - 1 + i];
      const line: CellValue[] = new Array(this.numColumns);
      for (let j = 0; j < this.numColumns; j++) {
        const v = src ? src[c0 + j] : undefined;
        line[j] = v === undefined ? '' : v instanceof Date ? new Date(v.getTime()) : v;
      }
      out[i] = line;
    }
    return out;
  }

  getValue(): CellValue {
    return copyValue(this.sheet.values.get(this.row - 1, this.column - 1));
  }

  /** Writes a grid of the range's exact shape, coerced as typed input (see `coerceInput`). */
  setValues(values: unknown[][]): this {
    const data = checkShape(values, this.numRows, this.numColumns, this.method('setValues'));
    this.sheet.writeValues(this.row, this.column, data);
    return this;
  }

  /** Writes one value into every cell of the range. */
  setValue(value: unknown): this {
    const line = new Array<unknown>(this.numColumns).fill(value);
    const data = Array.from({ length: this.numRows }, () => line);
    this.sheet.writeValues(this.row, this.column, data);
    return this;
  }

  getDisplayValues(): string[][] {
    const { timeZone, locale } = this.sheet.context();
    const values = this.sheet.values;
    const formats = this.sheet.numberFormats;
    return this.map((r, c) => displayValue(values.get(r, c), formats.get(r, c), timeZone, locale));
  }

  getDisplayValue(): string {
    return this.getDisplayValues()[0]?.[0] ?? '';
  }

  isBlank(): boolean {
    let blank = true;
    this.each((r, c) => {
      if (this.sheet.values.get(r, c) !== '' || this.sheet.formulas.get(r, c) !== '') blank = false;
    });
    return blank;
  }

  // --- formulas ------------------------------------------------------------------------------

  getFormula(): string {
    return this.sheet.formulas.get(this.row - 1, this.column - 1);
  }

  getFormulas(): string[][] {
    return this.map((r, c) => this.sheet.formulas.get(r, c));
  }

  /**
   * Stores the same formula text in every cell (no relative-reference adjustment), even in a
   * plain-text cell. Text not starting with `=` is written as a value.
   */
  setFormula(formula: string): this {
    const line = new Array<unknown>(this.numColumns).fill(formula);
    return this.setFormulas(Array.from({ length: this.numRows }, () => line) as string[][]);
  }

  setFormulas(formulas: string[][]): this {
    const data = checkShape(formulas, this.numRows, this.numColumns, this.method('setFormulas'));
    const isFormula = (f: unknown) => typeof f === 'string' && f.startsWith('=') && f.length > 1;
    // Values first (validation, coercion of non-formulas), then the formulas themselves.
    this.sheet.writeValues(
      this.row,
      this.column,
      data.map((line) => line.map((f) => (isFormula(f) ? '' : f))),
    );
    this.fill(data, (r, c, f) => {
      if (!isFormula(f)) return;
      this.sheet.formulas.set(r, c, f as string);
      this.sheet.values.set(r, c, evaluateFormula(f as string));
    });
    return this;
  }

  // --- clearing ------------------------------------------------------------------------------

  /** `clear()` clears contents, formats and validations; options narrow it like Apps Script's. */
  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): this {
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    const box = [this.row - 1, this.column - 1, this.numRows, this.numColumns] as const;
    if (!any || o.contentsOnly) this.sheet.clearContent(...box);
    if (!any || o.formatOnly) this.sheet.clearFormat(...box, true);
    if (!any || o.formatOnly || o.validationsOnly) this.sheet.validations.clear(...box);
    if (o.commentsOnly) this.sheet.notes.clear(...box);
    return this;
  }

  clearContent(): this {
    this.sheet.clearContent(this.row - 1, this.column - 1, this.numRows, this.numColumns);
    return this;
  }

  /** Clears text formatting; like Apps Script's, it keeps number formats. */
  clearFormat(): this {
    this.sheet.clearFormat(this.row - 1, this.column - 1, this.numRows, this.numColumns, false);
    return this;
  }

  clearDataValidations(): this {
    this.sheet.validations.clear(this.row - 1, this.column - 1, this.numRows, this.numColumns);
    return this;
  }

  clearNote(): this {
    this.sheet.notes.clear(this.row - 1, this.column - 1, this.numRows, this.numColumns);
    return this;
  }

  /** Copies values, formulas, formats, notes and validations to `destination`'s top-left cell. */
  copyTo(destination: Range, _options?: unknown): void {
    const src = this.sheet;
    const dst = destination.sheet;
    const cells: [number, number, number, number][] = [];
    this.each((r, c, i, j) =>
      cells.push([r, c, destination.row - 1 + i, destination.column - 1 + j]),
    );
    dst.ensureSize(destination.row - 1 + this.numRows, destination.column - 1 + this.numColumns);
    const layers = src.layers();
    const targets = dst.layers();
    const snapshot = cells.map(([r, c]) => layers.map((l) => l.get(r, c)));
    cells.forEach(([, , tr, tc], k) => {
      targets.forEach((l, n) => {
        l.set(tr, tc, snapshot[k]?.[n]);
      });
    });
  }

  // --- formats -------------------------------------------------------------------------------

  setNumberFormat(numberFormat: string): this {
    return this.fill(
      null,
      (r, c, v) => this.sheet.numberFormats.set(r, c, formatOrNull(v)),
      numberFormat,
    );
  }

  setNumberFormats(numberFormats: string[][]): this {
    const data = checkShape(
      numberFormats,
      this.numRows,
      this.numColumns,
      this.method('setNumberFormats'),
    );
    return this.fill(data, (r, c, v) => this.sheet.numberFormats.set(r, c, formatOrNull(v)));
  }

  /** A cell nobody formatted reports `0.###############`, as Apps Script does. */
  getNumberFormat(): string {
    return this.sheet.numberFormats.get(this.row - 1, this.column - 1) ?? DEFAULT_NUMBER_FORMAT;
  }

  getNumberFormats(): string[][] {
    return this.map((r, c) => this.sheet.numberFormats.get(r, c) ?? DEFAULT_NUMBER_FORMAT);
  }

  setFontWeight(fontWeight: 'normal' | 'bold' | null): this {
    return this.fill(null, (r, c, v) => this.sheet.bold.set(r, c, v === 'bold'), fontWeight);
  }

  setFontWeights(fontWeights: ('normal' | 'bold' | null)[][]): this {
    const data = checkShape(
      fontWeights,
      this.numRows,
      this.numColumns,
      this.method('setFontWeights'),
    );
    return this.fill(data, (r, c, v) => this.sheet.bold.set(r, c, v === 'bold'));
  }

  getFontWeight(): 'normal' | 'bold' {
    return this.sheet.bold.get(this.row - 1, this.column - 1) ? 'bold' : 'normal';
  }

  getFontWeights(): ('normal' | 'bold')[][] {
    return this.map((r, c) => (this.sheet.bold.get(r, c) ? 'bold' : 'normal'));
  }

  setFontColor(color: string | null): this {
    return this.fill(
      null,
      (r, c, v) => this.sheet.fontColors.set(r, c, normalizeColor(v as string)),
      color,
    );
  }

  setFontColors(colors: unknown[][]): this {
    const data = checkShape(colors, this.numRows, this.numColumns, this.method('setFontColors'));
    return this.fill(data, (r, c, v) =>
      this.sheet.fontColors.set(r, c, normalizeColor(v as string)),
    );
  }

  setBackground(color: string | null): this {
    return this.fill(
      null,
      (r, c, v) => this.sheet.backgrounds.set(r, c, normalizeColor(v as string)),
      color,
    );
  }

  setBackgrounds(color: (string | null)[][]): this {
    const data = checkShape(color, this.numRows, this.numColumns, this.method('setBackgrounds'));
    return this.fill(data, (r, c, v) =>
      this.sheet.backgrounds.set(r, c, normalizeColor(v as string)),
    );
  }

  getBackground(): string {
    return this.sheet.backgrounds.get(this.row - 1, this.column - 1) ?? DEFAULT_BACKGROUND;
  }

  getBackgrounds(): string[][] {
    return this.map((r, c) => this.sheet.backgrounds.get(r, c) ?? DEFAULT_BACKGROUND);
  }

  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): this {
    return this.fill(null, (r, c, v) => this.sheet.alignments.set(r, c, alignOrNull(v)), alignment);
  }

  setHorizontalAlignments(alignments: ('left' | 'center' | 'normal' | 'right' | null)[][]): this {
    const data = checkShape(
      alignments,
      this.numRows,
      this.numColumns,
      this.method('setHorizontalAlignments'),
    );
    return this.fill(data, (r, c, v) => this.sheet.alignments.set(r, c, alignOrNull(v)));
  }

  setWrap(isWrapEnabled: boolean): this {
    return this.fill(null, (r, c, v) => this.sheet.wraps.set(r, c, Boolean(v)), isWrapEnabled);
  }

  setWraps(isWrapEnabled: boolean[][]): this {
    const data = checkShape(isWrapEnabled, this.numRows, this.numColumns, this.method('setWraps'));
    return this.fill(data, (r, c, v) => this.sheet.wraps.set(r, c, Boolean(v)));
  }

  /** `WRAP` turns wrapping on; `OVERFLOW` and `CLIP` turn it off. */
  setWrapStrategy(strategy: string): this {
    return this.setWrap(String(strategy) === 'WRAP');
  }

  getWrap(): boolean {
    return this.sheet.wraps.get(this.row - 1, this.column - 1);
  }

  getWraps(): boolean[][] {
    return this.map((r, c) => this.sheet.wraps.get(r, c));
  }

  // --- notes ---------------------------------------------------------------------------------

  setNote(note: string | null): this {
    return this.fill(
      null,
      (r, c, v) => this.sheet.notes.set(r, c, v == null ? '' : String(v)),
      note,
    );
  }

  setNotes(notes: (string | null)[][]): this {
    const data = checkShape(notes, this.numRows, this.numColumns, this.method('setNotes'));
    return this.fill(data, (r, c, v) => this.sheet.notes.set(r, c, v == null ? '' : String(v)));
  }

  getNote(): string {
    return this.sheet.notes.get(this.row - 1, this.column - 1);
  }

  getNotes(): string[][] {
    return this.map((r, c) => this.sheet.notes.get(r, c));
  }

  // --- data validation -----------------------------------------------------------------------

  /** Sets (or with `null` removes) the rule. Existing values are not re-checked, as in Sheets. */
  setDataValidation(rule: DataValidation | null): this {
    return this.fill(
      null,
      (r, c, v) => this.sheet.validations.set(r, c, (v as DataValidation | null) ?? null),
      rule,
    );
  }

  setDataValidations(rules: (DataValidation | null)[][]): this {
    const data = checkShape(
      rules,
      this.numRows,
      this.numColumns,
      this.method('setDataValidations'),
    );
    return this.fill(data, (r, c, v) =>
      this.sheet.validations.set(r, c, (v as DataValidation | null) ?? null),
    );
  }

  getDataValidation(): DataValidation | null {
    return this.sheet.validations.get(this.row - 1, this.column - 1);
  }

  getDataValidations(): (DataValidation | null)[][] {
    return this.map((r, c) => this.sheet.validations.get(r, c));
  }

  /** Checkbox rule (`TRUE`/`FALSE`) on every cell, and every cell set to `false`. */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): this {
    const builder = new DataValidationBuilder();
    if (checkedValue === undefined) builder.requireCheckbox();
    else if (uncheckedValue === undefined) builder.requireCheckbox(checkedValue);
    else builder.requireCheckbox(checkedValue, uncheckedValue);
    const rule = builder.build();
    this.setDataValidation(rule);
    const unchecked = checkedValue === undefined ? false : (uncheckedValue ?? '');
    this.each((r, c) => {
      this.sheet.values.set(r, c, unchecked as CellValue);
      this.sheet.formulas.set(r, c, '');
    });
    return this;
  }

  /** Removes checkbox rules, clearing cells that hold the checked or unchecked value. */
  removeCheckboxes(): this {
    this.each((r, c) => {
      const rule = this.sheet.validations.get(r, c);
      if (rule?.getCriteriaType() !== 'CHECKBOX') return;
      const args = rule.rule.args;
      const v = this.sheet.values.get(r, c);
      const states = args.length ? args : [true, false];
      if (states.some((s) => s === v)) this.sheet.values.set(r, c, '');
      this.sheet.validations.set(r, c, null);
    });
    return this;
  }

  private setChecked(checked: boolean): this {
    this.each((r, c) => {
      const rule = this.sheet.validations.get(r, c);
      if (rule?.getCriteriaType() !== 'CHECKBOX') return;
      const args = rule.rule.args;
      const value = args.length ? (checked ? args[0] : (args[1] ?? '')) : checked;
      this.sheet.values.set(r, c, value as CellValue);
    });
    return this;
  }

  check(): this {
    return this.setChecked(true);
  }

  uncheck(): this {
    return this.setChecked(false);
  }

  /** `true`/`false` when every checkbox cell is checked/unchecked; `null` when mixed or none. */
  isChecked(): boolean | null {
    let seen: boolean | null | undefined;
    this.each((r, c) => {
      const rule = this.sheet.validations.get(r, c);
      if (rule?.getCriteriaType() !== 'CHECKBOX') {
        seen = null;
        return;
      }
      const args = rule.rule.args;
      const v = this.sheet.values.get(r, c);
      const checked = args.length ? v === args[0] : v === true;
      if (seen === undefined) seen = checked;
      else if (seen !== checked) seen = null;
    });
    return seen ?? null;
  }

  // --- protection ----------------------------------------------------------------------------

  protect(): Protection {
    const p = new Protection(this.sheet, 'RANGE', this, this.sheet.owner());
    this.sheet.protections.push(p);
    return p;
  }

  /** Emulator-only: `A1` of the top-left cell. */
  topLeftA1(): string {
    return cellA1(this.row, this.column);
  }
}

function formatOrNull(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v);
  return s === '' ? null : s;
}

function alignOrNull(v: unknown): string | null {
  if (v === null || v === undefined || v === 'normal' || v === 'general') return null;
  return String(v);
}
