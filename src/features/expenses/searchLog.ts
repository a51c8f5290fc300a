/**
 * The 電帳法 search over the expense log (the log is the index): rows by date range, amount range
 * and payee, alone or combined, each with the link to its receipt file. Reads only.
 */
import { cellString } from '../../core/cells';
import type { ExpenseSearchHit, ExpensesSearchResult } from '../../core/contracts/expenses';
import { dateCell } from '../../core/expenses/logRow';
import {
  type ExpenseQuery,
  expenseMatcher,
  queryProblems,
  type SearchableExpense,
} from '../../core/expenses/search';
import { parseYen } from '../../core/money';
import { UserError } from '../../core/text';
import type { WorkbookTables } from '../../sheets/workbookTables';
import { type ExpenseRow, expenseTable } from './expenseLog';

/** Hits sent back (by date); the total says how many matched. */
export const MAX_SEARCH_HITS = 100;

export function searchExpenseLog(
  tables: WorkbookTables,
  query: ExpenseQuery,
): ExpensesSearchResult {
  const problems = queryProblems(query);
  if (problems.length > 0) throw UserError.of(problems);
  const matches = expenseMatcher(query);
  const hits = expenseTable(tables)
    .rows.flatMap((row) => {
      const fields = searchableOf(row);
      return matches(fields) ? [hitOf(row, fields)] : [];
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.row - b.row);
  return { hits: hits.slice(0, MAX_SEARCH_HITS), total: hits.length };
}

function searchableOf(row: ExpenseRow): SearchableExpense {
  const amount = parseYen(row.values.amount);
  return {
    date: dateCell(row.values.date),
    amount: amount.ok ? amount.yen : null,
    payee: cellString(row.values.payee),
  };
}

function hitOf(row: ExpenseRow, fields: SearchableExpense): ExpenseSearchHit {
  const v = row.values;
  const receipt = cellString(v.receipt);
  return {
    row: row.rowNumber,
    date: fields.date ?? '',
    payee: fields.payee,
    amount: fields.amount,
    account: cellString(v.account),
    memo: cellString(v.memo),
    receipt: /^https:\/\//.test(receipt) ? receipt : '',
  };
}
