import type { RoundingMethod, SettingsForm } from '../../ui/contracts';

/** One row of the 設定 sheet: the key Pokke reads, the label and help the owner reads. */
export interface SettingRow {
  readonly key: keyof SettingsForm;
  readonly label: string;
  readonly description: string;
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

export const SETTING_ROWS: readonly SettingRow[] = [
  {
    key: 'companyName',
    label: '会社名・屋号',
    description: '請求書の発行者名 / Issuer name on invoices',
    initial: '',
  },
  {
    key: 'registrationNumber',
    label: '登録番号',
    description:
      '適格請求書発行事業者の登録番号(T+13桁) / Qualified invoice registration number (T + 13 digits)',
    initial: '',
  },
  { key: 'postalCode', label: '郵便番号', description: '例: 100-0001 / Postal code', initial: '' },
  {
    key: 'address',
    label: '住所',
    description: '請求書に表示します / Shown on invoices',
    initial: '',
  },
  { key: 'phone', label: '電話番号', description: 'Phone', initial: '' },
  {
    key: 'email',
    label: 'メール',
    description: '請求書の連絡先 / Contact email on invoices',
    initial: '',
  },
  { key: 'bankName', label: '銀行名', description: '振込先 / Bank for transfers', initial: '' },
  { key: 'bankBranch', label: '支店名', description: 'Branch', initial: '' },
  {
    key: 'accountType',
    label: '口座種別',
    description: '普通 または 当座 / Ordinary or current',
    initial: '普通',
    choices: ACCOUNT_TYPES,
  },
  { key: 'accountNumber', label: '口座番号', description: '7桁 / 7 digits', initial: '' },
  {
    key: 'accountHolder',
    label: '口座名義(カナ)',
    description: 'Account holder in katakana',
    initial: '',
  },
  {
    key: 'rounding',
    label: '消費税の端数処理',
    description: '請求書ごと・税率ごとに1回 / Once per invoice per rate',
    initial: ROUNDING_LABELS.floor,
    choices: Object.values(ROUNDING_LABELS),
  },
  {
    key: 'defaultTerms',
    label: '既定の支払条件',
    description:
      '取引先に支払条件がない場合に使います。例: 月末締め翌月末払い / Used when a client has none',
    initial: '月末締め翌月末払い',
  },
];
