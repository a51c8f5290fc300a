import { createHash } from 'node:crypto';
import { API_NAME, unwrap } from '../../core/instrument';
import { quoteSheetName, RANGE_NOT_FOUND, splitSheet } from './a1';
import { NamedRange, type Protection } from './protection';
import type { Range } from './range';
import { Sheet, type SheetSnapshot } from './sheet';
import type { Emulates } from './types';
import type { CellValue } from './values';

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What a spreadsheet needs from its surroundings. */
export interface SpreadsheetHost {
  /** Virtual time (ms), for the toast log. */
  now(): number;
  /** The owner's e-mail (editor of new protections). */
  readonly owner: string;
}

export interface Toast {
  readonly at: number;
  readonly message: string;
  readonly title: string;
  readonly timeoutSeconds: number;
}

export interface SpreadsheetSnapshot {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly locale: string;
  readonly timeZone: string;
  /** Name of the active sheet. */
  readonly activeSheet: string;
  readonly sheets: SheetSnapshot[];
  readonly namedRanges: { readonly name: string; readonly range: string }[];
  readonly toasts: Toast[];
}

type SpreadsheetMethods =
  | 'appendRow'
  | 'deleteActiveSheet'
  | 'deleteSheet'
  | 'duplicateActiveSheet'
  | 'getActiveCell'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getCurrentCell'
  | 'getDataRange'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getId'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getName'
  | 'getNamedRanges'
  | 'getNumSheets'
  | 'getProtections'
  | 'getRange'
  | 'getRangeByName'
  | 'getSheetById'
  | 'getSheetByName'
  | 'getSheetId'
  | 'getSheetName'
  | 'getSheetValues'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'insertSheet'
  | 'moveActiveSheet'
  | 'removeNamedRange'
  | 'rename'
  | 'renameActiveSheet'
  | 'setActiveRange'
  | 'setActiveSelection'
  | 'setActiveSheet'
  | 'setCurrentCell'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setNamedRange'
  | 'setSpreadsheetLocale'
  | 'setSpreadsheetTimeZone'
  | 'toast';

/** One spreadsheet file: its sheets, named ranges and the toasts shown on it. */
export class Spreadsheet implements Emulates<GSpreadsheet, SpreadsheetMethods> {
  readonly [API_NAME] = 'Spreadsheet';
  sheets: Sheet[] = [];
  activeSheet: Sheet;
  readonly namedRanges = new Map<string, NamedRange>();
  /** Emulator-only: every `toast()` shown, oldest first. */
  readonly toasts: Toast[] = [];
  /**
   * Emulator-only: cells whose values or formulas were written (setValue(s), setFormula(s),
   * appendRow) since the last flush. A flush costs more the more of them it applies; formats,
   * notes and validations are not counted (the measurement behind core/latency.ts wrote values).
   */
  pendingWrittenCells = 0;
  private sheetSeq = 0;

  constructor(
    private readonly host: SpreadsheetHost,
    readonly id: string,
    public name: string,
    public locale: string,
    public timeZone: string,
    size: { rows?: number; columns?: number } = {},
  ) {
    const first = new Sheet(this, this.defaultSheetName(), this.newSheetId());
    if (size.rows) first.maxRows = size.rows;
    if (size.columns) first.maxColumns = size.columns;
    this.sheets.push(first);
    this.activeSheet = first;
  }

  get owner(): string {
    return this.host.owner;
  }

  /** The first sheet is gid 0; later ones get stable pseudo-random ids, as Sheets' look. */
  private newSheetId(): number {
    const seq = this.sheetSeq++;
    if (seq === 0) return 0;
    const hex = createHash('sha256').update(`${this.id}:${seq}`).digest('hex').slice(0, 8);
    return (Number.parseInt(hex, 16) % 2_000_000_000) + 1;
  }

  /** `シート1`, `シート2`… in Japanese spreadsheets, `Sheet1`… otherwise; the first unused. */
  private defaultSheetName(): string {
    const prefix = this.locale.startsWith('ja') ? 'シート' : 'Sheet';
    let n = this.sheets.length + 1;
    while (this.findSheet(`${prefix}${n}`)) n++;
    return `${prefix}${n}`;
  }

