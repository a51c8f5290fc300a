/**
 * The owner as the issuer of an invoice, and the texts shared by the PDF and the mail.
 * `SettingsForm` (src/core/contracts/settings.ts) fits `Issuer` as it is; the optional fields are for
 * settings that may come later.
 */

import { MONTH_NAMES_EN } from '../calendarNames';
import { type DateKey, dateParts, formatDateJa } from '../dates';
import { formatYen } from '../money';
import { type Lang, type Text, text } from '../text';
import type { Client } from './clients';

export interface Issuer {
  readonly companyName: string;
  /** The names English documents carry when the owner gives them (else the Japanese ones). */
  readonly companyNameEn?: string;
  readonly addressEn?: string;
  readonly bankNameEn?: string;
  readonly bankBranchEn?: string;
  /** `T` + 13 digits, or '' when the owner is not registered (the invoice is then not qualified). */
  readonly registrationNumber: string;
  readonly postalCode: string;
  readonly address: string;
  readonly phone: string;
  readonly email: string;
  readonly bankName: string;
  readonly bankBranch: string;
  /** 普通 or 当座. */
  readonly accountType: string;
  readonly accountNumber: string;
  readonly accountHolder: string;
  /** Printed under 備考 on every invoice. */
  readonly invoiceNote?: string;
  /**
   * 振込手数料のお願い: する (the default) prints the transfer-fee sentence once, in the client's
   * language, on invoices that show a bank account; しない leaves it out.
   */
  readonly transferFeeNote?: 'する' | 'しない';
  /** The mail signature; by default built from the name, address, phone and mail. */
  readonly signature?: string;
}

/** The issuer as a document in `lang` shows it: on English ones, the English names given. */
export function issuerIn(issuer: Issuer, lang: Lang): Issuer {
  if (lang !== 'en') return issuer;
  // A translation of a name the owner gave: never a name the Japanese settings leave empty.
  const english = (name: string | undefined, japanese: string) =>
    japanese.trim() === '' ? japanese : name?.trim() || japanese;
  return {
    ...issuer,
    companyName: english(issuer.companyNameEn, issuer.companyName),
    address: english(issuer.addressEn, issuer.address),
    bankName: english(issuer.bankNameEn, issuer.bankName),
    bankBranch: english(issuer.bankBranchEn, issuer.bankBranch),
  };
}

/** `〒150-0001 東京都…` / `1-2-3 Jingumae, Shibuya-ku, Tokyo 150-0001`: an address with its postal code. */
export function addressLine(postal: string, address: string, lang: Lang): string {
  const p = postal.trim();
  const a = address.trim();
  if (lang === 'en') return [a, p].filter(Boolean).join(' ');
  return [p && `〒${p}`, a].filter(Boolean).join(' ');
}

/** `2026年11月30日` / `Nov 30, 2026`. */
export function formatDate(key: DateKey, lang: Lang, options: { weekday?: boolean } = {}): string {
  if (lang === 'ja') return formatDateJa(key, options);
  const { year, month, day } = dateParts(key);
  return `${MONTH_NAMES_EN[month - 1]!.slice(0, 3)} ${day}, ${year}`;
}

/**
 * `2026/11/05` / `Nov 5, 2026`: the date of a line. An English document keeps one date format
 * throughout (the issue, due and period dates are written the same way).
 */
export function formatLineDate(key: DateKey, lang: Lang): string {
  return lang === 'ja' ? key.replace(/-/g, '/') : formatDate(key, 'en');
}

/** `¥110,000`. */
export function yen(amount: number): string {
  return amount < 0 ? `-¥${formatYen(-amount)}` : `¥${formatYen(amount)}`;
}

/**
 * `2026年11月分` / `November 2026`: the months an invoice is for, those of its lines' closings
 * (`2026年11月〜12月分` / `November–December 2026` when it carries lines of two closings).
 */
export function billingMonth(
  linesClosing: { readonly first: DateKey; readonly last: DateKey },
  lang: Lang,
): string {
  const first = dateParts(linesClosing.first);
  const last = dateParts(linesClosing.last);
  const same = first.year === last.year && first.month === last.month;
  if (lang === 'ja') {
    if (same) return `${first.year}年${first.month}月分`;
    const end = first.year === last.year ? `${last.month}月` : `${last.year}年${last.month}月`;
    return `${first.year}年${first.month}月〜${end}分`;
  }
  const en = (p: { month: number }) => MONTH_NAMES_EN[p.month - 1];
  if (same) return `${en(first)} ${first.year}`;
  return first.year === last.year
    ? `${en(first)}–${en(last)} ${last.year}`
    : `${en(first)} ${first.year} – ${en(last)} ${last.year}`;
}

