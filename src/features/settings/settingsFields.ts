import type { FieldIssue, SettingsForm } from '../../core/contracts/settings';
import { DEFAULT_NUMBER_PATTERN, parseNumberPattern } from '../../core/invoice/numbering';
import { parsePaymentTerms } from '../../core/paymentTerms';
import { checkRegistrationNumber, registrationNumberMessage } from '../../core/registrationNumber';
import { type FieldName, type Text, text, tooLongMessage } from '../../core/text';

/**
 * The rules for each settings field, in one place: the server applies them before saving and the
 * settings sidebar imports the same functions for feedback while typing. Pure and dependency-free
 * so both bundles can carry them.
 */

export interface FieldCheck {
  /** The value as it will be stored: trimmed, full-width digits folded, numbers normalized. */
  readonly value: string;
  readonly issue?: { readonly severity: FieldIssue['severity']; readonly message: Text };
}

type TextField = Exclude<keyof SettingsForm, ChoiceField>;
/** Fields chosen from a list (a dropdown in the sheet, a select in the sidebar). */
export type ChoiceField = 'accountType' | 'rounding' | 'transferFeeNote' | 'sendDirectly';
export const CHOICE_FIELDS: readonly ChoiceField[] = [
  'accountType',
  'rounding',
  'transferFeeNote',
  'sendDirectly',
];

/** Longest text a setting may hold; the invoice note is longer. */
export const MAX_SETTING_TEXT = 200;
export const MAX_INVOICE_NOTE = 500;

/** What each setting is called: the 設定 sheet's label (Japanese) and the sidebar's English. */
export const SETTING_NAMES: Readonly<Record<keyof SettingsForm, FieldName>> = {
  companyName: { ja: '会社名・屋号', en: 'Company or trade name' },
  registrationNumber: { ja: '登録番号', en: 'Registration number' },
  postalCode: { ja: '郵便番号', en: 'Postal code' },
  address: { ja: '住所', en: 'Address' },
  phone: { ja: '電話番号', en: 'Phone' },
  email: { ja: 'メール', en: 'Email' },
  bankName: { ja: '銀行名', en: 'Bank' },
  bankBranch: { ja: '支店名', en: 'Branch' },
  accountType: { ja: '口座種別', en: 'Account type' },
  accountNumber: { ja: '口座番号', en: 'Account number' },
  accountHolder: { ja: '口座名義(カナ)', en: 'Account holder (kana)' },
  companyNameEn: { ja: '会社名(英語)', en: 'Company name in English' },
  addressEn: { ja: '住所(英語)', en: 'Address in English' },
  bankNameEn: { ja: '銀行名(英語)', en: 'Bank in English' },
  bankBranchEn: { ja: '支店名(英語)', en: 'Branch in English' },
  rounding: { ja: '消費税の端数処理', en: 'Tax rounding' },
  defaultTerms: { ja: '既定の支払条件', en: 'Default payment terms' },
  invoiceNumberPattern: { ja: '請求書番号の形式', en: 'Invoice number pattern' },
  invoiceNote: { ja: '請求書の備考', en: 'Note on invoices' },
  transferFeeNote: { ja: '振込手数料のお願い', en: 'Ask the client to bear the transfer fee' },
  sendDirectly: { ja: '請求書を直接送信', en: 'Send invoices directly' },
};

/** The longest text a field may hold. */
export function maxSettingLength(key: keyof SettingsForm): number {
  return key === 'invoiceNote' ? MAX_INVOICE_NOTE : MAX_SETTING_TEXT;
}

const HYPHENS = /[\u2010-\u2015\u2212\u30fc\uff0d\uff70]/g;
// Control characters other than tab and newline never belong in a setting.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const clean = (s: string) => s.replace(CONTROL, '').trim();
/** Full-width letters and digits to ASCII, half-width kana to full-width. */
const fold = (s: string) => clean(s).normalize('NFKC');
const ok = (value: string): FieldCheck => ({ value });
const error = (value: string, ja: string, en: string): FieldCheck => ({
  value,
  issue: { severity: 'error', message: text(ja, en) },
});
const warning = (value: string, ja: string, en: string): FieldCheck => ({
  value,
  issue: { severity: 'warning', message: text(ja, en) },
});

/** Hiragana to katakana, so 「ぽっけ」 becomes 「ポッケ」. */
export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

function registrationNumber(input: string): FieldCheck {
  const result = checkRegistrationNumber(clean(input));
  if (!result.ok && result.reason === 'empty') return ok('');
  const { severity, message } = registrationNumberMessage(result);
  const value = result.ok ? result.value : clean(input);
  return severity === 'ok' ? ok(value) : { value, issue: { severity, message } };
}

