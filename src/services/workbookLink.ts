import { UserError } from '../core/text';
import { readUserProperty, writeUserProperty } from './userProperties';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The owner's workbook seen from outside it (Gmail has no active spreadsheet): its id is kept
 * in the user's properties whenever they use Pokke inside the workbook, or when they paste its
 * address into the Gmail card. Opening it by id needs the `spreadsheets` scope
 * (`spreadsheets.currentonly` only reaches the open file).
 */
export const WORKBOOK_ID_KEY = 'pokke.workbookId';

/** Remembers the open workbook for Gmail (three calls; nothing is written when already known). */
export function rememberWorkbook(ss: Spreadsheet): void {
  const id = ss.getId();
  if (readUserProperty(WORKBOOK_ID_KEY) !== id) writeUserProperty(WORKBOOK_ID_KEY, id);
}

/** Remembers the workbook active in this execution, if any; never fails (a sidebar must open). */
export function rememberActiveWorkbook(): void {
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    if (ss) rememberWorkbook(ss);
  } catch (e) {
    console.warn(`Pokke could not remember the workbook: ${e instanceof Error ? e.message : e}`);
  }
}

/** Opens a workbook by id (one call), or explains why it cannot be opened. */
export function openWorkbookById(id: string): Spreadsheet {
  try {
    return SpreadsheetApp.openById(id);
  } catch {
    throw new UserError(
      'ワークブックを開けませんでした。アドレスと共有設定を確認してください',
      'Pokke could not open the workbook. Check its address and that you can open it',
    );
  }
}
