/**
 * The expense log (the 経費 sheet) as the features read it: one table read per run
 * (workbookTables), each row reviewed where it stands with the owner's own choices as history.
 */
import { cellString } from '../../core/cells';
import type { DateKey } from '../../core/dates';
import type { Expense, ExpenseContext } from '../../core/expenses/expenseRow';
import { checkExpenseRow } from '../../core/expenses/expenseRow';
import {
  type LogRowCells,
  type LogRowReview,
  pastExpenseOf,
  reviewLogRow,
} from '../../core/expenses/logRow';
import { payeeKey } from '../../core/expenses/payeeKey';
import type { PastExpense } from '../../core/expenses/suggestAccount';
import { UserError } from '../../core/text';
import { EXPENSES_SHEET } from '../../sheets/schema';
import type { Table, TableRow } from '../../sheets/table';
import type { WorkbookTables } from '../../sheets/workbookTables';

export type ExpenseKey = (typeof EXPENSES_SHEET.columns)[number]['key'];
export type ExpenseTable = Table<ExpenseKey>;
export type ExpenseRow = TableRow<ExpenseKey>;

/** The 経費 table; a workbook without the sheet is told to run the setup. */
export function expenseTable(tables: WorkbookTables): ExpenseTable {
  const table = tables.table(EXPENSES_SHEET);
  if (!table)
    throw new UserError(
      '「経費」シートがありません。メニューの「ワークブックを準備」を実行してください',
      'The 経費 sheet is missing; run 「ワークブックを準備」 (Set up workbook) from the menu',
    );
  return table;
}

/** Columns Pokke writes when it checks or logs rows: an older workbook gets them from the setup. */
export function requireLogColumns(table: ExpenseTable, keys: readonly ExpenseKey[]): void {
  const missing = keys.filter((k) => table.headers.index[k] === undefined);
  if (missing.length === 0) return;
  const headers = missing.map((k) => EXPENSES_SHEET.columns.find((c) => c.key === k)!.header);
  throw new UserError(
    `「経費」シートに ${headers.join('、')} 列がありません。メニューの「ワークブックを準備」で追加してください`,
    `The 経費 sheet lacks the column(s) ${headers.join(', ')}; run 「ワークブックを準備」 (Set up workbook) to add them`,
  );
}

export function cellsOf(row: ExpenseRow): LogRowCells {
  return row.values;
}

/** The owner's past choices, by payee (see payeeKey), to suggest accounts from. */
export interface History {
  of(payee: string): readonly PastExpense[];
}

export function historyOf(rows: readonly ExpenseRow[]): History {
  const byPayee = new Map<string, PastExpense[]>();
  for (const row of rows) {
    const past = pastExpenseOf(cellsOf(row));
    if (!past) continue;
    const key = payeeKey(past.payee);
    const list = byPayee.get(key);
    if (list) list.push(past);
    else byPayee.set(key, [past]);
  }
  return { of: (payee) => byPayee.get(payeeKey(payee)) ?? [] };
}

export interface ReviewedRow {
  readonly row: ExpenseRow;
  readonly review: LogRowReview;
}

/** Every row of the log reviewed where it stands (nothing is written). */
export function reviewLog(table: ExpenseTable, today: DateKey): ReviewedRow[] {
  const history = historyOf(table.rows);
  const ctx: ExpenseContext = { today };
  return table.rows.map((row) => ({
    row,
    review: reviewLogRow(cellsOf(row), ctx, history.of(cellString(row.values.payee))),
  }));
}

/** The rows that check as they stand: what totals, the monthly summary and exports count. */
export function loggedExpenses(table: ExpenseTable, today: DateKey): Expense[] {
  return table.rows.flatMap((row) => {
    const check = checkExpenseRow(cellsOf(row), { today });
    return check.ok ? [check.expense] : [];
  });
}
