/**
 * The 経費 sidebar's month: the month's totals by account and by rate (rows that check), and the
 * rows of the whole log that need the owner (problems, warnings, suggested accounts), with the
 * message each would get, in the reader's language. Reads only.
 */
import { cellString } from '../../core/cells';
import type { ExpenseAttentionRow, ExpensesMonthView } from '../../core/contracts/expenses';
import type { DateKey } from '../../core/dates';
import { dateCell } from '../../core/expenses/logRow';
import { monthTotals } from '../../core/expenses/totals';
import type { Lang } from '../../core/text';
import type { ReviewedRow } from './expenseLog';

/** Rows needing attention sent to the sidebar (the count says how many there are in all). */
export const MAX_ATTENTION_ROWS = 50;

export function monthView(
  reviewed: readonly ReviewedRow[],
  ctx: { readonly today: DateKey; readonly month: string; readonly lang: Lang },
): ExpensesMonthView {
  // A suggestion not written yet is not the row's account: the row counts once it is.
  const expenses = reviewed.flatMap(({ review }) =>
    review.check.ok && review.suggestion === undefined ? [review.check.expense] : [],
  );
  const totals = monthTotals(expenses, ctx.month);
  const attention = reviewed.filter((r) => r.review.attention);
  return {
    lang: ctx.lang,
    today: ctx.today,
    month: ctx.month,
    total: totals.amount,
    tax: totals.tax,
    count: totals.count,
    byAccount: totals.byAccount,
    byRate: totals.byRate,
    attention: attention.slice(0, MAX_ATTENTION_ROWS).map(attentionRow),
    attentionCount: attention.length,
  };
}

function attentionRow({ row, review }: ReviewedRow): ExpenseAttentionRow {
  const v = row.values;
  return {
    row: row.rowNumber,
    date: dateCell(v.date) ?? cellString(v.date),
    payee: cellString(v.payee),
    amount: typeof v.amount === 'number' ? String(v.amount) : cellString(v.amount),
    status: review.fill.status,
    message: review.fill.message,
  };
}
