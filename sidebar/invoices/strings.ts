/** Every string of the invoices sidebar, Japanese and English. */
import type { Text } from '../shared/i18n';

const t = (ja: string, en: string): Text => ({ ja, en });

export const S = {
  title: t('請求書', 'Invoices'),
  closingDate: t('締め日', 'Closing date'),
  closingHint: t(
    'この日までに締まる未請求の明細を取引先ごとにまとめます',
    'Unbilled lines closing by this date, one invoice per client',
  ),
  preview: t('プレビュー', 'Preview'),
  previewing: t('確認中…', 'Checking…'),
  previewFailed: t('プレビューできませんでした', 'Could not preview'),
  badDate: t('締め日を選んでください', 'Choose a closing date'),
  intro: t(
    '締め日を選んで「プレビュー」を押すと、発行される請求書を確認できます。まだ何も作成されません。',
    'Choose a closing date and press Preview to see what would be issued. Nothing is created yet.',
  ),

  toIssue: t('発行予定の請求書', 'Invoices to issue'),
  settingsWarnings: t(
    '設定に足りない項目があります。このまま発行できます',
    'Some settings are missing; you can still issue',
  ),
  basisExcl: t('税抜価格の明細', 'Prices excluding tax'),
  basisIncl: t('税込価格の明細', 'Prices including tax'),
  partialInvoice: t(
    '選択した明細だけで計算しています(対象期間は選択した明細の日付)',
    'Figures of the ticked lines only (the period runs over their dates)',
  ),
  leftOut: t('明細が選択されていないため発行しません', 'No line ticked: not issued'),
  noneToIssue: t('発行する請求書はありません', 'Nothing to issue'),
  alreadyIssued: t('発行済みの取引先', 'Already issued'),
  problems: t('確認が必要な行', 'Rows to check'),
  problemsHint: t(
    'これらの行は請求に含まれません。発行時にメッセージ列にも書き込みます。',
    'These rows are left out. Issuing also writes the reason in their メッセージ cell.',
  ),

  period: t('対象期間', 'Period'),
  lines: t('明細', 'Lines'),
  issueDate: t('発行日', 'Issue date'),
  dueDate: t('支払期限', 'Due'),
  base10: t('10%対象', '10% taxable'),
  tax10: t('消費税(10%)', 'Tax (10%)'),
  base8: t('8%対象※', '8% taxable*'),
  tax8: t('消費税(8%)', 'Tax (8%)'),
  base0: t('非課税・不課税', 'Exempt / no tax'),
  total: t('合計', 'Total'),
  withholding: t('源泉徴収税額', 'Withholding tax'),
  billed: t('ご請求額', 'Amount billed'),

  issue: t('発行する', 'Issue'),
  issuing: t('発行中…', 'Issuing…'),
  cancel: t('キャンセル', 'Cancel'),
  issueFailed: t('発行できませんでした', 'Could not issue'),
  continueLater: t(
    '残りの請求書は1分後から自動で作成されます。結果は請求書シートと実行ログで確認できます。',
    'The remaining invoices will be made automatically from a minute from now; see the 請求書 sheet and the run log (実行ログ).',
  ),
  issuingHint: t(
    'PDF と Gmail の下書きを作成しています。閉じずにお待ちください。',
    'Creating PDFs and Gmail drafts. Please keep this open.',
  ),

  recurring: t('定期請求', 'Recurring'),
  recurringPending: t(
    '定期請求・発行時に売上明細へ追加',
    'Recurring: added to the sales sheet on issue',
  ),
  selectClient: t('この取引先の明細をすべて選択', 'Select all lines of this client'),
  showPreview: t('請求書を表示', 'View invoice'),
  showingPreview: t('表示中…', 'Opening…'),
  showPreviewFailed: t('請求書を表示できませんでした', 'Could not show the invoice'),
  nothingSelected: t('この取引先の明細が選択されていません', 'No line of this client is selected'),
  refused: t('発行できない選択行', 'Selected rows that cannot be issued'),
  sent: t('送信済', 'Sent'),

  issued: t('発行した請求書', 'Issued invoices'),
  pdf: t('PDF', 'PDF'),
  draft: t('Gmail 下書き', 'Gmail draft'),
  noDraft: t('下書きなし', 'No draft'),
} as const;

/** `N件` counts. */
export const count = {
  invoices: (n: number): Text => t(`${n}件`, n === 1 ? '1 invoice' : `${n} invoices`),
  lines: (n: number): Text => t(`${n}行`, n === 1 ? '1 line' : `${n} lines`),
  confirm: (n: number): Text =>
    t(
      `${n}件の請求書を発行します。PDF を Drive に保存し、Gmail の下書きを作成します。よろしいですか？`,
      `Issue ${n} invoice${n === 1 ? '' : 's'}? PDFs go to Drive and drafts to Gmail.`,
    ),
  confirmSend: (n: number): Text =>
    t(
      `${n}件の請求書を発行し、メールで送信します。PDF は Drive に保存します。よろしいですか？`,
      `Issue ${n} invoice${n === 1 ? '' : 's'} and send ${n === 1 ? 'it' : 'them'} by mail? PDFs go to Drive.`,
    ),
  selection: (rows: number, invoices: number): Text =>
    t(
      `選択した${rows}行だけを${invoices}件の請求書として発行します`,
      `Only the ${rows} selected line${rows === 1 ? '' : 's'} will be issued, as ${invoices} invoice${invoices === 1 ? '' : 's'}`,
    ),
  rowOnly: (row: number): Text => t(`${row}行目`, `row ${row}`),
  issueButton: (n: number): Text => t(`${n}件を発行する`, `Issue ${n}`),
  progress: (done: number, left: number): Text =>
    t(`${done}件を作成しました。残り${left}件を作成しています…`, `${done} made, ${left} to go…`),
  issuedInAll: (n: number, sent: number): Text =>
    t(
      sent > 0
        ? `合計${n}件の請求書を作成しました(うち${sent}件をメールで送信)`
        : `合計${n}件の請求書を作成しました`,
      sent > 0
        ? `Issued ${n} invoice(s) in all, ${sent} sent by mail`
        : `Issued ${n} invoice(s) in all`,
    ),
  laterLines: (n: number): Text =>
    t(
      `次回以降の締めに含まれる明細が${n}行あります`,
      `${n} unbilled line${n === 1 ? '' : 's'} belong${n === 1 ? 's' : ''} to a later closing`,
    ),
  row: (sheet: string, row: number): Text => t(`${sheet} ${row}行目`, `${sheet} row ${row}`),
};
