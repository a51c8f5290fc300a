/**
 * Where a receipt is kept in Drive (電子帳簿保存法): a file named `YYYYMMDD_取引先_金額` (the NTA's
 * example, amount without commas) in `Pokke/経費/YYYY/MM`, so the three search keys are in the
 * name and a month is one folder. The payee is made safe with the invoices' rule.
 */
import { type DateKey, dateParts } from '../dates';
import { safeFileNamePart } from '../invoice/fileName';
import { assertYen } from '../money';

export const EXPENSE_FOLDER_ROOT: readonly string[] = ['Pokke', '経費'];

export interface ReceiptFileNameInput {
  readonly date: DateKey;
  readonly payee: string;
  /** Tax included, whole yen. */
  readonly amount: number;
  /** The original file's extension (`pdf`, `jpg`, `PNG`); kept when it is a plain one. */
  readonly extension?: string;
}

/** `20261128_Amazon.co.jp_3980.pdf`. */
export function receiptFileName(input: ReceiptFileNameInput): string {
  assertYen(input.amount, 'receiptFileName');
  const payee = safeFileNamePart(input.payee) || '支払先';
  const ext = (input.extension ?? '').replace(/^\./, '').toLowerCase();
  const suffix = /^[a-z0-9]{1,5}$/.test(ext) ? `.${ext}` : '';
  return `${input.date.replace(/-/g, '')}_${payee}_${input.amount}${suffix}`;
}

/** `['Pokke', '経費', '2026', '11']` for a receipt dated in November 2026. */
export function receiptFolderPath(
  date: DateKey,
  root: readonly string[] = EXPENSE_FOLDER_ROOT,
): string[] {
  const { year, month } = dateParts(date);
  return [...root, String(year), String(month).padStart(2, '0')];
}
