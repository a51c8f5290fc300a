import * as z from 'zod/mini';
import { bilingual } from '../../core/bilingual';
import { checkRegistrationNumber } from '../../core/registrationNumber';
import type { FieldIssue, SettingsForm } from '../../ui/contracts';
import { ACCOUNT_TYPES } from './settingsRows';

const MAX_TEXT = 200;
const text = () => z.string().check(z.maxLength(MAX_TEXT));

/** The shape a sidebar must send: anything else is refused before it reaches the workbook. */
export const settingsFormSchema = z.strictObject({
  companyName: text(),
  registrationNumber: text(),
  postalCode: text(),
  address: text(),
  phone: text(),
  email: text(),
  bankName: text(),
  bankBranch: text(),
  accountType: z.enum(ACCOUNT_TYPES),
  accountNumber: text(),
  accountHolder: text(),
  rounding: z.enum(['floor', 'round', 'ceil']),
  defaultTerms: text(),
});

type Issue = Omit<FieldIssue, 'severity'>;

export interface Validated {
  /** The form as it will be stored: trimmed, full-width digits folded, numbers normalized. */
  readonly form: SettingsForm;
  readonly errors: FieldIssue[];
  readonly warnings: FieldIssue[];
}

// Control characters other than tab and newline never belong in a setting.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const clean = (s: string) => s.replace(CONTROL, '').trim();
const fold = (s: string) => clean(s).normalize('NFKC');

/** Checks a settings form field by field. Errors block saving; warnings are shown but saved. */
export function validateSettings(input: SettingsForm): Validated {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const form: SettingsForm = {
    ...input,
    companyName: clean(input.companyName),
    address: clean(input.address),
    bankName: clean(input.bankName),
    bankBranch: clean(input.bankBranch),
    accountHolder: clean(input.accountHolder),
    defaultTerms: clean(input.defaultTerms),
    registrationNumber: clean(input.registrationNumber),
    postalCode: fold(input.postalCode),
    phone: fold(input.phone),
    email: fold(input.email),
    accountNumber: fold(input.accountNumber),
  };

  if (form.registrationNumber) {
    const reg = checkRegistrationNumber(form.registrationNumber);
    if (!reg.ok) {
      errors.push({
        field: 'registrationNumber',
        message: bilingual(
          '登録番号は「T」と13桁の数字で入力してください',
          'Enter the registration number as "T" followed by 13 digits',
        ),
      });
    } else {
      form.registrationNumber = reg.value;
      if (reg.checkDigit === 'failed') {
        warnings.push({
          field: 'registrationNumber',
          message: bilingual(
            '法人番号のチェックデジットと一致しません。番号をご確認ください(個人事業主の方はそのままで構いません)',
            'The check digit does not match a corporate number; please check it (fine for sole proprietors)',
          ),
        });
      }
    }
  }

  if (form.postalCode) {
    const m = /^(\d{3})-?(\d{4})$/.exec(form.postalCode.replace(/^〒/, ''));
    if (m) form.postalCode = `${m[1]}-${m[2]}`;
    else errors.push({ field: 'postalCode', message: bilingual('郵便番号は7桁の数字です(例: 100-0001)', 'A postal code has 7 digits (e.g. 100-0001)') });
  }

  if (form.phone && !/^\+?[\d\-() ]{6,20}$/.test(form.phone)) {
    errors.push({ field: 'phone', message: bilingual('電話番号は数字とハイフンで入力してください', 'Enter the phone number with digits and hyphens') });
  }

  if (form.email && !/^[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[^\s@<>()"',;]+$/.test(form.email)) {
    errors.push({ field: 'email', message: bilingual('メールアドレスの形式が正しくありません', 'This is not a valid email address') });
  }

  if (form.accountNumber) {
    if (!/^\d{1,8}$/.test(form.accountNumber)) {
      errors.push({ field: 'accountNumber', message: bilingual('口座番号は数字で入力してください', 'Enter the account number in digits') });
    } else if (form.accountNumber.length !== 7) {
      warnings.push({
        field: 'accountNumber',
        message: bilingual('口座番号は通常7桁です。ご確認ください', 'Bank account numbers usually have 7 digits; please check'),
      });
    }
  }

  if (form.accountHolder && !/^[\p{Script=Katakana}ー\u30fc\uff70\uff9e\uff9fA-Za-z0-9 　().\-/]+$/u.test(form.accountHolder)) {
    warnings.push({
      field: 'accountHolder',
      message: bilingual('口座名義は通帳どおりカタカナで入力すると振込の照合が確実です', 'Write the account holder in katakana as in the passbook so transfers match'),
    });
  }

  return {
    form,
    errors: errors.map((e) => ({ ...e, severity: 'error' })),
    warnings: warnings.map((w) => ({ ...w, severity: 'warning' })),
  };
}