/** The account type in English. */
export function accountTypeEn(type: string): string {
  if (type === '普通') return 'Ordinary';
  if (type === '当座') return 'Current';
  return type;
}

/** Whether any bank field is filled in. */
export function hasBankAccount(issuer: Issuer): boolean {
  return [issuer.bankName, issuer.bankBranch, issuer.accountNumber, issuer.accountHolder].some(
    (s) => s.trim() !== '',
  );
}

/** Whether a client could pay by transfer: the bank's name and the account number are given. */
export function hasTransferAccount(issuer: Issuer): boolean {
  return issuer.bankName.trim() !== '' && issuer.accountNumber.trim() !== '';
}

/** Whether the invoice asks the client to bear the transfer fee: only under a bank account. */
export function printsTransferFee(issuer: Issuer): boolean {
  return issuer.transferFeeNote !== 'しない' && hasBankAccount(issuer);
}

/**
 * What the owner should know before invoices go out with these settings. Both gaps are
 * legitimate (an owner who is not a registered issuer has no number), so they warn, never refuse.
 */
export function issuerWarnings(issuer: Issuer): Text[] {
  const warnings: Text[] = [];
  if (issuer.registrationNumber.trim() === '')
    warnings.push(
      text(
        '登録番号が未設定です。適格請求書になりません',
        'No registration number is set: the invoices are not qualified invoices (適格請求書)',
      ),
    );
  if (!hasTransferAccount(issuer))
    warnings.push(
      text(
        '振込先が未設定です。設定の銀行名と口座番号を入力すると請求書に表示されます',
        'No bank account is set: enter the bank and the account number in Settings to show it on invoices',
      ),
    );
  if (printsTransferFee(issuer) && /振込手数料|transfer fee/i.test(issuer.invoiceNote ?? ''))
    warnings.push(
      text(
        '請求書の備考にも振込手数料の記載があり、2回表示されます。設定「振込手数料のお願い」をしないにするか、備考から削除してください',
        'The note on invoices also mentions the transfer fee, so it would be printed twice: set "Ask the client to bear the transfer fee" to しない, or remove it from the note',
      ),
    );
  return warnings;
}

/** The bank account on one line: `○○銀行 渋谷支店 普通 1234567 ポッケ(カ`. */
export function bankLine(issuer: Issuer, lang: Lang): string {
  const type = lang === 'ja' ? issuer.accountType : accountTypeEn(issuer.accountType);
  const parts = [issuer.bankName, issuer.bankBranch, type, issuer.accountNumber]
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const holder = issuer.accountHolder.trim();
  if (holder !== '') parts.push(lang === 'ja' ? `名義: ${holder}` : `Account holder: ${holder}`);
  return parts.join(' ');
}

/**
 * How the client is addressed, as lines: `['株式会社ポッケ 御中']`, or with a contact person
 * `['株式会社ポッケ', '山田 太郎 様']` (御中 and 様 are never combined). In English the name
 * alone, and `Attn: …` for a contact.
 */
export function recipientLines(client: Client, lang: Lang): string[] {
  if (lang === 'en')
    return client.contact ? [client.name, `Attn: ${client.contact}`] : [client.name];
  if (client.contact) return [client.name, `${client.contact} 様`];
  return [`${client.name} ${client.honorific}`];
}

/** The polite line on transfer fees: 貴社 for a company, neutral for a person. */
export function transferFeeLine(client: Client, lang: Lang): string {
  if (lang === 'en') return 'Bank transfer fees are to be borne by the payer.';
  return client.honorific === '御中'
    ? '恐れ入りますが、振込手数料は貴社にてご負担くださいますようお願い申し上げます。'
    : '恐れ入りますが、振込手数料はご負担くださいますようお願い申し上げます。';
}

/** The signature block used in mails when the owner has not written one. */
export function defaultSignature(issuer: Issuer, lang: Lang): string {
  const lines = [issuer.companyName];
  const address = addressLine(issuer.postalCode, issuer.address, lang);
  if (address) lines.push(address);
  if (issuer.phone.trim()) lines.push(`TEL: ${issuer.phone.trim()}`);
  if (issuer.email.trim())
    lines.push(`${lang === 'ja' ? 'メール' : 'Email'}: ${issuer.email.trim()}`);
  return lines.filter((l) => l.trim() !== '').join('\n');
}

/** For figures in a sentence: `110,000円` / `JPY 110,000`. */
export function amountInText(amount: number, lang: Lang): string {
  return lang === 'ja' ? `${formatYen(amount)}円` : `JPY ${formatYen(amount)}`;
}
