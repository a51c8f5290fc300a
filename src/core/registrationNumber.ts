/**
 * 適格請求書発行事業者の登録番号 (qualified-invoice registration number): `T` + 13 digits.
 *
 * For a corporation the 13 digits are its 法人番号, whose first digit is a check digit
 * (法人番号の指定等に関する省令 第2条; houjin-bangou.nta.go.jp, "チェックデジットの計算方法").
 * Individuals get a 13-digit number with no published check rule, so a failed check is only a
 * warning: the number may still be right.
 *
 * Dependency-free on purpose: the settings sidebar bundles this module into the browser.
 */
import { stripSpacesAndHyphens, toHalfWidth } from './normalize';
import { type Text, text } from './text';

export type RegistrationCheck =
  | { ok: true; value: string; checkDigit: 'valid' | 'failed' }
  | { ok: false; reason: 'empty' | 'format' };

export type RegistrationOutcome = 'valid' | 'checkFailed' | 'empty' | 'format';

/** Japanese first, then English, for each outcome. */
export const REGISTRATION_NUMBER_MESSAGES: Readonly<Record<RegistrationOutcome, Text>> = {
  valid: text('登録番号の形式は正しいです', 'The registration number is well-formed'),
  checkFailed: text(
    '登録番号の検査用数字が法人番号の規則と一致しません。個人事業者の番号であれば問題ありませんが、入力を確認してください',
    'The check digit does not match the corporate-number rule. This is expected for some sole proprietors; please double-check the number',
  ),
  empty: text('登録番号が入力されていません', 'No registration number entered'),
  format: text(
    '登録番号は「T」と13桁の数字です（例: T1234567890123）',
    'A registration number is "T" followed by 13 digits (e.g. T1234567890123)',
  ),
};

/**
 * The check digit for the 12 digits after it, read from the right as P1..P12:
 * `9 − (Σ Pn × Qn mod 9)`, Qn = 1 for odd n and 2 for even n.
 */
export function corporateNumberCheckDigit(twelveDigits: string): number {
  if (!/^\d{12}$/.test(twelveDigits)) throw new RangeError('Expected exactly 12 digits');
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const p = twelveDigits.charCodeAt(12 - n) - 48;
    sum += p * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/**
 * Normalises what the owner typed (full-width letters and digits, a lower-case `t`, spaces and
 * hyphens of any kind, e.g. `Ｔ１２３４-５６７８-９０１２３`) and checks it.
 * A number without the leading `T` is refused: the `T` is part of the number on a 適格請求書.
 */
export function checkRegistrationNumber(input: string): RegistrationCheck {
  const compact = stripSpacesAndHyphens(toHalfWidth(input)).toUpperCase();
  if (input.trim() === '') return { ok: false, reason: 'empty' };
  if (!/^T\d{13}$/.test(compact)) return { ok: false, reason: 'format' };
  const digits = compact.slice(1);
  const expected = corporateNumberCheckDigit(digits.slice(1));
  const checkDigit = Number(digits[0]) === expected ? 'valid' : 'failed';
  return { ok: true, value: compact, checkDigit };
}

export function registrationOutcome(result: RegistrationCheck): RegistrationOutcome {
  if (!result.ok) return result.reason;
  return result.checkDigit === 'valid' ? 'valid' : 'checkFailed';
}

/** The message to show for a check result, and how serious it is. */
export function registrationNumberMessage(result: RegistrationCheck): {
  severity: 'ok' | 'warning' | 'error';
  message: Text;
} {
  const outcome = registrationOutcome(result);
  const severity = outcome === 'valid' ? 'ok' : outcome === 'checkFailed' ? 'warning' : 'error';
  return { severity, message: REGISTRATION_NUMBER_MESSAGES[outcome] };
}
