/**
 * A problem with one field of a 経費 row, as a `Text` naming the field and quoting what was read:
 * 「金額「三千円」: 金額として読み取れません…」 / `Amount "三千円": Not an amount…`.
 */
import { type Text, text } from '../text';

export type ExpenseField =
  | 'date'
  | 'payee'
  | 'amount'
  | 'taxRate'
  | 'tax'
  | 'account'
  | 'paymentMethod'
  | 'registrationNumber'
  | 'memo'
  | 'receipt';

export interface ExpenseProblem {
  readonly field: ExpenseField;
  readonly message: Text;
}

export const EXPENSE_LABELS: Readonly<Record<ExpenseField, Text>> = {
  date: text('日付', 'Date'),
  payee: text('取引先', 'Payee'),
  amount: text('金額(税込)', 'Amount (incl. tax)'),
  taxRate: text('税率', 'Tax rate'),
  tax: text('消費税額', 'Consumption tax'),
  account: text('勘定科目', 'Account'),
  paymentMethod: text('支払方法', 'Payment method'),
  registrationNumber: text('登録番号', 'Registration number'),
  memo: text('メモ', 'Memo'),
  receipt: text('領収書', 'Receipt'),
};

const MAX_QUOTED_CHARS = 30;

/** The message prefixed with the field's name, and the value read when given (cut to 30 characters). */
export function expenseProblem(
  field: ExpenseField,
  message: Text,
  value?: unknown,
): ExpenseProblem {
  const label = EXPENSE_LABELS[field];
  const shown = value === undefined ? '' : quoted(value);
  return {
    field,
    message: text(
      `${label.ja}${shown ? `「${shown}」` : ''}: ${message.ja}`,
      `${label.en}${shown ? ` "${shown}"` : ''}: ${message.en}`,
    ),
  };
}

function quoted(value: unknown): string {
  if (value === null || value === undefined) return '';
  const raw = value instanceof Date ? value.toISOString() : String(value);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: shown in one cell line
  const line = raw.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  const chars = Array.from(line);
  return chars.length > MAX_QUOTED_CHARS ? `${chars.slice(0, MAX_QUOTED_CHARS).join('')}…` : line;
}
