import type { DateKey } from '../../../../src/core/dates';
import { checkExpenseRow, type Expense, type ExpenseCells } from '../../../../src/core/expenses';

const TODAY = '2026-11-30' as DateKey;

/** An expense as the log checks it from cells (the test fails if the row has a problem). */
export function expense(cells: ExpenseCells): Expense {
  const check = checkExpenseRow(
    { taxRate: '10%', account: '消耗品費', payee: '文具のポッケ', ...cells },
    { today: TODAY },
  );
  if (!check.ok) throw new Error(JSON.stringify(check.problems));
  return check.expense;
}

export const REGISTERED = 'T1234567890123';
