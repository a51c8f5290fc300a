/**
 * What an export reads of a checked expense, and the text rules both vendors share.
 */
import type { Expense } from '../expenseRow';

/** The fields of `Expense` (expenseRow.ts) an export writes. */
export type ExportExpense = Pick<
  Expense,
  | 'date'
  | 'payee'
  | 'amount'
  | 'taxRate'
  | 'tax'
  | 'account'
  | 'paymentMethod'
  | 'creditRate'
  | 'memo'
>;

/** `2026/11/28`: the date format of both importers. */
export function slashDate(date: string): string {
  return date.replace(/-/g, '/');
}

/**
 * A name or memo as one line of an import file: line breaks, tabs and other control characters
 * become a space (both importers take one line per entry) and the ends are trimmed. For a
 * Shift_JIS file the text is first put in Unicode NFKC form, so characters Shift_JIS lacks but
 * that have a plain equivalent are written as that equivalent (① → 1, ㈱ → (株), full-width ～
 * → ~, half-width ｶﾅ → カナ) instead of being refused (csvFile.ts refuses what is left).
 * The formula guard (csv.ts) runs after this, on the text as written.
 */
export function exportText(value: string, nfkc: boolean): string {
  const form = nfkc ? value.normalize('NFKC') : value;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return form.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

/** The account as the vendor names it: the owner's own mapping, then the vendor's, else as is. */
export function vendorAccount(
  account: string,
  vendorNames: Readonly<Record<string, string>>,
  ownerNames: Readonly<Record<string, string>> | undefined,
): string {
  return ownerNames?.[account] ?? vendorNames[account] ?? account;
}