function postalCode(input: string): FieldCheck {
  const s = fold(input).replace(HYPHENS, '-').replace(/^〒/, '').replace(/\s/g, '');
  if (!s) return ok('');
  const m = /^(\d{3})-?(\d{4})$/.exec(s);
  return m
    ? ok(`${m[1]}-${m[2]}`)
    : error(
        s,
        '郵便番号は7桁の数字です(例: 100-0001)',
        'A postal code has 7 digits (e.g. 100-0001)',
      );
}

function phone(input: string): FieldCheck {
  const s = fold(input).replace(HYPHENS, '-');
  if (!s || /^\+?[\d\-() ]{6,20}$/.test(s)) return ok(s);
  return error(
    s,
    '電話番号は数字とハイフンで入力してください',
    'Enter the phone number with digits and hyphens',
  );
}

function email(input: string): FieldCheck {
  const s = fold(input);
  if (!s || /^[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[^\s@<>()"',;]+$/.test(s)) return ok(s);
  return error(s, 'メールアドレスの形式が正しくありません', 'This is not a valid email address');
}

function accountNumber(input: string): FieldCheck {
  const s = fold(input).replace(HYPHENS, '').replace(/\s/g, '');
  if (!s) return ok('');
  if (!/^\d{1,8}$/.test(s))
    return error(s, '口座番号は数字で入力してください', 'Enter the account number in digits');
  if (s.length !== 7) {
    return warning(
      s,
      '口座番号は通常7桁です。ご確認ください',
      'Bank account numbers usually have 7 digits; please check',
    );
  }
  return ok(s);
}

/** Folded to what bank transfers use (「かぶ）ぽっけ」 → 「カブ)ポッケ」); anything else is a warning. */
function accountHolder(input: string): FieldCheck {
  const s = toKatakana(fold(input)).replace(/\s+/g, ' ');
  if (!s || /^[\p{Script=Katakana}\u30fc\u30fbA-Za-z0-9 ().\-/]+$/u.test(s)) return ok(s);
  return warning(
    s,
    '口座名義は通帳どおりカタカナで入力すると振込の照合が確実です',
    'Write the account holder in katakana as in the passbook so transfers match',
  );
}

/** Invoices fall back on these terms, so they must be readable. */
function defaultTerms(input: string): FieldCheck {
  const s = clean(input);
  if (!s) return ok('');
  const parsed = parsePaymentTerms(s);
  return parsed.ok ? ok(s) : { value: s, issue: { severity: 'error', message: parsed.message } };
}

/**
 * Invoice numbers become part of PDF file names and mail subjects: only the tokens numbering.ts
 * knows, exactly one {SEQn}, and letters, digits and - _ . / # around them. An empty field is the
 * default pattern.
 */
function invoiceNumberPattern(input: string): FieldCheck {
  const s = fold(input).replace(HYPHENS, '-');
  if (!s) return ok(DEFAULT_NUMBER_PATTERN);
  const parsed = parseNumberPattern(s);
  return parsed.ok
    ? ok(parsed.pattern.source)
    : { value: s, issue: { severity: 'error', message: parsed.message } };
}

/** Multi-line: newlines are kept (CRLF folded), trailing spaces of each line dropped. */
function invoiceNote(input: string): FieldCheck {
  const s = input
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .split('\n')
    .map((line) => line.replace(/[ \t\u3000]+$/, ''))
    .join('\n')
    .replace(/^\s+|\s+$/g, '');
  return ok(s);
}

const RULES: Partial<Record<TextField, (input: string) => FieldCheck>> = {
  invoiceNumberPattern,
  invoiceNote,
  registrationNumber,
  postalCode,
  phone,
  email,
  accountNumber,
  accountHolder,
  defaultTerms,
};

/**
 * Checks one field. Fields without a rule are cleaned of control characters and trimmed. A value
 * longer than the field allows is refused before any other rule, naming the field and the limit.
 */
export function checkSettingField(key: keyof SettingsForm, input: string): FieldCheck {
  const rule = RULES[key as TextField];
  const checked = rule ? rule(input) : ok(clean(input));
  const max = maxSettingLength(key);
  if (checked.value.length <= max) return checked;
  const { ja, en } = tooLongMessage(SETTING_NAMES[key], max, checked.value.length);
  return error(checked.value, ja, en);
}

export interface Validated {
  readonly form: SettingsForm;
  readonly errors: FieldIssue[];
  readonly warnings: FieldIssue[];
}

/** Checks the whole form. Errors block saving; warnings are shown and saved. */
export function validateSettings(input: SettingsForm): Validated {
  const form = { ...input };
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  for (const key of Object.keys(input) as (keyof SettingsForm)[]) {
    if ((CHOICE_FIELDS as readonly string[]).includes(key)) continue;
    const { value, issue } = checkSettingField(key, input[key] ?? '');
    (form as Record<string, string>)[key] = value;
    if (issue) (issue.severity === 'error' ? errors : warnings).push({ field: key, ...issue });
  }
  return { form, errors, warnings };
}
