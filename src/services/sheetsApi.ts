/**
 * Whole tables in one request through the Sheets advanced service (API v4), with the
 * `spreadsheets` scope the workbook already needs: a SpreadsheetApp read costs a round trip per
 * sheet (getSheetByName, getDataRange, getValues), `values.batchGet` one for all of them.
 */

/** What a run needs to know of the workbook before reading it: its zone and its sheets. */
export interface WorkbookLayout {
  readonly timeZone: string;
  readonly titles: readonly string[];
}

/** The values of one range, and how many rows its sheet has (when the range is a whole sheet). */
export interface RangeValues {
  readonly values: unknown[][];
  /** The last row of the range answered: for a whole sheet, its grid height. */
  readonly lastRow?: number;
}

function sheetsApi(): GoogleAppsScript.Sheets {
  // The global exists only when the manifest enables the service (ReferenceError otherwise).
  return Sheets as GoogleAppsScript.Sheets;
}

/** One call: the spreadsheet's time zone and its sheets' titles, no cell data. */
export function workbookLayout(spreadsheetId: string): WorkbookLayout {
  const ss = sheetsApi().Spreadsheets.get(spreadsheetId, {
    fields: 'properties/timeZone,sheets/properties/title',
  });
  return {
    timeZone: ss.properties?.timeZone ?? '',
    titles: (ss.sheets ?? []).map((s) => s.properties?.title ?? ''),
  };
}

/** A sheet's title as a range naming the whole sheet (quotes doubled inside quotes). */
export function sheetRange(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

/**
 * One call: the values of each range, in order, as stored (numbers, booleans, strings; dates and
 * times as serial numbers). Rows end at their last non-empty cell and the grid at its last
 * non-empty row, so a row may be shorter than the header and an empty range has no rows. The
 * range answered is the whole range asked for (a whole sheet: its full grid), values or not.
 */
export function batchGetValues(spreadsheetId: string, ranges: readonly string[]): RangeValues[] {
  if (ranges.length === 0) return [];
  const response = sheetsApi().Spreadsheets.Values.batchGet(spreadsheetId, {
    ranges: [...ranges],
    valueRenderOption: 'UNFORMATTED_VALUE',
    dateTimeRenderOption: 'SERIAL_NUMBER',
  });
  const valueRanges = response.valueRanges ?? [];
  return ranges.map((_, i) => {
    const answered = valueRanges[i];
    const lastRow = /(\d+)$/.exec(answered?.range ?? '')?.[1];
    return {
      values: (answered?.values ?? []) as unknown[][],
      ...(lastRow ? { lastRow: Number(lastRow) } : {}),
    };
  });
}

/** `A1:C3` for 1-based row, column and size. */
export function a1Range(row: number, column: number, numRows: number, numColumns: number): string {
  return `${columnLetters(column)}${row}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}

function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
