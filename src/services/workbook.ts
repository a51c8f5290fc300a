import { UserError } from '../core/bilingual';

/** The spreadsheet the owner has open (the add-on's only spreadsheet: scope spreadsheets.currentonly). */
export function activeWorkbook(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) {
    throw new UserError(
      'スプレッドシートを開いてから実行してください',
      'Open the spreadsheet first, then run this again',
    );
  }
  return ss;
}

/** Makes the writes so far visible to the next reader (call before releasing a lock). */
export function flushWorkbook(): void {
  SpreadsheetApp.flush();
}

export function newDropdown(
  choices: readonly string[],
): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation()
    .requireValueInList([...choices], true)
    .setAllowInvalid(false)
    .build();
}
