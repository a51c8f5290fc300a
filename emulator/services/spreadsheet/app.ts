import { createHash } from 'node:crypto';
import { API_NAME, unwrap } from '../../core/instrument';
import { FLUSH_RULE } from '../../core/latency';
import type { Workspace } from '../../workspace';
import type { UiEmulator } from '../ui';
import {
  BorderStyle,
  DataValidationCriteria,
  Dimension,
  Direction,
  ProtectionType,
  SheetType,
  WrapStrategy,
} from './enums';
import type { Range } from './range';
import type { Sheet } from './sheet';
import { Spreadsheet, type SpreadsheetHost } from './spreadsheet';
import type { Emulates } from './types';
import { DataValidationBuilder } from './validation';

type GApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

export { Range } from './range';
export type { SheetSnapshot } from './sheet';
export { Sheet } from './sheet';
export type { SpreadsheetSnapshot, Toast } from './spreadsheet';
export { Spreadsheet } from './spreadsheet';
export { DataValidation, DataValidationBuilder } from './validation';

export interface CreateSpreadsheetOptions {
  /** Spreadsheet locale (default: from the user's locale, `ja` → `ja_JP`). */
  locale?: string;
  /** Spreadsheet time zone (default: the workspace's, Asia/Tokyo). */
  timeZone?: string;
  /** A fixed id (default: a stable 44-character id derived from a counter). */
  id?: string;
  /** Size of the first sheet (default 1000 × 26). */
  rows?: number;
  columns?: number;
  /** Name of the first sheet (default `シート1` / `Sheet1` by locale). */
  sheetName?: string;
}

const OPEN_BY_ID_ERROR =
  'Unexpected error while getting the method or property openById on object SpreadsheetApp.';
const OPEN_BY_URL_ERROR =
  'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.';

type AppMethods =
  | 'create'
  | 'flush'
  | 'getActive'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'getCurrentCell'
  | 'getUi'
  | 'newDataValidation'
  | 'openById'
  | 'openByUrl'
  | 'setActiveRange'
  | 'setActiveSheet'
  | 'setActiveSpreadsheet'
  | 'setCurrentCell';

/**
 * `SpreadsheetApp`: the spreadsheets of one in-memory Workspace.
 *
 * Emulator-only (on the raw object, uncounted): `createSpreadsheet(name, options)`, the
 * `spreadsheets` list and `active`. A script bound to nothing sees `getActiveSpreadsheet()` return
 * `null` until a test or the playground creates (or activates) one.
 */
export class SpreadsheetAppEmulator implements Emulates<GApp, AppMethods> {
  readonly [API_NAME] = 'SpreadsheetApp';
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BorderStyle = BorderStyle;
  readonly WrapStrategy = WrapStrategy;
  readonly ProtectionType = ProtectionType;
  readonly Dimension = Dimension;
  readonly Direction = Direction;
  readonly SheetType = SheetType;

  /** Emulator-only: every spreadsheet of the workspace, in creation order. */
  readonly spreadsheets: Spreadsheet[] = [];
  /** Emulator-only: the spreadsheet the script is bound to (`getActiveSpreadsheet()`), if any. */
  active: Spreadsheet | null = null;
  private seq = 0;
  private readonly host: SpreadsheetHost;

  constructor(private readonly ws: Workspace) {
    this.host = {
      now: () => ws.clock.now(),
      get owner() {
        return ws.user.email;
      },
    };
  }

  private defaultLocale(): string {
    const l = this.ws.user.locale;
    if (l.includes('_')) return l;
    if (l === 'ja') return 'ja_JP';
    if (l === 'en') return 'en_US';
    return `${l}_${l.toUpperCase()}`;
  }

  private newId(name: string): string {
    const n = this.seq++;
    return `1${createHash('sha256').update(`pokke:${n}:${name}`).digest('base64url').slice(0, 43)}`;
  }

  private make(name: string, options: CreateSpreadsheetOptions): Spreadsheet {
    const id = options.id ?? this.newId(name);
    if (this.spreadsheets.some((s) => s.id === id))
      throw new Error(`A spreadsheet with id ${id} exists already`);
    const ss = new Spreadsheet(
      this.host,
      id,
      String(name),
      options.locale ?? this.defaultLocale(),
      options.timeZone ?? this.ws.timeZone,
      { rows: options.rows, columns: options.columns },
    );
    if (options.sheetName) ss.sheets[0]?.setName(options.sheetName);
    this.spreadsheets.push(ss);
    return ss;
  }

