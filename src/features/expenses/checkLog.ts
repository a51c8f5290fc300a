/**
 * Checks every row of the expense log where it stands and writes what the check found, in
 * batched writes whatever the number of rows: a blank 消費税 computed, the 控除割合, an account
 * suggested for an empty 勘定科目 (with 提案科目), the 状態 and the メッセージ (in the caller's
 * language). The owner's other cells are never changed. Call inside the workbook lock.
 */
import { cellString } from '../../core/cells';
import type { DateKey } from '../../core/dates';
import type { LogRowFill } from '../../core/expenses/logRow';
import { inLang, type Lang, type Text, text } from '../../core/text';
import { textCell } from '../../sheets/cells';
import { EXPENSES_SHEET } from '../../sheets/schema';
import { writeColumns } from '../../sheets/table';
import type { WorkbookTables } from '../../sheets/workbookTables';
import {
  type ExpenseKey,
  type ExpenseRow,
  expenseTable,
  requireLogColumns,
  reviewLog,
} from './expenseLog';

/** The cells a check may write, in the order they are written (the message last). */
export const CHECK_COLUMNS = [
  'tax',
  'account',
  'suggested',
  'creditRate',
  'status',
  'message',
] as const satisfies readonly ExpenseKey[];

export interface CheckOutcome {
  readonly checked: number;
  readonly updated: number;
  readonly suggested: number;
  readonly needsAttention: number;
  readonly message: Text;
}

export function checkExpenseLog(
  tables: WorkbookTables,
  ctx: { readonly today: DateKey; readonly lang: Lang },
): CheckOutcome {
  const table = expenseTable(tables);
  requireLogColumns(table, CHECK_COLUMNS);
  const reviewed = reviewLog(table, ctx.today);
  const updates = new Map<number, unknown[]>();
  for (const { row, review } of reviewed) {
    const cells = cellsAfter(row, review.fill, ctx.lang);
    if (CHECK_COLUMNS.some((key, i) => !sameCell(row.values[key], cells[i])))
      updates.set(row.rowNumber, cells);
  }
  writeColumns(table, CHECK_COLUMNS, updates);
  if (updates.size > 0) tables.forget(EXPENSES_SHEET);
  const suggested = reviewed.filter((r) => r.review.suggestion !== undefined).length;
  const needsAttention = reviewed.filter((r) => r.review.attention).length;
  return {
    checked: reviewed.length,
    updated: updates.size,
    suggested,
    needsAttention,
    message: text(
      `${reviewed.length}行を確認しました(記入 ${updates.size}行、科目提案 ${suggested}行、要確認・提案あり ${needsAttention}行)`,
      `Checked ${reviewed.length} row(s): ${updates.size} updated, ${suggested} account(s) suggested, ${needsAttention} to look at`,
    ),
  };
}

/** The row's CHECK_COLUMNS cells once the fill is applied (the others as read). */
function cellsAfter(row: ExpenseRow, fill: LogRowFill, lang: Lang): unknown[] {
  const v = row.values;
  return [
    fill.tax ?? v.tax,
    fill.account ?? v.account,
    fill.account ?? v.suggested,
    fill.creditRate ?? v.creditRate,
    fill.status,
    textCell(inLang(fill.message, lang)),
  ];
}

function sameCell(read: unknown, written: unknown): boolean {
  if (typeof written === 'number') return read === written;
  return cellString(read) === cellString(written);
}
