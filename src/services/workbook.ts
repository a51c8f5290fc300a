import { UserError } from '../core/text';

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

const dropdowns = new Map<string, GoogleAppsScript.Spreadsheet.DataValidation>();

/**
 * A dropdown rule for `choices`. A built rule is immutable, so one per list is built per
 * execution and reused for every column that offers the same choices (four calls saved each).
 */
export function newDropdown(
  choices: readonly string[],
): GoogleAppsScript.Spreadsheet.DataValidation {
  const key = JSON.stringify(choices);
  let rule = dropdowns.get(key);
  if (!rule) {
    rule = SpreadsheetApp.newDataValidation()
      .requireValueInList([...choices], true)
      .setAllowInvalid(false)
      .build();
    dropdowns.set(key, rule);
  }
  return rule;
}
