/** Every string of the 経費 sidebar, Japanese and English. */
import type { Text } from '../shared/i18n';

const t = (ja: string, en: string): Text => ({ ja, en });

export const S = {
  title: t('経費', 'Expenses'),
  month: t('月', 'Month'),
  show: t('表示', 'Show'),
  loadFailed: t('経費を読み込めませんでした', 'Could not load the expenses'),

  totals: t('今月の経費', "This month's expenses"),
  monthTotals: t('月の経費', 'Expenses of the month'),
  total: t('合計(税込)', 'Total (incl. tax)'),
  tax: t('うち消費税', 'of which tax'),
  byAccount: t('勘定科目別', 'By account'),
  byRate: t('税率別', 'By tax rate'),
  account: t('勘定科目', 'Account'),
  rate: t('税率', 'Rate'),
  amount: t('金額', 'Amount'),
  noExpenses: t('この月の経費はまだありません', 'No expenses this month yet'),

  attention: t('確認が必要な行', 'Rows to check'),
  attentionHint: t(
    '「行を確認」で、メッセージ・消費税・控除割合・科目の提案を経費シートに書き込みます',
    'Check rows writes the messages, the tax, the credit rate and suggested accounts into the 経費 sheet',
  ),
  noAttention: t('確認が必要な行はありません', 'No row needs checking'),
  check: t('行を確認', 'Check rows'),
  checking: t('確認中…', 'Checking…'),
  checkFailed: t('確認できませんでした', 'Could not check the rows'),

  search: t('電子帳簿保存法の検索', 'Search (electronic records)'),
  searchHint: t(
    '日付・金額・取引先のいずれか、または組み合わせで検索します',
    'Search by date, amount or payee, alone or combined',
  ),
  dateFrom: t('日付(開始)', 'Date from'),
  dateTo: t('日付(終了)', 'Date to'),
  minAmount: t('金額(下限)', 'Min amount'),
  maxAmount: t('金額(上限)', 'Max amount'),
  payee: t('取引先', 'Payee'),
  find: t('検索', 'Search'),
  finding: t('検索中…', 'Searching…'),
  searchFailed: t('検索できませんでした', 'Could not search'),
  badAmount: t('金額は整数(円)で入力してください', 'Enter amounts in whole yen'),
  noHits: t('該当する経費はありません', 'No expense matches'),
  receipt: t('領収書', 'Receipt'),
  noReceipt: t('ファイルなし', 'No file'),

  exports: t('エクスポート', 'Export'),
  exportsHint: t(
    'この月の経費を会計ソフトの取り込み用 CSV にして Drive に保存します',
    "Saves this month's expenses to Drive as a CSV for your accounting software",
  ),
  freee: t('freee 用 CSV', 'CSV for freee'),
  moneyforward: t('マネーフォワード用 CSV', 'CSV for Money Forward'),
  exporting: t('作成中…', 'Making…'),
  exportFailed: t('エクスポートできませんでした', 'Could not export'),
} as const;

export const count = {
  rows: (n: number): Text => t(`${n}件`, n === 1 ? '1 row' : `${n} rows`),
  row: (row: number): Text => t(`${row}行目`, `Row ${row}`),
  moreAttention: (shown: number, all: number): Text =>
    t(`${all}行のうち${shown}行を表示しています`, `Showing ${shown} of ${all} rows`),
  hits: (shown: number, all: number): Text =>
    shown === all
      ? t(`${all}件見つかりました`, all === 1 ? '1 expense found' : `${all} expenses found`)
      : t(`${all}件のうち${shown}件を表示しています`, `Showing ${shown} of ${all} expenses`),
};
