import { UserError } from '../core/text';
import { a1Range, batchGetValues, sheetRange, workbookLayout } from '../services/sheetsApi';
import { tokyoSerialDate } from './cells';
import type { ColumnKind, SheetSpec } from './columns';
import {
  findSheet,
  type HeaderMap,
  mapHeaders,
  readHeaderRow,
  readTable,
  type Table,
  tableOf,
} from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The workbook as one run sees it: each table read once, however many steps of the run ask for
 * it. Whoever writes a sheet calls `forget` for it afterwards, so the next step reads it again
 * and sees the write.
 *
 * The tables a run names up front (`ReadPlan`) are read together in one Sheets API call
 * (`values.batchGet`) the first time any of them is asked for, and those forgotten since are
 * read again together the next time: a run's reads cost a few calls however many sheets and rows
 * it reads. Before the first read, one call learns the sheets' names (a missing sheet is null,
 * aliases are found) and the spreadsheet's time zone.
 */
export interface WorkbookTables {
  readonly ss: Spreadsheet;
  /** The sheet of `spec` (by its name, then its aliases), or null when the workbook lacks it. */
  sheet(spec: SheetSpec): Sheet | null;
  /** The whole table of `spec`, or null when the workbook lacks the sheet. */
  table<K extends string>(spec: SheetSpec<K>): Table<K> | null;
  /** Only the header row, for appending to a long sheet without reading it. */
  headers<K extends string>(spec: SheetSpec<K>): { sheet: Sheet; headers: HeaderMap<K> } | null;
  /** After writing these sheets: their tables and headers are read again when next asked for. */
  forget(...specs: readonly SheetSpec[]): void;
  /** After a step that failed midway (what it wrote is unknown): everything is read again. */
  forgetAll(): void;
}

/** What a run will read: batched together. Sheets outside it are read when asked for. */
export interface ReadPlan {
  readonly tables?: readonly SheetSpec[];
  /** Sheets of which only the header row is needed (a log the run appends to). */
  readonly headers?: readonly SheetSpec[];
}

/**
 * The zone whose serial numbers the batched read turns into Dates itself. A workbook in another
 * zone is read through SpreadsheetApp, which gives its dates as Dates already.
 */
const BATCH_ZONE = 'Asia/Tokyo';
const DATE_KINDS: ReadonlySet<ColumnKind> = new Set(['date', 'datetime']);

interface Layout {
  readonly id: string;
  readonly titles: readonly string[];
}

