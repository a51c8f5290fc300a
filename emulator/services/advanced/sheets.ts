import { API_NAME } from '../../core/instrument';
import type { Workspace } from '../../workspace';
import { parseA1, quoteSheetName, rangeA1, splitSheet } from '../spreadsheet/a1';
import type { Sheet } from '../spreadsheet/sheet';
import type { Spreadsheet } from '../spreadsheet/spreadsheet';
import { toSerial } from '../spreadsheet/time';
import { apiError, applyFields, parseFields, requireScope } from './common';

/**
 * The Google Sheets advanced service (`Sheets`, Sheets API v4), over the same in-memory
 * spreadsheets as SpreadsheetApp: what a script writes through one, it reads through the other.
 *
 * Modelled (developers.google.com/workspace/sheets/api/reference/rest/v4):
 * - `Spreadsheets.Values.batchGet(spreadsheetId, {ranges, majorDimension, valueRenderOption,
 *   dateTimeRenderOption})` → `{spreadsheetId, valueRanges: [{range, majorDimension, values}]}`,
 *   in the order of `ranges`. A range is a sheet's name (`'売上明細'`, quoted or not: the whole
 *   sheet) or an A1 reference (`'実行ログ'!1:1`, `Sheet1!A1:C3`; without a sheet name, the first
 *   sheet). Each `range` answered names the whole requested range (a whole sheet is its full
 *   grid, `'売上明細'!A1:M1000`), while `values` leave out trailing empty rows and, row by row,
 *   trailing empty cells (an empty cell inside a row is `''`); a range with no value has no
 *   `values` at all. `valueRenderOption`: `FORMATTED_VALUE` (the default: what the cell shows),
 *   `UNFORMATTED_VALUE` (numbers, booleans, strings), `FORMULA` (the formula where there is
 *   one). `dateTimeRenderOption` (ignored for `FORMATTED_VALUE`): `SERIAL_NUMBER` (the default:
 *   days since 1899-12-30 in the spreadsheet's time zone, the time as the fraction) or
 *   `FORMATTED_STRING` (as the cell shows it). `majorDimension` `ROWS` (default) or `COLUMNS`.
 * - `Spreadsheets.get(spreadsheetId, {fields})` without grid data: `spreadsheetId`,
 *   `properties` (`title`, `locale`, `timeZone`), `sheets[].properties` (`sheetId`, `title`,
 *   `index`, `sheetType`, `hidden`, `gridProperties` with `rowCount`, `columnCount`,
 *   `frozenRowCount`, `frozenColumnCount`), `spreadsheetUrl`; `fields` selects parts.
 * - Errors as Apps Script throws them for an advanced service (`GoogleJsonResponseException:
 *   API call to sheets.spreadsheets.values.batchGet failed with error: Unable to parse range:
 *   Missing`); a whole batch fails when one of its ranges names no sheet, as the API does.
 *
 * Not modelled: grid data (`includeGridData`), writes (`Values.update`, `batchUpdate`…), error
 * cells (the emulator's formulas never fail). Chosen (unconfirmed): the reason for an unknown
 * spreadsheet is `Requested entity was not found.`; a sheet's name matches case-insensitively,
 * as in SpreadsheetApp.
 */

type ValueRange = GoogleAppsScript.Sheets.Schema.ValueRange;
type BatchGetValuesResponse = GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse;
type GSpreadsheet = GoogleAppsScript.Sheets.Schema.Spreadsheet;

export const SHEETS_V4_ERRORS = {
  notFound: 'Requested entity was not found.',
  badRange: (range: string) => `Unable to parse range: ${range}`,
  invalidValue: (name: string, value: unknown) => `Invalid value at '${name}' (${String(value)})`,
} as const;

const READ_SCOPES = [
  'spreadsheets',
  'spreadsheets.readonly',
  'drive',
  'drive.readonly',
  'drive.file',
] as const;

const VALUE_RENDER = ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'] as const;
const DATE_RENDER = ['SERIAL_NUMBER', 'FORMATTED_STRING'] as const;
const DIMENSIONS = ['ROWS', 'COLUMNS'] as const;

type ValueRender = (typeof VALUE_RENDER)[number];
type DateRender = (typeof DATE_RENDER)[number];

