/**
 * The month's expenses as an import file for an accounting service, saved to Drive in
 * Pokke/経費/エクスポート. The 経費 sheet is read once through `tables` (however many vendors the
 * caller exports for); nothing is written to the workbook.
 *
 * Each row is checked as the log checks it (checkExpenseRow): a row of the month with a problem
 * is left out and listed, so the file never carries a half-read amount; a row whose date cannot
 * be read is listed too, since it may belong to the month.
 */

import { cellString } from '../../core/cells';
import type { ExpenseExportFile, SkippedExpenseRow } from '../../core/contracts/expenseExport';
import { type DateKey, parseDateKey, tokyoDateKey } from '../../core/dates';
import { checkExpenseRow, type ExpenseCells } from '../../core/expenses';
import {
  EXPENSE_EXPORT_FOLDER,
  type ExportExpense,
  type ExportVendor,
  exportFileName,
  type MonthKey,
  recordAt,
  VENDOR_LABELS,
  type VendorOptions,
  vendorCsv,
} from '../../core/expenses/export';
import { joinTexts, type Text, text, UserError } from '../../core/text';
import { now } from '../../services/clock';
import { csvFolder, encodeCsv, saveCsvFile } from '../../services/csvFile';
import type { DriveFolderRef } from '../../services/drive';
import { EXPENSES_SHEET } from '../../sheets/schema';
import type { WorkbookTables } from '../../sheets/workbookTables';

/** Skipped rows listed in a result; the count covers the rest. */
export const MAX_SKIPPED_LISTED = 20;

/** Columns without which no row can be exported. */
const REQUIRED = ['date', 'payee', 'amount', 'taxRate', 'account'] as const;

interface MonthRows {
  readonly expenses: readonly { row: number; expense: ExportExpense }[];
  readonly skipped: readonly SkippedExpenseRow[];
}

/** An export checked and encoded, not saved yet. */
export interface PreparedExport {
  readonly result: Omit<ExpenseExportFile, 'file'>;
  /** The file's bytes and name; null when the month has nothing to export. */
  readonly blob: GoogleAppsScript.Base.Blob | null;
}

/**
 * Reads, checks and encodes; saves nothing. A character the file's encoding lacks is refused
 * here, naming its row, so a caller preparing several files saves none of them when one fails.
 */
export function prepareExport(
  tables: WorkbookTables,
  month: MonthKey,
  vendor: ExportVendor,
  options: VendorOptions = {},
): PreparedExport {
  const { expenses, skipped } = monthRows(tables, month);
  const label = VENDOR_LABELS[vendor];
  const base = {
    vendor,
    month,
    skipped: skipped.slice(0, MAX_SKIPPED_LISTED),
    skippedCount: skipped.length,
  };
  const left = skippedNote(skipped.length);
  if (expenses.length === 0)
    return {
      blob: null,
      result: {
        ...base,
        exported: 0,
        message: joinTexts([
          text(
            `${month} の経費はありません。ファイルは作成していません`,
            `No expenses in ${month}; no file was made`,
          ),
          ...left,
        ]),
      },
    };

  const doc = vendorCsv(
    vendor,
    expenses.map((e) => e.expense),
    options,
  );
  const name = exportFileName(month, vendor, now());
  const encoded = encodeCsv(doc.text, doc.encoding, name);
  if (!encoded.ok) {
    const row = expenses[recordAt(doc, encoded.at)]?.row;
    throw new UserError(
      `${row === undefined ? '' : `経費シート ${row}行目: `}「${encoded.character}」は ${label.ja} 用のファイル(Shift_JIS)に書けない文字です。別の字に直してから書き出してください`,
      `${row === undefined ? '' : `Expenses row ${row}: `}"${encoded.character}" cannot be written in the ${label.en} file (Shift_JIS); replace it and export again`,
    );
  }
  return {
    blob: encoded.blob,
    result: {
      ...base,
      exported: expenses.length,
      message: joinTexts([
        text(
          `${month} の経費 ${expenses.length}件を ${label.ja} 用に書き出しました: ${name}`,
          `Exported ${expenses.length} expenses of ${month} for ${label.en}: ${name}`,
        ),
        ...left,
      ]),
    },
  };
}