export function workbookTables(ss: Spreadsheet, plan: ReadPlan = {}): WorkbookTables {
  const sheets = new Map<string, Sheet | null>();
  const tables = new Map<string, Table<string> | null>();
  const headerRows = new Map<string, HeaderMap<string> | null>();
  // undefined: not looked up yet; null: read through SpreadsheetApp. A reader without a plan
  // reads one sheet at a time, which SpreadsheetApp does as cheaply.
  const batched = (plan.tables?.length ?? 0) + (plan.headers?.length ?? 0) > 0;
  let layout: Layout | null | undefined = batched ? undefined : null;

  const layoutOf = (): Layout | null => {
    if (layout === undefined) {
      const id = ss.getId();
      const found = workbookLayout(id);
      layout = found.timeZone === BATCH_ZONE ? { id, titles: found.titles } : null;
    }
    return layout;
  };

  /** The sheet's title in the workbook: its name, else an alias (case as the owner wrote it). */
  const titleOf = (spec: SheetSpec, titles: readonly string[]): string | null => {
    for (const name of [spec.name, ...(spec.aliases ?? [])]) {
      const title =
        titles.find((t) => t === name) ??
        titles.find((t) => t.toLowerCase() === name.toLowerCase());
      if (title !== undefined) return title;
    }
    return null;
  };

  const sheetTitled = (spec: SheetSpec, title: string): Sheet => {
    let found = sheets.get(spec.name);
    if (!found) {
      found = ss.getSheetByName(title);
      if (!found)
        throw new UserError(
          `「${title}」シートが見つかりません(処理中に削除または名前が変更されました)。もう一度お試しください`,
          `The ${title} sheet is gone (deleted or renamed while Pokke was working); please try again`,
        );
      sheets.set(spec.name, found);
    }
    return found;
  };

  const sheet = (spec: SheetSpec): Sheet | null => {
    if (!sheets.has(spec.name)) sheets.set(spec.name, findSheet(ss, spec));
    return sheets.get(spec.name) ?? null;
  };

  /**
   * One batched read: `wanted` and every table of the plan not held now, and the header rows of
   * the plan not known yet.
   */
  const fetch = (found: Layout, wanted: SheetSpec, headerOnly: boolean): void => {
    const tableSpecs = [...(headerOnly ? [] : [wanted]), ...(plan.tables ?? [])].filter(
      (s, i, all) => !tables.has(s.name) && all.findIndex((o) => o.name === s.name) === i,
    );
    const headerSpecs = [...(headerOnly ? [wanted] : []), ...(plan.headers ?? [])].filter(
      (s, i, all) =>
        !headerRows.has(s.name) &&
        !tableSpecs.some((t) => t.name === s.name) &&
        all.findIndex((o) => o.name === s.name) === i,
    );
    const reads: { spec: SheetSpec; title: string; header: boolean }[] = [];
    for (const [list, header] of [
      [tableSpecs, false],
      [headerSpecs, true],
    ] as const) {
      for (const spec of list) {
        const title = titleOf(spec, found.titles);
        if (title === null) {
          if (header) headerRows.set(spec.name, null);
          else tables.set(spec.name, null);
        } else {
          reads.push({ spec, title, header });
        }
      }
    }
    const results = batchGetValues(
      found.id,
      reads.map((r) => (r.header ? `${sheetRange(r.title)}!1:1` : sheetRange(r.title))),
    );
    reads.forEach(({ spec, title, header }, i) => {
      const result = results[i]!;
      if (header) {
        headerRows.set(spec.name, mapHeaders(spec, result.values[0] ?? []));
        return;
      }
      const quoted = sheetRange(title);
      tables.set(
        spec.name,
        tableOf(withDates(result.values, spec), spec, {
          sheet: () => sheetTitled(spec, title),
          // Written by its A1 address: the sheet itself need not be looked up (a call saved).
          range: (row, column, numRows, numColumns) =>
            ss.getRange(`${quoted}!${a1Range(row, column, numRows, numColumns)}`),
          ...(result.lastRow === undefined ? {} : { maxRows: result.lastRow }),
        }),
      );
    });
  };

  return {
    ss,
    sheet,
    table<K extends string>(spec: SheetSpec<K>): Table<K> | null {
      if (!tables.has(spec.name)) {
        const found = layoutOf();
        if (found) fetch(found, spec, false);
        else {
          const s = sheet(spec);
          tables.set(spec.name, s ? readTable(s, spec) : null);
        }
      }
      return (tables.get(spec.name) ?? null) as Table<K> | null;
    },
    headers<K extends string>(spec: SheetSpec<K>) {
      const table = tables.get(spec.name);
      if (table) return { sheet: table.sheet, headers: table.headers as HeaderMap<K> };
      if (!headerRows.has(spec.name)) {
        const found = layoutOf();
        if (found) fetch(found, spec, true);
        else {
          const s = sheet(spec);
          headerRows.set(spec.name, s ? readHeaderRow(s, spec) : null);
        }
      }
      const headers = headerRows.get(spec.name) as HeaderMap<K> | null | undefined;
      if (!headers) return null;
      const title = layout ? titleOf(spec, layout.titles) : null;
      const found = title === null ? sheet(spec) : sheetTitled(spec, title);
      return found ? { sheet: found, headers } : null;
    },
    forget(...specs) {
      for (const spec of specs) {
        tables.delete(spec.name);
        headerRows.delete(spec.name);
      }
    },
    forgetAll() {
      sheets.clear();
      tables.clear();
      headerRows.clear();
      layout = batched ? undefined : null;
    },
  };
}

/**
 * The grid with the date and date-time cells of `spec`'s date columns as the Dates SpreadsheetApp
 * gives (the batched read gives them as serial numbers). The header row and the owner's own
 * columns stay as read.
 */
function withDates(grid: unknown[][], spec: SheetSpec): unknown[][] {
  const dateColumns = spec.columns.filter((c) => DATE_KINDS.has(c.kind));
  if (dateColumns.length === 0 || grid.length < 2) return grid;
  const { index } = mapHeaders(spec, grid[0] ?? []);
  const at = dateColumns.map((c) => index[c.key]).filter((i): i is number => i !== undefined);
  if (at.length === 0) return grid;
  return grid.map((row, r) => {
    if (r === 0) return row;
    const out = row.slice();
    for (const i of at) {
      const v = out[i];
      if (typeof v === 'number') out[i] = tokyoSerialDate(v);
    }
    return out;
  });
}
