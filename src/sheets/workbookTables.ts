import type { SheetSpec } from './columns';
import { findSheet, type HeaderMap, readHeaderRow, readTable, type Table } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The workbook as one run sees it: each sheet is looked up once and each table read once (two
 * calls however many rows), however many steps of the run ask for it. Whoever writes a sheet
 * calls `forget` for it afterwards, so the next step reads it again and sees the write.
 */
export interface WorkbookTables {
  readonly ss: Spreadsheet;
  /** The sheet of `spec` (by its name, then its aliases), or null when the workbook lacks it. */
  sheet(spec: SheetSpec): Sheet | null;
  /** The whole table of `spec`, or null when the workbook lacks the sheet. */
  table<K extends string>(spec: SheetSpec<K>): Table<K> | null;
  /** Only the header row (three calls), for appending to a long sheet without reading it. */
  headers<K extends string>(spec: SheetSpec<K>): { sheet: Sheet; headers: HeaderMap<K> } | null;
  /** After writing these sheets: their tables and headers are read again when next asked for. */
  forget(...specs: readonly SheetSpec[]): void;
  /** After a step that failed midway (what it wrote is unknown): everything is read again. */
  forgetAll(): void;
}

export function workbookTables(ss: Spreadsheet): WorkbookTables {
  const sheets = new Map<string, Sheet | null>();
  const tables = new Map<string, Table<string>>();
  const headerRows = new Map<string, HeaderMap<string>>();

  const sheet = (spec: SheetSpec): Sheet | null => {
    if (!sheets.has(spec.name)) sheets.set(spec.name, findSheet(ss, spec));
    return sheets.get(spec.name) ?? null;
  };

  return {
    ss,
    sheet,
    table<K extends string>(spec: SheetSpec<K>): Table<K> | null {
      const cached = tables.get(spec.name) as Table<K> | undefined;
      if (cached) return cached;
      const found = sheet(spec);
      if (!found) return null;
      const table = readTable(found, spec);
      tables.set(spec.name, table);
      return table;
    },
    headers<K extends string>(spec: SheetSpec<K>) {
      const found = sheet(spec);
      if (!found) return null;
      const known = (tables.get(spec.name)?.headers ?? headerRows.get(spec.name)) as
        | HeaderMap<K>
        | undefined;
      const headers = known ?? readHeaderRow(found, spec);
      headerRows.set(spec.name, headers);
      return { sheet: found, headers };
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
    },
  };
}
