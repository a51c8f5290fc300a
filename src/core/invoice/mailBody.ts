/**
 * The mail that carries an invoice PDF: subject, plain-text body and a simple HTML body with the
 * same words. Japanese for `ja` clients (〇〇御中 / いつもお世話になっております。… 請求書をお送り
 * いたします。… お支払期限 … よろしくお願いいたします。), English for `en` clients. The HTML body is
 * the text, escaped paragraph by paragraph: a value from a cell can never become markup, and the
 * subject can never carry a line break (no header injection).
 */

import { mailText } from '../mailText';
import { oneLine } from '../normalize';
import type { Lang } from '../text';
import {
  amountInText,
  bankLine,
  billingMonth,
  defaultSignature,
  formatDate,
  hasBankAccount,
  issuerIn,
  recipientLines,
} from './issuer';
import type { InvoiceDocument } from './render';

export interface InvoiceMail {
  /** The client's addresses, comma-separated ('' when none). */
  readonly to: string;
  readonly subject: string;
  /** Plain text. */
  readonly text: string;
  /** The same text as simple HTML. */
  readonly html: string;
}

function paragraphsJa(doc: InvoiceDocument): string[][] {
  const { draft, issuer } = doc;
  const month = billingMonth(draft.linesClosing, 'ja');
  const company = issuer.companyName.trim();
  const figures = [
    doc.number && `■ 請求書番号: ${doc.number}`,
    `■ ご請求金額: ${amountInText(draft.billed, 'ja')}(税込)`,
    draft.client.withholding &&
      `　(源泉徴収税額 ${amountInText(draft.withholding, 'ja')}を差し引いた金額です)`,
    `■ お支払期限: ${formatDate(draft.dueDate, 'ja', { weekday: true })}`,
    hasBankAccount(issuer) && `■ お振込先: ${bankLine(issuer, 'ja')}`,
  ].filter((s): s is string => typeof s === 'string' && s !== '');
  return [
    recipientLines(draft.client, 'ja'),
    ['いつもお世話になっております。', company ? `${company}です。` : ''].filter(Boolean),
    [
      `${month}の請求書をお送りいたします。`,
      '添付のPDFファイルをご確認くださいますよう、お願いいたします。',
    ],
    figures,
    [
      hasBankAccount(issuer)
        ? 'お手数をおかけしますが、お支払期限までに上記口座へお振込みくださいますようお願いいたします。'
        : 'お手数をおかけしますが、お支払期限までにお支払いくださいますようお願いいたします。',
      'ご不明な点がございましたら、お気軽にお問い合わせください。',
    ],
    ['今後ともよろしくお願いいたします。'],
  ];
}

function paragraphsEn(doc: InvoiceDocument): string[][] {
  const { draft, issuer } = doc;
  const client = draft.client;
  const month = billingMonth(draft.linesClosing, 'en');
  const figures = [
    doc.number && `Invoice No.: ${doc.number}`,
    `Amount due: ${amountInText(draft.billed, 'en')} (tax included)`,
    client.withholding &&
      `  (after withholding income tax of ${amountInText(draft.withholding, 'en')})`,
    `Due date: ${formatDate(draft.dueDate, 'en')}`,
    hasBankAccount(issuer) && `Payment to: ${bankLine(issuer, 'en')}`,
  ].filter((s): s is string => typeof s === 'string' && s !== '');
  const company = issuer.companyName.trim();
  return [
    [`Dear ${client.contact || client.name},`],
    [
      'Thank you for your continued business.',
      `Please find attached our invoice for ${month}${company ? ` from ${company}` : ''}.`,
    ],
    figures,
    [
      hasBankAccount(issuer)
        ? 'We would appreciate your payment to the account above by the due date.'
        : 'We would appreciate your payment by the due date.',
      'If you have any questions, please do not hesitate to contact us.',
    ],
    ['Best regards,'],
  ];
}

/** Subject, text and HTML body of the mail for one invoice. */
export function invoiceMail(doc: InvoiceDocument): InvoiceMail {
  const lang: Lang = doc.lang ?? doc.draft.client.language;
  const issuer = issuerIn(doc.issuer, lang);
  const { draft } = doc;
  const company = oneLine(issuer.companyName);
  const month = billingMonth(draft.linesClosing, lang);
  const subject =
    lang === 'ja'
      ? oneLine(
          `${company ? `【${company}】` : ''}${month} 請求書送付のご案内${doc.number ? `(${doc.number})` : ''}`,
        )
      : oneLine(
          `Invoice${doc.number ? ` ${doc.number}` : ''} for ${month}${company ? ` from ${company}` : ''}`,
        );

  const shown = { ...doc, issuer };
  const paragraphs = lang === 'ja' ? paragraphsJa(shown) : paragraphsEn(shown);
  const { text, html } = mailText(
    paragraphs,
    issuer.signature?.trim() || defaultSignature(issuer, lang),
  );
  return { to: draft.client.email, subject, text, html };
}
