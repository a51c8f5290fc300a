/**
 * What the sidebar checks before the server sees anything. The server validates again and has the
 * last word; these checks only give quick feedback and tidy what was typed (full-width digits,
 * hiragana in the account holder). Each returns the tidied value and at most one issue.
 */
import {
  checkRegistrationNumber,
  registrationNumberMessage,
} from '../../src/core/registrationNumber';
import type { SettingsForm } from '../../src/ui/contracts';
import { splitBilingual, type Text } from '../shared/i18n';
import { S } from './strings';

export type Severity = 'error' | 'warning';

export interface Issue {
  severity: Severity;
  text: Text;
}

export interface Checked {
  value: string;
  issue: Issue | null;
}

type TextKey = Exclude<keyof SettingsForm, 'accountType' | 'rounding'>;

const HYPHENS = /[\u2010-\u2015\u2212\u30fc\uff0d\uff70]/g;

/** Full-width letters and digits to ASCII, half-width kana to full-width. */
const nfkc = (s: string) => s.normalize('NFKC');
const error = (text: Text): Issue => ({ severity: 'error', text });
const ok = (value: string): Checked => ({ value, issue: null });

function digitsOnly(s: string): string {
  return s.replace(/\D/g, '');
}

/** Uses core's check and its messages, so the sidebar and the server word it the same way. */
function registration(input: string): Checked {
  const r = checkRegistrationNumber(input);
  const value = r.ok ? r.value : input.trim();
  const { severity, message } = registrationNumberMessage(r);
  if (severity === 'ok' || (!r.ok && r.reason === 'empty')) return ok(r.ok ? value : '');
  const text = splitBilingual(message) ?? { ja: message, en: message };
  return { value, issue: { severity, text } };
}

function postalCode(input: string): Checked {
  const s = nfkc(input).replace(HYPHENS, '-').replace(/^〒/, '').replace(/\s/g, '');
  if (!s) return ok('');
  const m = /^(\d{3})-?(\d{4})$/.exec(s);
  return m ? ok(`${m[1]}-${m[2]}`) : { value: s, issue: error(S.postalFormat) };
}

function phone(input: string): Checked {
  const s = nfkc(input).replace(HYPHENS, '-').trim();
  if (!s) return ok('');
  const n = digitsOnly(s).length;
  return /^\+?[0-9][0-9\-\s()]*$/.test(s) && n >= 10 && n <= 15
    ? ok(s)
    : { value: s, issue: error(S.phoneFormat) };
}

function email(input: string): Checked {
  const s = nfkc(input).trim();
  if (!s) return ok('');
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) ? ok(s) : { value: s, issue: error(S.emailFormat) };
}

function accountNumber(input: string): Checked {
  const s = nfkc(input).replace(HYPHENS, '').replace(/\s/g, '');
  if (!s) return ok('');
  return /^\d{1,7}$/.test(s) ? ok(s) : { value: s, issue: error(S.accountNumberFormat) };
}

/** Hiragana to katakana, so 「ぽっけ」 becomes 「ポッケ」. */
export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

function accountHolder(input: string): Checked {
  const s = toKatakana(nfkc(input)).replace(/\s+/g, ' ').trim();
  if (!s) return ok('');
  return /^[\u30a1-\u30f6\u30fb\u30fc\u309b\u309cA-Za-z0-9 ().,\-/]+$/.test(s)
    ? ok(s)
    : { value: s, issue: error(S.accountHolderKana) };
}

const checks: Partial<Record<TextKey, (input: string) => Checked>> = {
  registrationNumber: registration,
  postalCode,
  phone,
  email,
  accountNumber,
  accountHolder,
};

/** Checks one text field. Fields without a rule are only trimmed. */
export function checkField(key: keyof SettingsForm, input: string): Checked {
  const check = checks[key as TextKey];
  return check ? check(input) : ok(input.trim());
}