function option<T extends string>(
  method: string,
  name: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (value === undefined || value === null) return allowed[0] as T;
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw apiError(method, SHEETS_V4_ERRORS.invalidValue(name, value));
  }
  return value as T;
}

/** The rectangle a requested range covers (1-based, inclusive), clipped to the sheet's grid. */
interface Area {
  readonly sheet: Sheet;
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

function findSheet(ss: Spreadsheet, name: string): Sheet | undefined {
  const key = name.toLowerCase();
  return ss.sheets.find((s) => s.name.toLowerCase() === key);
}

function areaOf(method: string, ss: Spreadsheet, range: string): Area {
  const text = String(range);
  const unquoted =
    text.startsWith("'") && text.endsWith("'") && text.length >= 2
      ? text.slice(1, -1).replace(/''/g, "'")
      : text;
  const whole = text.includes('!') ? undefined : findSheet(ss, unquoted);
  if (whole) {
    return {
      sheet: whole,
      row: 1,
      column: 1,
      numRows: whole.maxRows,
      numColumns: whole.maxColumns,
    };
  }
  const { sheetName } = splitSheet(text);
  const sheet = sheetName === undefined ? ss.sheets[0] : findSheet(ss, sheetName);
  if (!sheet) throw apiError(method, SHEETS_V4_ERRORS.badRange(text));
  let ref: ReturnType<typeof parseA1>;
  try {
    ref = parseA1(text);
  } catch {
    throw apiError(method, SHEETS_V4_ERRORS.badRange(text));
  }
  // `A:B` is open at the bottom, `1:3` on the right: both stop at the grid's edge.
  const row = ref.startRow ?? 1;
  const column = ref.startColumn ?? 1;
  const endRow = ref.startRow === undefined ? sheet.maxRows : (ref.endRow ?? row);
  const endColumn = ref.startColumn === undefined ? sheet.maxColumns : (ref.endColumn ?? column);
  return {
    sheet,
    row,
    column,
    numRows: Math.max(0, Math.min(endRow, sheet.maxRows) - row + 1),
    numColumns: Math.max(0, Math.min(endColumn, sheet.maxColumns) - column + 1),
  };
}

/** One cell as the API renders it. */
function cellOf(
  sheet: Sheet,
  r: number,
  c: number,
  valueRender: ValueRender,
  dateRender: DateRender,
  display: () => string[][],
  area: Area,
): string | number | boolean {
  const value = sheet.values.get(r, c);
  if (valueRender === 'FORMULA') {
    const formula = sheet.formulas.get(r, c);
    if (formula !== '') return formula;
  }
  const shown = () => display()[r - (area.row - 1)]?.[c - (area.column - 1)] ?? '';
  if (valueRender === 'FORMATTED_VALUE') return value === '' ? '' : shown();
  if (value instanceof Date) {
    return dateRender === 'FORMATTED_STRING'
      ? shown()
      : toSerial(value.getTime(), sheet.spreadsheet.timeZone);
  }
  return value;
}

function valueRangeOf(
  area: Area,
  valueRender: ValueRender,
  dateRender: DateRender,
  dimension: (typeof DIMENSIONS)[number],
): ValueRange {
  const { sheet } = area;
  const a1 = `${quoteSheetName(sheet.name)}!${rangeA1(area.row, area.column, Math.max(area.numRows, 1), Math.max(area.numColumns, 1))}`;
  const out: ValueRange = { range: a1, majorDimension: dimension };
  // Only the part that holds values matters: the grid beyond the last row/column is empty.
  const lastRow = Math.min(area.row + area.numRows - 1, sheet.getLastRow());
  const lastColumn = Math.min(area.column + area.numColumns - 1, sheet.getLastColumn());
  if (lastRow < area.row || lastColumn < area.column) return out;
  let shownGrid: string[][] | undefined;
  const display = () => {
    shownGrid ??= sheet
      .rangeAt(area.row, area.column, lastRow - area.row + 1, lastColumn - area.column + 1)
      .getDisplayValues();
    return shownGrid;
  };
  const grid: (string | number | boolean)[][] = [];
  for (let r = area.row - 1; r < lastRow; r++) {
    const line: (string | number | boolean)[] = [];
    for (let c = area.column - 1; c < lastColumn; c++) {
      line.push(cellOf(sheet, r, c, valueRender, dateRender, display, area));
    }
    grid.push(line);
  }
  const lines =
    dimension === 'ROWS'
      ? grid
      : Array.from({ length: lastColumn - area.column + 1 }, (_, c) => grid.map((l) => l[c] ?? ''));
  const trimmed = lines.map((line) => {
    let end = line.length;
    while (end > 0 && line[end - 1] === '') end--;
    return line.slice(0, end);
  });
  while (trimmed.length > 0 && (trimmed.at(-1) as unknown[]).length === 0) trimmed.pop();
  if (trimmed.length > 0) out.values = trimmed;
  return out;
}

class SheetsCore {
  constructor(readonly ws: Workspace) {}

