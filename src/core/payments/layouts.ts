/**
 * Bank statement CSV layouts, as data: which header names hold the date, the amount (one signed
 * column, or separate 入金 / 出金 columns), the description and the balance. Columns are named by
 * their header, so a bank that reorders or adds columns still reads. Headers are compared after
 * NFKC, without spaces (`入出金（円）` reads as `入出金(円)`).
 *
 * The owner's own mapping for any other bank (see ownerLayout.ts) has the same shape.
 */
import { type Text, text } from '../text';

/** How a one-column date is written. `y/m/d` accepts both `2026/1/5` and `2026/01/05`. */
export type DateFormat = 'yyyymmdd' | 'y/m/d' | 'y-m-d' | 'y年m月d日';

export const DATE_FORMATS: readonly DateFormat[] = ['yyyymmdd', 'y/m/d', 'y-m-d', 'y年m月d日'];

export type DateColumns =
  | { readonly kind: 'column'; readonly column: string; readonly format: DateFormat }
  /** Year, month and day in three columns (PayPay銀行). */
  | { readonly kind: 'parts'; readonly year: string; readonly month: string; readonly day: string };

export type AmountColumns =
  /** One column, positive for money in, negative for money out. */
  | { readonly kind: 'signed'; readonly column: string }
  /** Money in and money out in two columns, the other one blank (or 0) on each line. */
  | { readonly kind: 'inOut'; readonly in: string; readonly out: string };

export interface CsvLayout {
  readonly date: DateColumns;
  readonly amount: AmountColumns;
  /** Joined with a space, blanks left out: MUFG puts 「振込ＩＢ１」 and the payer in two columns. */
  readonly description: readonly string[];
  readonly balance?: string;
}

export interface BankLayout extends CsvLayout {
  readonly id: string;
  readonly bank: Text;
}

/**
 * The layouts Pokke recognises by their header. Sources: domain-jp.md (Incoming payments), and
 * public parsers of real exports, found with the code search:
 * - 楽天銀行: rlan/beancount-multitool src/beancount_multitool/RakutenBank.py and
 *   docs/institutions/rakuten_bank.md (header 取引日,入出金(円),取引後残高(円),入出金内容; %Y%m%d).
 * - 三井住友銀行: domain-jp.md; public importers' fixtures show 年月日,お引出し,お預入れ,
 *   お取り扱い内容,残高[,メモ,ラベル] with dates like 2024/8/27 (no zero padding).
 * - 住信SBIネット銀行: rlan/beancount-multitool src/beancount_multitool/SumishinNetBank.py and
 *   docs/institutions/sumishin_net_bank.md ("日付","内容","出金金額(円)","入金金額(円)","残高(円)",
 *   "メモ"; amounts quoted with thousands commas, e.g. "1,234,567").
 * - PayPay銀行 (formerly ジャパンネット銀行): domain-jp.md; xruins/japannetbank-csv-to-json
 *   csv/csv.go (年, 月, 日, 時, 分, 秒, 取引順番号, 摘要, お支払金額, お預り金額, 残高, メモ).
 * - SBI新生銀行: rlan/beancount-multitool src/beancount_multitool/ShinseiBank.py
 *   ("取引日","摘要","出金金額","入金金額","残高"; %Y/%m/%d).
 * - 三菱UFJ銀行: several independent public importers' fixtures (code search, 2012 to 2026) show
 *   "日付","摘要","摘要内容","支払い金額","預かり金額","差引残高"[,"メモ","未資金化区分","入払区分"],
 *   dates like 2023/6/2, the payer's name in 摘要内容.
 */
export const BANK_LAYOUTS: readonly BankLayout[] = [
  {
    id: 'rakuten',
    bank: text('楽天銀行', 'Rakuten Bank'),
    date: { kind: 'column', column: '取引日', format: 'yyyymmdd' },
    amount: { kind: 'signed', column: '入出金(円)' },
    description: ['入出金内容'],
    balance: '取引後残高(円)',
  },
  {
    id: 'smbc',
    bank: text('三井住友銀行', 'Sumitomo Mitsui Banking Corporation'),
    date: { kind: 'column', column: '年月日', format: 'y/m/d' },
    amount: { kind: 'inOut', in: 'お預入れ', out: 'お引出し' },
    description: ['お取り扱い内容'],
    balance: '残高',
  },
  {
    id: 'sbi-sumishin',
    bank: text('住信SBIネット銀行', 'SBI Sumishin Net Bank'),
    date: { kind: 'column', column: '日付', format: 'y/m/d' },
    amount: { kind: 'inOut', in: '入金金額(円)', out: '出金金額(円)' },
    description: ['内容'],
    balance: '残高(円)',
  },
  {
    id: 'paypay',
    bank: text('PayPay銀行', 'PayPay Bank'),
    date: { kind: 'parts', year: '操作日(年)', month: '操作日(月)', day: '操作日(日)' },
    amount: { kind: 'inOut', in: 'お預り金額', out: 'お支払金額' },
    description: ['摘要'],
    balance: '残高',
  },
  {
    id: 'sbi-shinsei',
    bank: text('SBI新生銀行', 'SBI Shinsei Bank'),
    date: { kind: 'column', column: '取引日', format: 'y/m/d' },
    amount: { kind: 'inOut', in: '入金金額', out: '出金金額' },
    description: ['摘要'],
    balance: '残高',
  },
  {
    id: 'mufg',
    bank: text('三菱UFJ銀行', 'MUFG Bank'),
    date: { kind: 'column', column: '日付', format: 'y/m/d' },
    amount: { kind: 'inOut', in: '預かり金額', out: '支払い金額' },
    description: ['摘要', '摘要内容'],
    balance: '差引残高',
  },
];

/** Every header name a layout reads (they must all be in the header row for it to apply). */
export function layoutColumns(layout: CsvLayout): string[] {
  const date =
    layout.date.kind === 'column'
      ? [layout.date.column]
      : [layout.date.year, layout.date.month, layout.date.day];
  const amount =
    layout.amount.kind === 'signed'
      ? [layout.amount.column]
      : [layout.amount.in, layout.amount.out];
  return [...date, ...amount, ...layout.description, ...(layout.balance ? [layout.balance] : [])];
}
