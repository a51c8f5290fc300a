/** Every string of the 振込 sidebar, Japanese and English. */
import type { Text } from '../shared/i18n';

const t = (ja: string, en: string): Text => ({ ja, en });

export const S = {
  title: t('振込', 'Transfers'),
  transferDate: t('振込指定日', 'Transfer date'),
  dateHint: t(
    '支払予定シートの「未払」の行を、この日に振り込む総合振込データにします(銀行の営業日)',
    'The 未払 rows of the 支払予定 sheet become a bulk transfer file for this day (a bank business day)',
  ),
  preview: t('確認', 'Review'),
  previewing: t('確認中…', 'Checking…'),
  previewFailed: t('確認できませんでした', 'Could not review'),
  badDate: t('振込指定日を選んでください', 'Choose a transfer date'),
  intro: t(
    '振込指定日を選んで「確認」を押すと、振込データに入る支払を確認できます。まだ何も作成されません。',
    'Choose a transfer date and press Review to see what the file would pay. Nothing is created yet.',
  ),
  useSuggestion: t('この日にする', 'Use this date'),
  from: t('振込元', 'From'),
  toPay: t('振り込む支払', 'Transfers'),
  nothingToPay: t('振込する支払はありません', 'Nothing to pay'),
  refused: t('振込データを作成できません', 'The file cannot be made'),
  refusedHint: t(
    '支払予定シートか設定を直してから、もう一度確認してください。',
    'Fix the 支払予定 sheet or the settings, then review again.',
  ),
  warnings: t('確認してください', 'Please check'),
  unknownName: t('(一覧にありません)', '(not in the directory)'),
  amount: t('支払額', 'Amount'),
  withholding: t('源泉徴収', 'Withheld'),
  transfer: t('振込額', 'Transfer'),
  due: t('期日', 'Due'),
  total: t('振込合計', 'Total'),
  withholdingTotal: t('源泉所得税(このファイル)', 'Income tax withheld (this file)'),
  create: t('振込データを作成', 'Create the transfer file'),
  creating: t('作成中…', 'Creating…'),
  createFailed: t('作成できませんでした', 'Could not create the file'),
  created: t('振込データを作成しました', 'The transfer file is ready'),
  openFile: t('ドライブで開く', 'Open in Drive'),
  uploadHint: t(
    'このファイルを銀行のインターネットバンキングに取り込んでください。行は「振込データ作成済」になり、二度と振込データに入りません。',
    'Upload this file to your online banking. The rows are now 振込データ作成済 and never go into a file again.',
  ),
  made: t('作成済みの振込データ', 'Transfer files made'),
  undo: t('作成済を取り消す', 'Undo the mark'),
  undoConfirm: t('取り消して未払に戻す', 'Set the rows back to 未払'),
  undoHint: t(
    '行を未払に戻し、次の振込データに入れます。ファイルはドライブに残ります。銀行に送った後なら取り消さないでください。',
    'The rows go back to 未払 and into the next file. The file stays in Drive. Do not undo after you sent it to the bank.',
  ),
  undoing: t('取り消し中…', 'Undoing…'),
  undoFailed: t('取り消せませんでした', 'Could not undo'),
  directory: t('金融機関データ', 'Bank directory'),
};

export const count = {
  transfers: (n: number): Text => t(`${n}件`, n === 1 ? '1 transfer' : `${n} transfers`),
  rows: (n: number): Text => t(`${n}件`, n === 1 ? '1 row' : `${n} rows`),
  month: (month: string, total: string, due: string): Text => {
    const [y, m] = month.split('-');
    return t(
      `${y}年${Number(m)}月の源泉所得税 ${total}(納付期限 ${due})`,
      `Income tax withheld in ${month}: ${total} (due ${due})`,
    );
  },
};
