/**
 * freee会計「取引インポート」(収入・支出の取引として登録), for the owner's expenses: one 支出
 * transaction per row.
 *
 * Format, from freee's help center「取引・口座振替のインポート(一括登録)」
 * https://support.freee.co.jp/hc/ja/articles/202847320 (the sample file attached there):
 * - columns, in this order, the header row kept as is: 収支区分, 管理番号, 発生日, 決済期日,
 *   取引先コード, 取引先, 勘定科目, 税区分, 金額, 税計算区分, 税額, 備考, 品目, 部門,
 *   メモタグ（複数指定可、カンマ区切り）, セグメント1, セグメント2, セグメント3, 決済日, 決済口座, 決済金額;
 * - 収支区分 「収入」or「支出」, required on every transaction (a row with it blank continues the
 *   transaction above as another line, so Pokke fills it on every row);
 * - 発生日, 決済期日, 決済日 as YYYY/MM/DD; file size at most 5 MB;
 * - 税計算区分「内税」: 金額 includes the tax (Pokke's amounts always do);
 * - the sample file is UTF-8 with a byte-order mark, which is what Pokke writes (domain-jp.md).
 *
 * 税区分 names as freee writes them: 課対仕入10%, 課対仕入8%(軽), 非課仕入, 対象外, and for a
 * supplier without a registration number under the 経過措置 課対仕入(控80)10% /
 * 課対仕入(控80)8%(軽) (控50 after the first enacted step; freee's tax-category list as quoted
 * in https://speakerdeck.com/hiroyasu0422/mazidewakaran-dousitaraiino-freeehui-ji-noinboisudui-ying).
 * The 70% and 30% steps of the 令和8年度 reform (creditRate.ts) are written the same way,
 * 課対仕入(控70)10%: the pattern of freee's names, not yet seen on a freee page.
 *
 * 勘定科目: freee's default list names Pokke's 接待交際費 「交際費」 (freee's account list as
 * used by bookkeepers, e.g. https://option1.jp/accountlist/); the other Pokke accounts
 * (旅費交通費, 会議費, 支払手数料, 消耗品費, 通信費…) have the same name in freee. An owner who
 * renamed accounts in freee passes `accountNames`.
 *
 * Settlement (決済): a cash expense is settled on its date from freee's 「現金」 口座. Other
 * payment methods are left unsettled (freee books them to 未払金) unless the owner names the
 * freee 口座 that paid them (`settlementAccounts`, e.g. カード → 「〇〇カード」), because a
 * card's or a bank's 口座 name is the owner's own.
 */
import type { PaymentMethod } from '../accounts';
import { type CsvCell, type CsvDocument, csvDocument } from './csv';
import { type ExportExpense, exportText, slashDate, vendorAccount } from './exportRow';

export const FREEE_HEADER = [
  '収支区分',
  '管理番号',
  '発生日',
  '決済期日',
  '取引先コード',
  '取引先',
  '勘定科目',
  '税区分',
  '金額',
  '税計算区分',
  '税額',
  '備考',
  '品目',
  '部門',
  'メモタグ（複数指定可、カンマ区切り）',
  'セグメント1',
  'セグメント2',
  'セグメント3',
  '決済日',
  '決済口座',
  '決済金額',
] as const;

/** Pokke's account → freee's name, where they differ. */
export const FREEE_ACCOUNT_NAMES: Readonly<Record<string, string>> = {
  接待交際費: '交際費',
};

/** The freee 口座 that settles an expense paid this way; unlisted methods stay unsettled. */
export const FREEE_SETTLEMENT_ACCOUNTS: Readonly<Partial<Record<PaymentMethod, string>>> = {
  現金: '現金',
};

export interface FreeeOptions {
  /** The owner's account names in freee, where they differ from Pokke's (e.g. 研修費 → 研修採用費). */
  readonly accountNames?: Readonly<Record<string, string>>;
  /** The owner's freee 口座 by payment method (e.g. カード → 三井住友カード); merged over the defaults. */
  readonly settlementAccounts?: Readonly<Partial<Record<PaymentMethod, string>>>;
}

/** The 税区分 of a purchase at `taxRate`, with the share of its tax that may be credited. */
export function freeeTaxCategory(expense: Pick<ExportExpense, 'taxRate' | 'creditRate'>): string {
  if (expense.taxRate === 'exempt') return '非課仕入';
  if (expense.taxRate === 0) return '対象外';
  const credit = expense.creditRate ?? 100;
  if (credit <= 0) return '対象外';
  const rate = expense.taxRate === 8 ? '8%(軽)' : '10%';
  return credit >= 100 ? `課対仕入${rate}` : `課対仕入(控${credit})${rate}`;
}

/** The 取引インポート file of these expenses, in their order. */
export function freeeCsv(
  expenses: readonly ExportExpense[],
  options: FreeeOptions = {},
): CsvDocument {
  const settlement = { ...FREEE_SETTLEMENT_ACCOUNTS, ...options.settlementAccounts };
  const rows = expenses.map((e): CsvCell[] => {
    const date = slashDate(e.date);
    const paidFrom = e.paymentMethod === undefined ? undefined : settlement[e.paymentMethod];
    return [
      '支出',
      '',
      date,
      '',
      '',
      exportText(e.payee, false),
      vendorAccount(e.account, FREEE_ACCOUNT_NAMES, options.accountNames),
      freeeTaxCategory(e),
      e.amount,
      '内税',
      e.tax,
      exportText(e.memo, false),
      '',
      '',
      '',
      '',
      '',
      '',
      paidFrom === undefined ? '' : date,
      paidFrom ?? '',
      paidFrom === undefined ? '' : e.amount,
    ];
  });
  return csvDocument(FREEE_HEADER, rows, 'utf-8-bom');
}
