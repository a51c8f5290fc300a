import type { RoundingMethod, SendDirectly, SettingsForm } from '../../core/contracts/settings';
import { DEFAULT_NUMBER_PATTERN } from '../../core/invoice/numbering';
import { type Text, text } from '../../core/text';
import { YES_NO } from '../../sheets/schema';
import { SETTING_NAMES } from './settingsFields';

/** One row of the 設定 sheet: the key Pokke reads, the label and help the owner reads. */
export interface SettingRow {
  readonly key: keyof SettingsForm;
  readonly label: string;
  /** Help for the owner, written in the 説明 column in the language of whoever sets up. */
  readonly description: Text;
  readonly initial: string;
  /** Allowed cell values, shown as a dropdown. */
  readonly choices?: readonly string[];
}

export const ROUNDING_LABELS: Record<RoundingMethod, string> = {
  floor: '切り捨て',
  round: '四捨五入',
  ceil: '切り上げ',
};

export const ACCOUNT_TYPES = ['普通', '当座'] as const;
export const SEND_DIRECTLY_CHOICES = ['する', 'しない'] as const satisfies readonly SendDirectly[];

/** The English names English documents carry, each optional. */
export const ENGLISH_NAMES = ['companyNameEn', 'addressEn', 'bankNameEn', 'bankBranchEn'] as const;

export const SETTING_ROWS: readonly SettingRow[] = [
  {
    key: 'companyName',
    label: SETTING_NAMES.companyName.ja,
    description: text('請求書の発行者名', 'Issuer name on invoices'),
    initial: '',
  },
  {
    key: 'registrationNumber',
    label: SETTING_NAMES.registrationNumber.ja,
    description: text(
      '適格請求書発行事業者の登録番号(T+13桁)',
      'Qualified invoice registration number (T + 13 digits)',
    ),
    initial: '',
  },
  {
    key: 'postalCode',
    label: SETTING_NAMES.postalCode.ja,
    description: text('例: 100-0001', 'Postal code'),
    initial: '',
  },
  {
    key: 'address',
    label: SETTING_NAMES.address.ja,
    description: text('請求書に表示します', 'Shown on invoices'),
    initial: '',
  },
  {
    key: 'phone',
    label: SETTING_NAMES.phone.ja,
    description: text('請求書に表示します', 'Shown on invoices'),
    initial: '',
  },
  {
    key: 'email',
    label: SETTING_NAMES.email.ja,
    description: text('請求書の連絡先', 'Contact email on invoices'),
    initial: '',
  },
  {
    key: 'bankName',
    label: SETTING_NAMES.bankName.ja,
    description: text('振込先', 'Bank for transfers'),
    initial: '',
  },
  {
    key: 'bankBranch',
    label: SETTING_NAMES.bankBranch.ja,
    description: text('振込先の支店名', 'Branch for transfers'),
    initial: '',
  },
  {
    key: 'accountType',
    label: SETTING_NAMES.accountType.ja,
    description: text('普通 または 当座', 'Ordinary or current'),
    initial: '普通',
    choices: ACCOUNT_TYPES,
  },
  {
    key: 'accountNumber',
    label: SETTING_NAMES.accountNumber.ja,
    description: text('7桁', '7 digits'),
    initial: '',
  },
  {
    key: 'accountHolder',
    label: SETTING_NAMES.accountHolder.ja,
    description: text(
      '通帳と同じカタカナで(入金の照合に使います)',
      'The account holder in katakana as in the passbook',
    ),
    initial: '',
  },
  ...ENGLISH_NAMES.map(
    (key): SettingRow => ({
      key,
      label: SETTING_NAMES[key].ja,
      description: text(
        '英語の請求書・メールに表示します(空欄なら日本語の表記)',
        'Shown on English invoices and mails (empty: the Japanese one)',
      ),
      initial: '',
    }),
  ),
  {
    key: 'rounding',
    label: SETTING_NAMES.rounding.ja,
    description: text('請求書ごと・税率ごとに1回', 'Once per invoice per rate'),
    initial: ROUNDING_LABELS.floor,
    choices: Object.values(ROUNDING_LABELS),
  },
  {
    key: 'defaultTerms',
    label: SETTING_NAMES.defaultTerms.ja,
    description: text(
      '取引先に支払条件がない場合に使います。例: 月末締め翌月末払い',
      'Used when a client has none',
    ),
    initial: '月末締め翌月末払い',
  },
  {
    key: 'invoiceNumberPattern',
    label: SETTING_NAMES.invoiceNumberPattern.ja,
    description: text(
      '{YYYY} {YY} {MM} {DD} と連番 {SEQ4} など。例: {YYYY}-{MM}-{SEQ4} → 2026-11-0001',
      'Invoice number pattern',
    ),
    initial: DEFAULT_NUMBER_PATTERN,
  },
  {
    key: 'invoiceNote',
    label: SETTING_NAMES.invoiceNote.ja,
    description: text(
      'すべての請求書の備考欄に表示します(改行可・500文字まで)。振込手数料のお願いは下の設定で',
      'Printed on every invoice; the transfer-fee sentence is the setting below',
    ),
    initial: '',
  },
  {
    key: 'transferFeeNote',
    label: SETTING_NAMES.transferFeeNote.ja,
    description: text(
      'する: 振込先のある請求書に「振込手数料はご負担ください」の一文を取引先の言語で1回表示します',
      "する prints the transfer-fee sentence once, in the client's language, under the bank account",
    ),
    initial: 'する',
    choices: SEND_DIRECTLY_CHOICES,
  },
  {
    key: 'sendDirectly',
    label: SETTING_NAMES.sendDirectly.ja,
    description: text(
      'する: 発行時にメールを送信します。しない: Gmail の下書きを作成します',
      'Send invoices on issue instead of making drafts',
    ),
    initial: 'しない',
    choices: SEND_DIRECTLY_CHOICES,
  },
];