  /** Emulator-only: a new spreadsheet, which becomes the active one when none is. */
  createSpreadsheet(name: string, options: CreateSpreadsheetOptions = {}): Spreadsheet {
    const ss = this.make(name, options);
    if (!this.active) this.active = ss;
    return ss;
  }

  /** A new spreadsheet in the user's Drive; it does not become active. */
  create(name: string, rows?: number, columns?: number): Spreadsheet {
    return this.make(name, { rows, columns });
  }

  getActiveSpreadsheet(): Spreadsheet {
    return this.active as Spreadsheet;
  }

  getActive(): Spreadsheet {
    return this.active as Spreadsheet;
  }

  setActiveSpreadsheet(newActiveSpreadsheet: Spreadsheet): void {
    this.active = unwrap(newActiveSpreadsheet);
  }

  getActiveSheet(): Sheet {
    return (this.active?.getActiveSheet() ?? null) as Sheet;
  }

  setActiveSheet(sheet: Sheet, restoreSelection?: boolean): Sheet {
    const s = unwrap(sheet);
    return s.spreadsheet.setActiveSheet(s, restoreSelection);
  }

  getActiveRange(): Range {
    return (this.active?.getActiveRange() ?? null) as Range;
  }

  setActiveRange(range: Range): Range {
    const r = unwrap(range);
    return r.sheet.setActiveRange(r);
  }

  getCurrentCell(): Range {
    return (this.active?.getCurrentCell() ?? null) as Range;
  }

  setCurrentCell(cell: Range): Range {
    return this.setActiveRange(cell);
  }

  /**
   * Writes are applied at once in the emulator; the call is still counted, and costs more the
   * more cells were written since the last flush (see core/latency.ts). When `unflushedWrites`
   * is `'lost'`, a flush is also the point a dying execution rolls back to.
   */
  flush(): void {
    this.ws.meter.chargeUnits(FLUSH_RULE, this.applyPendingWrites());
    if (this.unflushedWrites === 'lost') this.checkpoint();
  }

  /**
   * Emulator-only: marks every spreadsheet's pending writes applied (a flush, or the end of an
   * execution) and returns how many cells were pending.
   */
  applyPendingWrites(): number {
    let cells = 0;
    for (const ss of this.spreadsheets) {
      cells += ss.pendingWrittenCells;
      ss.pendingWrittenCells = 0;
    }
    return cells;
  }

  /**
   * Emulator-only: what happens to the writes an execution made after its last `flush()` when
   * it dies (killed, or out of time). Apps Script batches writes and does not document this, so
   * crash tests run both ways: `'kept'` (the default: every write stays) and `'lost'` (the
   * spreadsheets return to their state at the last flush, or at the execution's start).
   */
  unflushedWrites: 'kept' | 'lost' = 'kept';
  private rollback: (() => void) | null = null;

  private checkpoint(): void {
    const list = this.spreadsheets.slice();
    const restores = list.map((ss) => ss.checkpoint());
    this.rollback = () => {
      this.spreadsheets.splice(0, this.spreadsheets.length, ...list);
      for (const restore of restores) restore();
    };
  }

  /** Emulator-only (the workspace calls it): an execution starts. */
  executionStarted(): void {
    this.rollback = null;
    if (this.unflushedWrites === 'lost') this.checkpoint();
  }

  /** Emulator-only (the workspace calls it): the execution died; unflushed writes may go. */
  executionDied(): void {
    if (this.unflushedWrites === 'lost') this.rollback?.();
    this.rollback = null;
  }

  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder();
  }

  openById(id: string): Spreadsheet {
    const ss = this.spreadsheets.find((s) => s.id === String(id));
    if (!ss) throw new Error(OPEN_BY_ID_ERROR);
    return ss;
  }

  openByUrl(url: string): Spreadsheet {
    const m = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(String(url));
    if (!m) throw new Error('Invalid argument: url');
    const ss = this.spreadsheets.find((s) => s.id === m[1]);
    if (!ss) throw new Error(OPEN_BY_URL_ERROR);
    return ss;
  }

  /**
   * The Ui of the host document: the workspace's `ui` service. Without one (a trigger, a web
   * app), Apps Script's own error.
   */
  getUi(): UiEmulator {
    const ui = (this.ws as { ui?: UiEmulator }).ui;
    if (!ui) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
    return ui;
  }
}
