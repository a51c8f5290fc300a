/** Every string of the settings sidebar, Japanese and English. */
import type { Text } from '../shared/i18n';

const t = (ja: string, en: string): Text => ({ ja, en });

export const S = {
  title: t('設定', 'Settings'),
  language: t('表示言語', 'Language'),
  languageHint: t(
    'Pokke の画面・メッセージ・自分宛てのメールの言語です。あなたにだけ適用され、ワークブックには保存しません。取引先への請求書は取引先の言語で作成します。',
    'The language of Pokke’s screens, messages and mails to you. It applies to you only and is not saved in the workbook. Invoices to a client follow the client’s language.',
  ),
  languageAuto: t('自動(Google アカウントの言語)', 'Automatic (your Google account’s language)'),
  languageFailed: t('表示言語を変更できませんでした', 'Could not change the language'),
  loading: t('読み込み中…', 'Loading…'),
  loadFailed: t('設定を読み込めませんでした', 'Could not load the settings'),
  retry: t('再読み込み', 'Reload'),

  sectionBusiness: t('事業者情報', 'Your business'),
  sectionBank: t('振込先', 'Bank account for payments'),
  sectionEnglish: t('英語の請求書の表記', 'Names on English invoices'),
  sectionDefaults: t('請求の既定値', 'Invoice defaults'),
  sectionInvoices: t('請求書', 'Invoices'),

  companyName: t('会社名・屋号', 'Company or trade name'),
  registrationNumber: t('登録番号', 'Registration number'),
  registrationHint: t(
    '適格請求書発行事業者の登録番号（T＋13桁）。未登録なら空欄。',
    'Qualified invoice issuer number (T + 13 digits). Leave empty if not registered.',
  ),
  registrationLookup: t('国税庁の公表サイトで確認', 'Look it up on the NTA site'),
  postalCode: t('郵便番号', 'Postal code'),
  address: t('住所', 'Address'),
  phone: t('電話', 'Phone'),
  email: t('メール', 'Email'),
  bankName: t('銀行名', 'Bank'),
  bankBranch: t('支店名', 'Branch'),
  companyNameEn: t('会社名(英語)', 'Company name in English'),
  addressEn: t('住所(英語)', 'Address in English'),
  bankNameEn: t('銀行名(英語)', 'Bank in English'),
  bankBranchEn: t('支店名(英語)', 'Branch in English'),
  englishNamesHint: t(
    '言語が en の取引先への請求書とメールに表示します。空欄の項目は日本語の表記のままです。',
    'Shown on invoices and mails to clients whose language is en; an empty one keeps the Japanese name.',
  ),
  companyNameEnExample: t('Pokke Shoten Co., Ltd.', 'e.g. Pokke Shoten Co., Ltd.'),
  addressEnExample: t(
    '1-2-3 Jingumae, Shibuya-ku, Tokyo',
    'e.g. 1-2-3 Jingumae, Shibuya-ku, Tokyo',
  ),
  bankNameEnExample: t('Midori Bank', 'e.g. Midori Bank'),
  bankBranchEnExample: t('Shibuya Branch', 'e.g. Shibuya Branch'),
  bankNameExample: t('ぽっけ銀行', 'e.g. Pokke Bank'),
  bankBranchExample: t('本店', 'e.g. Head office'),
  accountHolderExample: t('カ）ポッケ', 'In katakana, as in the passbook'),
  invoiceNoteExample: t('いつもありがとうございます', 'Thank you for your business'),
  accountType: t('種別', 'Account type'),
  accountNumber: t('口座番号', 'Account number'),
  accountHolder: t('口座名義（カナ）', 'Account holder (kana)'),
  accountHolderHint: t(
    '通帳の表記どおり。ひらがなはカタカナに直します。',
    'As in the passbook; hiragana becomes katakana.',
  ),
  rounding: t('端数処理（消費税）', 'Tax rounding'),
  roundingHint: t('税率ごとに請求書1枚につき1回', 'Once per invoice per tax rate'),
  defaultTerms: t('既定の支払条件', 'Default payment terms'),
  defaultTermsHint: t(
    '例: 月末締め翌月末払い',
    'e.g. 月末締め翌月末払い (close at month-end, pay end of next month)',
  ),

  invoiceNumberPattern: t('請求書番号の形式', 'Invoice number pattern'),
  invoiceNumberPatternHint: t(
    '{YYYY} {YY} {MM} {DD} と連番 {SEQ4}(4桁)など。例: {YYYY}-{MM}-{SEQ4} → 2026-11-0001',
    'Tokens {YYYY} {YY} {MM} {DD} and one sequence such as {SEQ4} (4 digits). e.g. {YYYY}-{MM}-{SEQ4} → 2026-11-0001',
  ),
  invoiceNote: t('請求書の備考', 'Note on invoices'),
  invoiceNoteHint: t(
    'すべての請求書の備考欄に表示します(改行可・500文字まで)',
    'Printed under Notes on every invoice (several lines, up to 500 characters)',
  ),
  transferFeeNote: t('振込手数料のお願い', 'Ask the client to bear the transfer fee'),
  transferFeeNoteHint: t(
    '振込先のある請求書に一文を取引先の言語で1回表示します',
    "Printed once, in the client's language, on invoices that show the bank account",
  ),
  transferFeeNoteYes: t('する(一文を表示)', 'Yes (print the sentence)'),
  transferFeeNoteNo: t('しない', 'No'),
  sendDirectly: t('請求書を直接送信', 'Send invoices directly'),
  sendDirectlyHint: t(
    '「する」: 発行時にメールを送信します(1日の送信上限を超える分は下書き)。「しない」: Gmail の下書きを作成します',
    'Yes: issuing sends the mail (beyond the daily limit, drafts). No: Gmail drafts to check and send',
  ),
  sendDirectlyNo: t('しない(下書きを作成)', 'No (make drafts)'),
  sendDirectlyYes: t('する(メールを送信)', 'Yes (send the mail)'),

  futsu: t('普通', 'Ordinary (普通)'),
  toza: t('当座', 'Checking (当座)'),
  floor: t('切り捨て', 'Round down (切り捨て)'),
  round: t('四捨五入', 'Round half up (四捨五入)'),
  ceil: t('切り上げ', 'Round up (切り上げ)'),

  save: t('保存', 'Save'),
  saving: t('保存中…', 'Saving…'),
  saved: t('保存しました', 'Saved'),
  savedWithWarnings: t('保存しました（注意があります）', 'Saved, with warnings'),
  saveFailed: t('保存できませんでした', 'Could not save'),
  fixFields: t('赤い項目を確認してください', 'Please check the fields marked in red'),

  setupNeeded: t(
    'このブックはまだ Pokke 用に準備されていません。',
    'This workbook is not set up for Pokke yet.',
  ),
  setupButton: t('ブックを準備', 'Set up workbook'),
  settingUp: t('準備中…', 'Setting up…'),
  setupFailed: t('ブックを準備できませんでした', 'Could not set up the workbook'),
} as const;

export const TERMS_SUGGESTIONS = [
  '月末締め翌月末払い',
  '月末締め翌々月末払い',
  '20日締め翌月末払い',
  '15日締め当月末払い',
  '発行日から30日以内',
];

export const NTA_LOOKUP_URL = 'https://www.invoice-kohyo.nta.go.jp/';