  spreadsheet(method: string, id: unknown): Spreadsheet {
    requireScope(this.ws, method, READ_SCOPES);
    const ss = this.ws.SpreadsheetApp.spreadsheets.find((s) => s.id === String(id));
    if (!ss) throw apiError(method, SHEETS_V4_ERRORS.notFound);
    return ss;
  }
}

/** `Sheets.Spreadsheets.Values`. */
export class SheetsValuesCollection {
  readonly [API_NAME] = 'Spreadsheets.Values';

  constructor(private readonly core: SheetsCore) {}

  batchGet(
    spreadsheetId: string,
    optionalArgs: Record<string, unknown> = {},
  ): BatchGetValuesResponse {
    const method = 'sheets.spreadsheets.values.batchGet';
    const ss = this.core.spreadsheet(method, spreadsheetId);
    const valueRender = option(
      method,
      'value_render_option',
      optionalArgs.valueRenderOption,
      VALUE_RENDER,
    );
    const dateRender = option(
      method,
      'date_time_render_option',
      optionalArgs.dateTimeRenderOption,
      DATE_RENDER,
    );
    const dimension = option(method, 'major_dimension', optionalArgs.majorDimension, DIMENSIONS);
    const raw = optionalArgs.ranges;
    const ranges = raw === undefined ? [] : Array.isArray(raw) ? raw.map(String) : [String(raw)];
    const areas = ranges.map((r) => areaOf(method, ss, r));
    const response: BatchGetValuesResponse = { spreadsheetId: ss.id };
    if (areas.length > 0) {
      response.valueRanges = areas.map((a) => valueRangeOf(a, valueRender, dateRender, dimension));
    }
    return response;
  }
}

/** `Sheets.Spreadsheets`. */
export class SheetsSpreadsheetsCollection {
  readonly [API_NAME] = 'Spreadsheets';
  readonly Values: SheetsValuesCollection;

  constructor(private readonly core: SheetsCore) {
    this.Values = new SheetsValuesCollection(core);
  }

  get(spreadsheetId: string, optionalArgs: Record<string, unknown> = {}): GSpreadsheet {
    const method = 'sheets.spreadsheets.get';
    const ss = this.core.spreadsheet(method, spreadsheetId);
    if (optionalArgs.includeGridData) {
      throw new Error('Sheets.Spreadsheets.get with includeGridData is not emulated');
    }
    const resource: GSpreadsheet = {
      spreadsheetId: ss.id,
      properties: { title: ss.name, locale: ss.locale, timeZone: ss.timeZone },
      sheets: ss.sheets.map((s, index) => ({
        properties: {
          sheetId: s.sheetId,
          title: s.name,
          index,
          sheetType: 'GRID',
          ...(s.hidden ? { hidden: true } : {}),
          gridProperties: {
            rowCount: s.maxRows,
            columnCount: s.maxColumns,
            ...(s.frozenRows > 0 ? { frozenRowCount: s.frozenRows } : {}),
            ...(s.frozenColumns > 0 ? { frozenColumnCount: s.frozenColumns } : {}),
          },
        },
      })),
      spreadsheetUrl: ss.getUrl(),
    };
    const fields = optionalArgs.fields;
    return fields === undefined
      ? resource
      : (applyFields(resource, parseFields(method, String(fields))) as GSpreadsheet);
  }
}

/** `Sheets` (API v4). */
export class SheetsAdvancedEmulator {
  readonly [API_NAME] = 'Sheets';
  readonly Spreadsheets: SheetsSpreadsheetsCollection;

  constructor(ws: Workspace) {
    this.Spreadsheets = new SheetsSpreadsheetsCollection(new SheetsCore(ws));
  }

  toString(): string {
    return 'Sheets';
  }
}