/**
 * Saves prepared files in Pokke/経費/エクスポート (a new file each time: the name carries the
 * minute), the folder looked up once for all of them.
 */
export function saveExports(prepared: readonly PreparedExport[]): ExpenseExportFile[] {
  let folder: DriveFolderRef | undefined;
  return prepared.map((p) => {
    if (!p.blob) return { ...p.result, file: null };
    folder ??= csvFolder(EXPENSE_EXPORT_FOLDER);
    return saveExport(p, folder);
  });
}

function saveExport(prepared: PreparedExport, folder: DriveFolderRef): ExpenseExportFile {
  if (!prepared.blob) return { ...prepared.result, file: null };
  const saved = saveCsvFile(folder, prepared.blob);
  return {
    ...prepared.result,
    file: { name: prepared.blob.getName() ?? '', url: saved.url },
  };
}

function skippedNote(count: number): Text[] {
  if (count === 0) return [];
  return [
    text(
      `入力に問題のある ${count}行は含めていません`,
      `${count} row${count === 1 ? '' : 's'} with problems left out`,
    ),
  ];
}

/** The month's rows of the 経費 sheet, checked, in date order. */
function monthRows(tables: WorkbookTables, month: MonthKey): MonthRows {
  const table = tables.table(EXPENSES_SHEET);
  if (!table)
    throw new UserError(
      '「経費」シートがありません。メニューの「ワークブックを準備」で作成してください',
      'There is no 経費 (Expenses) sheet; create it with Set up workbook in the menu',
    );
  const index = table.headers.index as Readonly<Record<string, number | undefined>>;
  const missing = REQUIRED.filter((key) => index[key] === undefined);
  if (missing.length > 0)
    throw new UserError(
      `「経費」シートに必要な列がありません(${missing.join(', ')})。「ワークブックを準備」で列を追加してください`,
      `The 経費 sheet lacks columns (${missing.join(', ')}); add them with Set up workbook`,
    );
  // A log without a 登録番号 column says nothing about registration: its rows are exported as
  // the vendors assume for a blank (適格), not as purchases from unregistered suppliers.
  const knowsRegistration = index.registrationNumber !== undefined;
  const today = tokyoDateKey(now());

  const expenses: { row: number; expense: ExportExpense }[] = [];
  const skipped: SkippedExpenseRow[] = [];
  for (const { rowNumber, values } of table.rows) {
    const v = values as Readonly<Record<string, unknown>>;
    const cells: ExpenseCells = {
      date: v.date,
      payee: v.payee,
      amount: v.amount,
      taxRate: v.taxRate,
      tax: v.tax,
      account: v.account,
      paymentMethod: v.paymentMethod,
      registrationNumber: v.registrationNumber,
      // The memo column is 摘要, keyed `note` in the sheet's first layout.
      memo: cellString(v.memo) === '' ? v.note : v.memo,
      receipt: v.receipt,
    };
    const check = checkExpenseRow(cells, { today });
    if (check.ok) {
      if (!check.expense.date.startsWith(month)) continue;
      const expense =
        knowsRegistration || check.expense.creditRate === undefined
          ? check.expense
          : { ...check.expense, creditRate: 100 };
      expenses.push({ row: rowNumber, expense });
      continue;
    }
    const date = roughDate(cells.date);
    const dateProblem = check.problems.some((p) => p.field === 'date');
    if (date?.startsWith(month) || (dateProblem && date === undefined))
      skipped.push({ row: rowNumber, message: joinTexts(check.problems.map((p) => p.message)) });
  }
  expenses.sort((a, b) =>
    a.expense.date === b.expense.date ? a.row - b.row : a.expense.date < b.expense.date ? -1 : 1,
  );
  return { expenses, skipped };
}

/** The date of a cell that failed the check, when it is a plain one (to place the row in a month). */
function roughDate(cell: unknown): DateKey | undefined {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : tokyoDateKey(cell);
  return parseDateKey(cellString(cell)) ?? undefined;
}