  private findSheet(name: string): Sheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  /** Apps Script's error for a name another sheet already has (compared case-insensitively). */
  checkNewSheetName(name: string, self?: Sheet): void {
    const other = this.findSheet(name);
    if (other && other !== self) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  getId(): string {
    return this.id;
  }

  getName(): string {
    return this.name;
  }

  rename(newName: string): void {
    this.name = String(newName);
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  getSpreadsheetLocale(): string {
    return this.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.locale = String(locale);
  }

  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.timeZone = String(timezone);
  }

  // --- sheets --------------------------------------------------------------------------------

  getSheets(): Sheet[] {
    return this.sheets.slice();
  }

  getNumSheets(): number {
    return this.sheets.length;
  }

  /** Case-insensitive, like Sheets' own names; `null` when there is none. */
  getSheetByName(name: string): Sheet | null {
    return this.findSheet(String(name)) ?? null;
  }

  getSheetById(id: number): Sheet | null {
    return this.sheets.find((s) => s.sheetId === Number(id)) ?? null;
  }

  /**
   * `insertSheet()`, `(index)`, `(name)`, `(name, index)`, `(options)`, `(name, options)`,
   * `(index, options)`, `(name, index, options)`. The index is 0-based; without one the sheet goes
   * right after the active sheet. The new sheet becomes active. `{template}` copies a sheet.
   */
  insertSheet(
    a?: string | number | { template?: Sheet },
    b?: number | { template?: Sheet },
    c?: { template?: Sheet },
  ): Sheet {
    let name: string | undefined;
    let index: number | undefined;
    let options: { template?: Sheet } | undefined;
    for (const arg of [a, b, c]) {
      if (typeof arg === 'string') name = arg;
      else if (typeof arg === 'number') index = arg;
      else if (arg && typeof arg === 'object') options = arg;
    }
    const sheetName = name === undefined || name === '' ? this.defaultSheetName() : name;
    this.checkNewSheetName(sheetName);
    const sheet = new Sheet(this, sheetName, this.newSheetId());
    const template = options?.template ? unwrap(options.template) : undefined;
    if (template) template.copyInto(sheet);
    const at = index === undefined ? this.sheets.indexOf(this.activeSheet) + 1 : Math.trunc(index);
    this.sheets.splice(Math.max(0, Math.min(at, this.sheets.length)), 0, sheet);
    this.activeSheet = sheet;
    return sheet;
  }

  deleteSheet(sheet: Sheet): void {
    const s = unwrap(sheet);
    const i = this.sheets.indexOf(s);
    if (i < 0) return;
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(i, 1);
    if (this.activeSheet === s)
      this.activeSheet = this.sheets[Math.max(0, i - 1)] ?? (this.sheets[0] as Sheet);
    for (const [key, nr] of this.namedRanges)
      if (nr.range.sheet === s) this.namedRanges.delete(key);
  }

  deleteActiveSheet(): Sheet {
    this.deleteSheet(this.activeSheet);
    return this.activeSheet;
  }

  /** Copies the active sheet right after it as `<name> のコピー` (ja) / `Copy of <name>`. */
  duplicateActiveSheet(): Sheet {
    const src = this.activeSheet;
    const base = this.locale.startsWith('ja') ? `${src.name} のコピー` : `Copy of ${src.name}`;
    let name = base;
    for (let n = 2; this.findSheet(name); n++) name = `${base} ${n}`;
    return this.insertSheet(name, this.sheets.indexOf(src) + 1, { template: src });
  }

  getActiveSheet(): Sheet {
    return this.activeSheet;
  }

  setActiveSheet(sheet: Sheet, _restoreSelection?: boolean): Sheet {
    const s = unwrap(sheet);
    if (this.sheets.includes(s)) this.activeSheet = s;
    return s;
  }

  renameActiveSheet(newName: string): void {
    this.activeSheet.setName(newName);
  }

  /** Moves the active sheet to 1-based position `pos`. */
  moveActiveSheet(pos: number): void {
    const s = this.activeSheet;
    const to = Math.max(0, Math.min(Math.trunc(pos) - 1, this.sheets.length - 1));
    this.sheets.splice(this.sheets.indexOf(s), 1);
    this.sheets.splice(to, 0, s);
  }

  // --- ranges --------------------------------------------------------------------------------

  /** `'Sheet1'!A1:B2`, `A1` (active sheet), or a named range. */
  getRange(a1Notation: string): Range {
    const text = String(a1Notation);
    const named = this.namedRanges.get(text);
    if (named) return named.range;
    const { sheetName, ref } = splitSheet(text);
    const sheet = sheetName === undefined ? this.activeSheet : this.findSheet(sheetName);
    if (!sheet) throw new Error(RANGE_NOT_FOUND);
    return sheet.rangeA1(ref);
  }

  getRangeByName(name: string): Range | null {
    return this.namedRanges.get(String(name))?.range ?? null;
  }

  setNamedRange(name: string, range: Range): void {
    const key = String(name);
    this.namedRanges.set(key, new NamedRange(this, key, unwrap(range)));
  }

  getNamedRanges(): NamedRange[] {
    return [...this.namedRanges.values()];
  }

  removeNamedRange(name: string): void {
    this.namedRanges.delete(String(name));
  }

  getActiveRange(): Range | null {
    return this.activeSheet.getActiveRange();
  }

  setActiveRange(range: Range): Range {
    const r = unwrap(range);
    return r.sheet.setActiveRange(r);
  }

  setActiveSelection(a: Range | string): Range {
    return typeof a === 'string' ? this.setActiveRange(this.getRange(a)) : this.setActiveRange(a);
  }

  getActiveCell(): Range {
    return this.activeSheet.getActiveCell();
  }

  getCurrentCell(): Range | null {
    return this.activeSheet.getActiveCell();
  }

  setCurrentCell(cell: Range): Range {
    return this.setActiveRange(cell);
  }

  getProtections(type: string): Protection[] {
    return this.sheets.flatMap((s) => s.getProtections(type));
  }

  // --- the active sheet's shortcuts ----------------------------------------------------------

  appendRow(rowContents: unknown[]): Sheet {
    return this.activeSheet.appendRow(rowContents);
  }

  getDataRange(): Range {
    return this.activeSheet.getDataRange();
  }

  getLastRow(): number {
    return this.activeSheet.getLastRow();
  }

  getLastColumn(): number {
    return this.activeSheet.getLastColumn();
  }

  getSheetId(): number {
    return this.activeSheet.getSheetId();
  }

  getSheetName(): string {
    return this.activeSheet.getName();
  }

  getSheetValues(
    startRow: number,
    startColumn: number,
    numRows: number,
    numColumns: number,
  ): CellValue[][] {
    return this.activeSheet.getSheetValues(startRow, startColumn, numRows, numColumns);
  }

  getFrozenRows(): number {
    return this.activeSheet.getFrozenRows();
  }

  setFrozenRows(rows: number): void {
    this.activeSheet.setFrozenRows(rows);
  }

  getFrozenColumns(): number {
    return this.activeSheet.getFrozenColumns();
  }

  setFrozenColumns(columns: number): void {
    this.activeSheet.setFrozenColumns(columns);
  }

  /** Records the toast (Sheets shows it for `timeoutSeconds`, default 5). */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.toasts.push({
      at: this.host.now(),
      message: String(msg),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }

  /** Emulator-only: keeps the spreadsheet's state; the function returned puts it back. */
  checkpoint(): () => void {
    const sheets = this.sheets.slice();
    const active = this.activeSheet;
    const named = [...this.namedRanges.entries()];
    const restores = sheets.map((s) => s.checkpoint());
    return () => {
      this.sheets = sheets;
      this.activeSheet = active;
      this.namedRanges.clear();
      for (const [k, v] of named) this.namedRanges.set(k, v);
      for (const restore of restores) restore();
    };
  }

  /** Emulator-only: every sheet's `snapshot()` plus the spreadsheet's own state. */
  snapshot(): SpreadsheetSnapshot {
    return {
      id: this.id,
      name: this.name,
      url: this.getUrl(),
      locale: this.locale,
      timeZone: this.timeZone,
      activeSheet: this.activeSheet.name,
      sheets: this.sheets.map((s) => s.snapshot()),
      namedRanges: [...this.namedRanges.values()].map((n) => ({
        name: n.name,
        range: `${quoteSheetName(n.range.sheet.name)}!${n.range.getA1Notation()}`,
      })),
      toasts: this.toasts.slice(),
    };
  }
}