/**
 * The automations' rows of the 設定 sheet. The owner edits them in the sheet; the daily
 * dispatcher reads them (src/features/automations/automationSettings.ts).
 */
export const AUTOMATION_SETTING_ROWS = [
  {
    key: 'reminders',
    label: '督促メールの下書き',
    description: text(
      '支払期限を過ぎた未入金の請求書に、丁寧な確認メールの下書きを作ります',
      'Draft polite reminders for unpaid invoices past due',
    ),
    initial: 'する',
    choices: YES_NO,
  },
  {
    key: 'reminderOffsets',
    label: '督促のタイミング(期限後の日数)',
    description: text(
      '1回目・2回目・3回目を支払期限の何日後に作るか。例: 1, 14, 30',
      'Days after the due date for steps 1, 2 and 3',
    ),
    initial: '1, 14, 30',
  },
  {
    key: 'reminderSendDirectly',
    label: '督促を直接送信',
    description: text(
      '「する」にすると下書きでなく送信します',
      '"する" sends reminders instead of drafting them',
    ),
    initial: 'しない',
    choices: YES_NO,
  },
  {
    key: 'summaryDay',
    label: '月次集計の日',
    description: text(
      '集計を作る日。毎月最終営業日・毎月末はその月を、翌月第1営業日・毎月5日などは前月を集計します',
      'The day a month is summarised: month-end rules summarise their own month, others the month before',
    ),
    initial: '毎月最終営業日',
  },
  {
    key: 'summaryMail',
    label: '月次集計をメールで受け取る',
    description: text('集計の要点を自分宛てに送ります', 'Mail the highlights to yourself'),
    initial: 'する',
    choices: YES_NO,
  },
] as const;

/** The payments-in (入金確認) rows of the 設定 sheet, read by src/features/payments. */
export const PAYMENT_SETTING_ROWS = [
  {
    key: 'feeTolerance',
    label: '振込手数料の許容額',
    description: text(
      '入金が請求額よりこの金額まで少ないときは、振込手数料を差し引いた入金として照合します(円)',
      'A payment short of the amount billed by up to this many yen is matched as net of a transfer fee',
    ),
    initial: '880',
  },
  {
    key: 'bankCsvLayouts',
    label: '銀行CSVの列の対応',
    description: text(
      'Pokkeが知らない銀行のCSVの列の対応(入金確認で見出しから設定すると、ここに1行1銀行のJSONで保存されます)',
      "Which column is which in the CSV of a bank Pokke does not know (set from a file's header in Payments in; kept here as JSON, one line per bank)",
    ),
    initial: '',
  },
] as const;

