/**
 * マネーフォワード クラウド会計「仕訳帳」インポート: one journal entry per expense, the expense
 * account on the 借方 (debit) side and how it was paid on the 貸方 (credit) side.
 *
 * Format, from Money Forward's guides「仕訳帳」をインポートする
 * (https://biz.moneyforward.com/support/tax-return/guide/import-books/ib01.html, クラウド会計・
 * 確定申告) and 「インポート」の使い方 (クラウド会計Plus,
 * https://biz.moneyforward.com/support/ac-plus/guide/journal2/import2.html):
 * - the template's header row, columns A to AA, kept as is (below); 取引No, 取引日, 勘定科目 and
 *   金額 are required; 取引No numbers the entries 1, 2, 3… (rows with the same 取引No and date
 *   form one compound entry, so each expense gets its own number);
 * - 勘定科目, 補助科目, 税区分 and 部門 must match the names registered in MF exactly;
 * - 借方インボイス / 貸方インボイス: 「適格」, or for a supplier without a registration number the
 *   経過措置 share, 「80%控除」 for 2023-10-01 – 2026-09-30 (quoted from MF's guide in
 *   https://the-board.jp/blogs/news_partner_and_invoice_field_for_mf/); Pokke writes the share
 *   in force on the entry's date (creditRate.ts) the same way, 「70%控除」 from 2026-10-01. Left
 *   blank, MF assumes 適格. For those rows 借方税額 is left blank so MF computes the credited tax
 *   from the share;
 * - 取引日 as YYYY/MM/DD;
 * - encoding: MF offers its template per environment, the Excel one in Shift_JIS (MF labels its
 *   CSV exports 「Excel用(Shift-JIS)」 / 「その他(UTF-8)」,
 *   https://biz.moneyforward.com/support/ac-plus/guide/master/list.html), and Japanese Excel and
 *   the importers people feed it expect Shift_JIS: Pokke writes Shift_JIS.
 *
 * 税区分 names as MF writes them: 課税仕入 10%, 課税仕入 (軽)8%, 非課仕入, 対象外.
 * 勘定科目: MF's default list names Pokke's 接待交際費 「交際費」; the others are the same.
 *
 * 貸方 by payment method (data below, `creditAccounts` to change it): 現金 → 現金; カード →
 * 未払金 (the card company is paid later); 振込 and 口座振替 → 普通預金; 電子マネー, QRコード決済,
 * その他 and a blank method → 未払金, for the owner or the accountant to settle. A refund (a
 * negative amount) is the same entry reversed: the payment account on the 借方, the expense on
 * the 貸方, both positive.
 */
import type { PaymentMethod } from '../accounts';
import { type CsvCell, type CsvDocument, csvDocument } from './csv';
import { type ExportExpense, exportText, slashDate, vendorAccount } from './exportRow';

export const MONEY_FORWARD_HEADER = [
  '取引No',
  '取引日',
  '借方勘定科目',
  '借方補助科目',
  '借方部門',
  '借方取引先',
  '借方税区分',
  '借方インボイス',
  '借方金額(円)',
  '借方税額',
  '貸方勘定科目',
  '貸方補助科目',
  '貸方部門',
  '貸方取引先',
  '貸方税区分',
  '貸方インボイス',
  '貸方金額(円)',
  '貸方税額',
  '摘要',
  '仕訳メモ',
  'タグ',
  'MF仕訳タイプ',
  '決算整理仕訳',
  '作成日時',
  '作成者',
  '最終更新日時',
  '最終更新者',
] as const;

/** Pokke's account → MF's name, where they differ. */
export const MONEY_FORWARD_ACCOUNT_NAMES: Readonly<Record<string, string>> = {
  接待交際費: '交際費',
};

/** The 貸方 account of an expense paid this way (`unknown`: no method in the row). */
export const MONEY_FORWARD_CREDIT_ACCOUNTS: Readonly<Record<PaymentMethod | 'unknown', string>> = {
  現金: '現金',
  カード: '未払金',
  振込: '普通預金',
  口座振替: '普通預金',
  電子マネー: '未払金',
  QRコード決済: '未払金',
  その他: '未払金',
  unknown: '未払金',
};

export interface MoneyForwardOptions {
  /** The owner's account names in MF, where they differ from Pokke's. */
  readonly accountNames?: Readonly<Record<string, string>>;
  /** The owner's 貸方 accounts by payment method; merged over the defaults. */
  readonly creditAccounts?: Readonly<Partial<Record<PaymentMethod | 'unknown', string>>>;
}

const NOT_TAXED = '対象外';

/** The 税区分 of a purchase at this rate. */
export function moneyForwardTaxCategory(taxRate: ExportExpense['taxRate']): string {
  if (taxRate === 'exempt') return '非課仕入';
  if (taxRate === 0) return NOT_TAXED;
  return taxRate === 8 ? '課税仕入 (軽)8%' : '課税仕入 10%';
}

/** 「適格」, 「80%控除」…, or blank when there is no tax to credit. */
export function moneyForwardInvoiceColumn(creditRate: number | undefined): string {
  if (creditRate === undefined || creditRate <= 0) return '';
  return creditRate >= 100 ? '適格' : `${creditRate}%控除`;
}

/** The 仕訳帳 import file of these expenses, in their order, numbered from 1. */
export function moneyForwardCsv(
  expenses: readonly ExportExpense[],
  options: MoneyForwardOptions = {},
): CsvDocument {
  const credit = { ...MONEY_FORWARD_CREDIT_ACCOUNTS, ...options.creditAccounts };
  const rows = expenses.map((e, i): CsvCell[] => {
    const payee = exportText(e.payee, true);
    const memo = exportText(e.memo, true);
    const noCredit = e.creditRate !== undefined && e.creditRate <= 0;
    const expenseSide = {
      account: vendorAccount(e.account, MONEY_FORWARD_ACCOUNT_NAMES, options.accountNames),
      partner: payee,
      tax: noCredit ? NOT_TAXED : moneyForwardTaxCategory(e.taxRate),
      invoice: moneyForwardInvoiceColumn(e.creditRate),
      taxYen: (e.creditRate ?? 100) >= 100 ? Math.abs(e.tax) : '',
    };
    const paymentSide = {
      account: credit[e.paymentMethod ?? 'unknown'],
      partner: '',
      tax: NOT_TAXED,
      invoice: '',
      taxYen: '',
    };
    const [debit, creditSide] =
      e.amount < 0 ? [paymentSide, expenseSide] : [expenseSide, paymentSide];
    const amount = Math.abs(e.amount);
    return [
      i + 1,
      slashDate(e.date),
      debit.account,
      '',
      '',
      debit.partner,
      debit.tax,
      debit.invoice,
      amount,
      debit.taxYen,
      creditSide.account,
      '',
      '',
      creditSide.partner,
      creditSide.tax,
      creditSide.invoice,
      amount,
      creditSide.taxYen,
      memo === '' ? payee : `${payee} ${memo}`,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ];
  });
  return csvDocument(MONEY_FORWARD_HEADER, rows, 'shift_jis');
}
