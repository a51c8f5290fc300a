/**
 * The 勘定科目 (accounts) an expense may go to, and how it was paid. One list each: the 経費
 * sheet's dropdowns, the row check, the account suggestion and the exports all read these.
 * The accounts are the common ones for a small business (shared/docs/domain-jp.md, Expenses).
 */
import { foldWord } from '../cells';

export const EXPENSE_ACCOUNTS = [
  '旅費交通費',
  '会議費',
  '接待交際費',
  '消耗品費',
  '事務用品費',
  '通信費',
  '支払手数料',
  '新聞図書費',
  '地代家賃',
  '水道光熱費',
  '広告宣伝費',
  '外注費',
  '租税公課',
  '荷造運賃',
  '修繕費',
  '保険料',
  '福利厚生費',
  '諸会費',
  '研修費',
  '雑費',
] as const;

export type ExpenseAccount = (typeof EXPENSE_ACCOUNTS)[number];

export const PAYMENT_METHODS = [
  '現金',
  'カード',
  '振込',
  '口座振替',
  '電子マネー',
  'QRコード決済',
  'その他',
] as const;

export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

// Other ways people write the same method (compared after `foldWord`).
const PAYMENT_ALIASES: Readonly<Record<string, PaymentMethod>> = {
  cash: '現金',
  クレジットカード: 'カード',
  クレジット: 'カード',
  クレカ: 'カード',
  デビットカード: 'カード',
  card: 'カード',
  creditcard: 'カード',
  銀行振込: '振込',
  振り込み: '振込',
  banktransfer: '振込',
  transfer: '振込',
  引き落とし: '口座振替',
  引落し: '口座振替',
  引落: '口座振替',
  自動引落: '口座振替',
  directdebit: '口座振替',
  交通系ic: '電子マネー',
  emoney: '電子マネー',
  qr決済: 'QRコード決済',
  qr: 'QRコード決済',
  other: 'その他',
};

const PAYMENT_BY_WORD: ReadonlyMap<string, PaymentMethod> = new Map([
  ...PAYMENT_METHODS.map((m) => [foldWord(m), m] as const),
  ...Object.entries(PAYMENT_ALIASES).map(([word, m]) => [foldWord(word), m] as const),
]);

/** The payment method a cell names (`クレジットカード` is カード, `銀行振込` is 振込), or undefined. */
export function readPaymentMethod(cellText: string): PaymentMethod | undefined {
  return PAYMENT_BY_WORD.get(foldWord(cellText));
}

/**
 * The account a cell names, among `accounts` (the list above unless the owner keeps their own),
 * compared without regard to width or spaces; undefined when it is not one of them.
 */
export function readAccount(
  cellText: string,
  accounts: readonly string[] = EXPENSE_ACCOUNTS,
): string | undefined {
  const word = foldWord(cellText);
  if (word === '') return undefined;
  return accounts.find((a) => foldWord(a) === word);
}