/**
 * The owner's own account for 総合振込 files (依頼人) and the code the bank gave. Edited in the
 * sheet; the transfers feature reads them (src/features/transfers/requester.ts).
 */
export const TRANSFER_SETTING_ROWS = [
  {
    key: 'transferRequesterCode',
    label: '依頼人コード',
    description: text(
      '総合振込の契約で銀行から通知された10桁までのコード',
      'The code (up to 10 digits) your bank gave for bulk transfers',
    ),
    initial: '',
  },
  {
    key: 'transferRequesterName',
    label: '依頼人名(カナ)',
    description: text(
      '振込元の口座名義をカナで(例: カ)ポッケシヨウテン)',
      'Your account holder name in kana',
    ),
    initial: '',
  },
  {
    key: 'transferBankCode',
    label: '振込元の銀行コード',
    description: text('4桁(例: 0001)', '4 digits (e.g. 0001)'),
    initial: '',
  },
  {
    key: 'transferBranchCode',
    label: '振込元の支店コード',
    description: text('3桁(例: 001)', '3 digits (e.g. 001)'),
    initial: '',
  },
  {
    key: 'transferAccountType',
    label: '振込元の預金種目',
    description: text('普通 または 当座', 'Ordinary or current'),
    initial: '普通',
    choices: ACCOUNT_TYPES,
  },
  {
    key: 'transferAccountNumber',
    label: '振込元の口座番号',
    description: text('7桁', '7 digits'),
    initial: '',
  },
] as const;

/**
 * The scheduling (日程調整) rows of the 設定 sheet: the Gmail card reads them when it looks for
 * candidate times (src/features/scheduling/schedulingSettings.ts).
 */
export const SCHEDULING_SETTING_ROWS = [
  {
    key: 'meetingHours',
    label: '日程調整の時間帯',
    description: text(
      '候補にする曜日と時間帯。例: 平日 9:00-12:00, 13:00-18:00(土曜も: ; 土 10:00-12:00)',
      'Days and hours to offer, e.g. weekdays 9:00-12:00, 13:00-18:00; add ; Sat 10:00-12:00 for Saturdays',
    ),
    initial: '平日 9:00-12:00, 13:00-18:00',
  },
  {
    key: 'meetingLength',
    label: '打ち合わせの長さ(分)',
    description: text('候補の既定の長さ', 'The default meeting length, in minutes'),
    initial: '60',
  },
  {
    key: 'meetingBuffers',
    label: '前後の空き時間(分)',
    description: text(
      '予定の前後に空ける時間。例: 15(前後とも)/ 10, 15(前, 後)',
      'Free minutes kept before and after: 15 (both) or 10, 15 (before, after)',
    ),
    initial: '15',
  },
  {
    key: 'meetingCalendars',
    label: '空き時間を見るカレンダー',
    description: text(
      '自分のカレンダーのほかに予定を確認するカレンダーのID(メールアドレス)。カンマ区切り',
      'Other calendars (ids, usually e-mail addresses) whose busy times count, comma separated',
    ),
    initial: '',
  },
] as const;

/** A row of the 設定 sheet, whichever feature reads it. */
export interface SheetSettingRow {
  readonly key: string;
  readonly label: string;
  /** Help for the owner, written in the 説明 column in the language of whoever sets up. */
  readonly description: Text;
  readonly initial: string;
  readonly choices?: readonly string[];
}

/** Every row of the 設定 sheet, in the order setup writes them. */
export const SETTINGS_SHEET_ROWS: readonly SheetSettingRow[] = [
  ...SETTING_ROWS,
  ...AUTOMATION_SETTING_ROWS,
  ...PAYMENT_SETTING_ROWS,
  ...TRANSFER_SETTING_ROWS,
  ...SCHEDULING_SETTING_ROWS,
];
