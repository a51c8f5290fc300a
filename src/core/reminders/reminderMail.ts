/**
 * The polite ladder of payment reminders for an unpaid invoice past its due date:
 * 1 お支払い状況のご確認 → 2 再度のご確認 → 3 督促 (お支払いのお願い). Each step is gentler than
 * a dunning letter: it assumes an oversight, offers to ignore the mail if payment has crossed,
 * and gives the figures. Text from cells never becomes markup and the subject is one line.
 */

import type { DateKey } from '../dates';
import type { Client } from '../invoice/clients';
import {
  amountInText,
  bankLine,
  defaultSignature,
  formatDate,
  hasBankAccount,
  type Issuer,
  issuerIn,
  recipientLines,
} from '../invoice/issuer';
import { mailText } from '../mailText';
import { oneLine } from '../normalize';
import type { Lang } from '../text';

export type ReminderStep = 1 | 2 | 3;

export interface OverdueInvoice {
  readonly number: string;
  readonly client: Client;
  readonly issueDate: DateKey;
  readonly dueDate: DateKey;
  readonly billed: number;
}

export interface ReminderMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const SUBJECT_JA: Record<ReminderStep, string> = {
  1: 'お支払い状況のご確認',
  2: '【再送】お支払い状況のご確認',
  3: '【重要】お支払いのお願い',
};
const SUBJECT_EN: Record<ReminderStep, string> = {
  1: 'Payment status',
  2: 'Second notice: payment status',
  3: 'Important: payment request',
};

/** The step's name for the run log and the invoice's メッセージ cell. */
export const REMINDER_STEP_NAMES: Record<ReminderStep, string> = {
  1: 'お支払い状況のご確認',
  2: '再度のご確認',
  3: '督促',
};

/** The subject identifies invoice and step, so a draft already made can be found again. */
export function reminderSubject(invoice: OverdueInvoice, step: ReminderStep, lang: Lang): string {
  return lang === 'ja'
    ? oneLine(`${SUBJECT_JA[step]}(請求書番号 ${invoice.number})`)
    : oneLine(`${SUBJECT_EN[step]} (invoice ${invoice.number})`);
}

function paragraphsJa(inv: OverdueInvoice, step: ReminderStep, issuer: Issuer): string[][] {
  const company = issuer.companyName.trim();
  const figures = [
    `■ 請求書番号: ${inv.number}`,
    `■ 発行日: ${formatDate(inv.issueDate, 'ja')}`,
    `■ ご請求金額: ${amountInText(inv.billed, 'ja')}`,
    `■ お支払期限: ${formatDate(inv.dueDate, 'ja', { weekday: true })}`,
    hasBankAccount(issuer) ? `■ お振込先: ${bankLine(issuer, 'ja')}` : '',
  ].filter(Boolean);
  const opening: Record<ReminderStep, string[]> = {
    1: [
      `${formatDate(inv.issueDate, 'ja')}付でお送りした請求書につきまして、本日時点でご入金の確認がとれておりません。`,
      '行き違いでお手続きいただいておりましたら、誠に申し訳ございません。',
      'お手数ですが、お支払い状況をご確認いただけますでしょうか。',
    ],
    2: [
      `先日ご連絡いたしました請求書(${inv.number})につきまして、あらためてご連絡いたしました。`,
      '本日時点でまだご入金の確認がとれておりません。',
      'ご多忙のところ恐れ入りますが、お支払いのご予定をお知らせいただけますと幸いです。',
    ],
    3: [
      `請求書(${inv.number})のお支払いにつきまして、これまでに二度ご連絡を差し上げましたが、本日時点でご入金の確認がとれておりません。`,
      '誠に恐れ入りますが、至急お支払いのお手続きをお願い申し上げます。',
      'ご事情がございましたら、ご連絡をいただけますようお願いいたします。',
    ],
  };
  return [
    recipientLines(inv.client, 'ja'),
    ['いつもお世話になっております。', company ? `${company}です。` : ''].filter(Boolean),
    opening[step],
    figures,
    ['本メールと行き違いでお支払いいただいている場合は、ご容赦ください。'],
    ['何卒よろしくお願いいたします。'],
  ];
}

function paragraphsEn(inv: OverdueInvoice, step: ReminderStep, issuer: Issuer): string[][] {
  const figures = [
    `Invoice No.: ${inv.number}`,
    `Issued: ${formatDate(inv.issueDate, 'en')}`,
    `Amount due: ${amountInText(inv.billed, 'en')}`,
    `Due date: ${formatDate(inv.dueDate, 'en')}`,
    hasBankAccount(issuer) ? `Payment to: ${bankLine(issuer, 'en')}` : '',
  ].filter(Boolean);
  const opening: Record<ReminderStep, string[]> = {
    1: [
      `We have not yet received payment for the invoice issued on ${formatDate(inv.issueDate, 'en')}.`,
      'Could you please check its payment status?',
    ],
    2: [
      `We are following up on our earlier message about invoice ${inv.number}, which remains unpaid.`,
      'We would be grateful if you could let us know when payment is planned.',
    ],
    3: [
      `Despite two earlier reminders, invoice ${inv.number} remains unpaid.`,
      'We kindly ask you to arrange payment as soon as possible, or to contact us.',
    ],
  };
  return [
    [`Dear ${inv.client.contact || inv.client.name},`],
    opening[step],
    figures,
    ['If payment has already been made, please disregard this message.'],
    ['Best regards,'],
  ];
}

export function reminderMail(
  invoice: OverdueInvoice,
  step: ReminderStep,
  owner: Issuer,
): ReminderMail {
  const lang = invoice.client.language;
  const issuer = issuerIn(owner, lang);
  const paragraphs =
    lang === 'ja' ? paragraphsJa(invoice, step, issuer) : paragraphsEn(invoice, step, issuer);
  const { text, html } = mailText(
    paragraphs,
    issuer.signature?.trim() || defaultSignature(issuer, lang),
  );
  return {
    to: invoice.client.email,
    subject: reminderSubject(invoice, step, lang),
    text,
    html,
  };
}
