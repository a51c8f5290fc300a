/** Every string of the 入金確認 sidebar, Japanese and English. */
import type { Text } from '../shared/i18n';

const t = (ja: string, en: string): Text => ({ ja, en });

export const S = {
  title: t('入金確認', 'Payments in'),
  importTitle: t('銀行の明細を取り込む', 'Import a bank statement'),
  importHint: t(
    '銀行からダウンロードしたCSV(Shift_JIS または UTF-8)を選んでください。取り込み済みの行は二重に追加されません',
    'Choose the CSV as downloaded from the bank (Shift_JIS or UTF-8). Lines already imported are never added twice',
  ),
  file: t('CSVファイル', 'CSV file'),
  import: t('取り込む', 'Import'),
  importing: t('取り込み中…', 'Importing…'),
  noFile: t('ファイルを選んでください', 'Choose a file'),
  tooLarge: t(
    'ファイルが大きすぎます(10MBまで)。期間を分けてダウンロードしてください',
    'The file is too large (at most 10 MB): download shorter periods',
  ),
  importFailed: t('取り込めませんでした(何も追加していません)', 'Nothing was imported'),
  toConfirm: t('確認する入金', 'Payments to confirm'),
  none: t('確認待ちの入金はありません', 'No payment waiting'),
  noProposal: t('一致する請求書が見つかりません', 'No invoice fits'),
  confidence: t('確度', 'confidence'),
  other: t('別の請求書を選ぶ', 'Another invoice'),
  chooseInvoice: t('請求書を選択', 'Choose an invoice'),
  ignore: t('対象外(請求書の入金ではない)', 'Not an invoice payment (対象外)'),
  confirm: t('確定', 'Confirm'),
  confirmAll: t('選んだ内容ですべて確定', 'Confirm all as chosen'),
  confirming: t('確定中…', 'Confirming…'),
  confirmFailed: t('確定できませんでした', 'Could not confirm'),
  chooseFirst: t('消し込む請求書か対象外を選んでください', 'Choose the invoice, or 対象外'),
  loadFailed: t('読み込めませんでした', 'Could not load'),
  fee: t('振込手数料', 'transfer fee'),
  left: t('残り', 'left'),
  due: t('期限', 'due'),
};
