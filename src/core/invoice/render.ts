/**
 * The invoice as one self-contained HTML document, for Apps Script's HTML → PDF conversion
 * (A4 portrait). That converter's CSS support is narrow, so the layout is tables, one <style>
 * with type and class selectors, no flex or grid, no web fonts, no images, no scripts.
 *
 * Japanese layout (適格請求書): title 請求書; the recipient with 御中/様; invoice number, issue date;
 * the issuer with 登録番号, address, phone, mail; the amount billed in a box; 件名, period, due date,
 * bank account; the lines (date, item with ※ for reduced-rate lines, quantity, unit, unit price,
 * amount); per rate the amount without tax, the tax and the amount with tax; the legend
 * 「※は軽減税率対象」 when a reduced-rate line is present; 源泉徴収税額 and 差引ご請求額 when the client
 * withholds; notes and, when the owner asks for it (設定「振込手数料のお願い」) under a bank account,
 * the transfer-fee sentence, once, in the client's language. Under each item its 摘要 (the
 * owner's メモ is never printed). When 税込 and 税抜 lines meet on one invoice, the lines are
 * grouped by basis under a heading naming it, so each amount's basis reads at a glance. The
 * English layout (clients set to `en`) has the same blocks.
 *
 * Every value from a cell or a setting goes through `html`, which escapes it.
 */

import { html, type SafeHtml, textToHtml, trustedHtml } from '../html';
import { formatYen } from '../money';
import { isReducedRate, REDUCED_RATE_LEGEND, REDUCED_RATE_MARK, type TaxRate } from '../tax';
import { type Lang, text } from '../text';
import type { InvoiceDraft } from './grouping';
import {
  accountTypeEn,
  addressLine,
  billingMonth,
  formatDate,
  formatLineDate,
  hasBankAccount,
  type Issuer,
  issuerIn,
  printsTransferFee,
  recipientLines,
  transferFeeLine,
  yen,
} from './issuer';
import { formatQuantity, type SaleLine } from './lines';

export interface InvoiceDocument {
  readonly draft: InvoiceDraft;
  /** The invoice number; '' for a preview before numbering. */
  readonly number: string;
  readonly issuer: Issuer;
  /** Default: the client's language. */
  readonly lang?: Lang;
  /**
   * A preview before issuing, for the owner: a watermark and a banner in the owner's language
   * (never in a PDF).
   */
  readonly preview?: Lang;
}

/** What marks a preview, in the language of whoever previews. */
export const PREVIEW_MARK = text('プレビュー', 'PREVIEW');
const PREVIEW_NOTE = text(
  'まだ発行されていません。番号は発行時に採番します',
  'not issued yet; the number is assigned on issue',
);

/** The Japanese half of core's text legend: 「※は軽減税率対象」. */

interface Labels {
  readonly title: string;
  readonly number: string;
  readonly unnumbered: string;
  readonly issueDate: string;
  readonly registration: string;
  readonly tel: string;
  readonly email: string;
  readonly intro: string;
  readonly amountDue: string;
  readonly amountDueNote: string;
  readonly amountDueNoteWithholding: string;
  readonly subject: string;
  readonly subjectText: (month: string) => string;
  readonly period: string;
  readonly dueDate: string;
  readonly bank: string;
  readonly bankName: string;
  readonly branch: string;
  readonly accountType: string;
  readonly accountNumber: string;
  readonly accountHolder: string;
  readonly date: string;
  readonly item: string;
  readonly quantity: string;
  readonly unit: string;
  readonly unitPrice: string;
  readonly amount: string;
  readonly amountExcl: string;
  readonly amountIncl: string;
  readonly basisExcl: string;
  readonly basisIncl: string;
  readonly rateHeader: string;
  readonly baseHeader: string;
  readonly taxHeader: string;
  readonly totalHeader: string;
  readonly rate: (rate: TaxRate) => string;
  readonly subtotal: string;
  readonly taxTotal: string;
  readonly total: string;
  readonly withholding: string;
  readonly net: string;
  readonly legend: string;
  readonly notes: string;
  readonly periodSeparator: string;
  readonly closing: string;
}

const JA: Labels = {
  title: '請求書',
  number: '請求書番号',
  unnumbered: '(発行時に採番)',
  issueDate: '発行日',
  registration: '登録番号',
  tel: 'TEL',
  email: 'メール',
  intro: '下記のとおりご請求申し上げます。',
  amountDue: 'ご請求金額',
  amountDueNote: '(税込)',
  amountDueNoteWithholding: '(税込・源泉徴収税額控除後)',
  subject: '件名',
  subjectText: (month) => `${month} ご請求`,
  period: '対象期間',
  dueDate: 'お支払期限',
  bank: 'お振込先',
  bankName: '銀行',
  branch: '支店',
  accountType: '種別',
  accountNumber: '口座番号',
  accountHolder: '口座名義',
  date: '日付',
  item: '品目',
  quantity: '数量',
  unit: '単位',
  unitPrice: '単価',
  amount: '金額',
  amountExcl: '金額(税抜)',
  amountIncl: '金額(税込)',
  basisExcl: '税抜価格の明細',
  basisIncl: '税込価格の明細',
  rateHeader: '税率区分',
  baseHeader: '税抜金額',
  taxHeader: '消費税額',
  totalHeader: '税込金額',
  rate: (rate) =>
    rate === 'exempt'
      ? '非課税'
      : rate === 0
        ? '0%対象(免税)'
        : isReducedRate(rate)
          ? `${rate}%対象(軽減税率) ${REDUCED_RATE_MARK}`
          : `${rate}%対象`,
  subtotal: '小計(税抜)',
  taxTotal: '消費税',
  total: '合計(税込)',
  withholding: '源泉徴収税額',
  net: '差引ご請求額',
  legend: REDUCED_RATE_LEGEND.ja,
  notes: '備考',
  periodSeparator: '〜',
  closing: '今後ともよろしくお願い申し上げます。',
};

const EN: Labels = {
  title: 'INVOICE',
  number: 'Invoice No.',
  unnumbered: '(assigned on issue)',
  issueDate: 'Issue date',
  registration: 'Registration No.',
  tel: 'Tel',
  email: 'Email',
  intro: 'Please find our invoice below.',
  amountDue: 'Amount due',
  amountDueNote: '(tax included)',
  amountDueNoteWithholding: '(tax included, after withholding)',
  subject: 'Subject',
  subjectText: (month) => `Invoice for ${month}`,
  period: 'Period',
  dueDate: 'Due date',
  bank: 'Payment to',
  bankName: 'Bank',
  branch: 'Branch',
  accountType: 'Account type',
  accountNumber: 'Account No.',
  accountHolder: 'Account holder',
  date: 'Date',
  item: 'Description',
  quantity: 'Qty',
  unit: 'Unit',
  unitPrice: 'Unit price',
  amount: 'Amount',
  amountExcl: 'Amount (excl. tax)',
  amountIncl: 'Amount (incl. tax)',
  basisExcl: 'Prices excluding tax',
  basisIncl: 'Prices including tax',
  rateHeader: 'Tax rate',
  baseHeader: 'Excl. tax',
  taxHeader: 'Consumption tax',
  totalHeader: 'Incl. tax',
  rate: (rate) =>
    rate === 'exempt'
      ? 'Non-taxable'
      : rate === 0
        ? '0% (zero-rated)'
        : isReducedRate(rate)
          ? `${rate}% items (reduced rate) ${REDUCED_RATE_MARK}`
          : `${rate}% items`,
  subtotal: 'Subtotal (excl. tax)',
  taxTotal: 'Consumption tax',
  total: 'Total (incl. tax)',
  withholding: 'Withholding income tax',
  net: 'Net amount due',
  legend: REDUCED_RATE_LEGEND.en,
  notes: 'Notes',
  periodSeparator: ' – ',
  closing: 'Thank you for your business.',
};

export function invoiceLabels(lang: Lang): Labels {
  return lang === 'ja' ? JA : EN;
}

// One <style>, simple selectors only. Sizes in px for a 794 px (A4 at 96 dpi) page.
const STYLE = trustedHtml(`
@page { size: A4; margin: 12mm; }
body { margin: 0; padding: 0; color: #1f2933; background: #ffffff;
  font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Kaku Gothic ProN", "Hiragino Sans", "Yu Gothic", Meiryo, Arial, sans-serif;
  font-size: 11px; line-height: 1.5; }
table { border-collapse: collapse; border-spacing: 0; }
td, th { vertical-align: top; padding: 0; }
.page { padding: 28px 36px; }
.title { font-size: 24px; font-weight: bold; letter-spacing: 12px; text-align: center; padding: 0 0 6px 0; }
.title-rule { border-bottom: 3px double #1f2933; height: 1px; }
.full { width: 100%; }
.muted { color: #52606d; }
.small { font-size: 10px; }
.right { text-align: right; }
.center { text-align: center; }
.nowrap { white-space: nowrap; }
.recipient-name { font-size: 16px; font-weight: bold; border-bottom: 1px solid #1f2933; padding: 2px 0 3px 0; }
.contact { font-size: 13px; padding-top: 4px; }
.meta td { padding: 1px 0 1px 10px; }
.meta .key { color: #52606d; white-space: nowrap; }
.issuer-name { font-size: 14px; font-weight: bold; padding: 10px 0 2px 0; }
.intro { padding: 18px 0 8px 0; }
.due-box { border: 2px solid #1f2933; }
.due-box th { background: #1f2933; color: #ffffff; font-size: 13px; padding: 10px 16px; text-align: left; white-space: nowrap; }
.due-box td { font-size: 22px; font-weight: bold; padding: 6px 16px; text-align: right; white-space: nowrap; }
.due-box .note { font-size: 10px; font-weight: normal; color: #52606d; }
.info { margin-top: 12px; }
.info th { text-align: left; font-weight: normal; color: #52606d; padding: 3px 12px 3px 0; white-space: nowrap; width: 80px; }
.info td { padding: 3px 0; border-bottom: 1px solid #e4e7eb; }
.lines { margin-top: 16px; }
.lines th { background: #eef1f5; border-top: 1px solid #9aa5b1; border-bottom: 1px solid #9aa5b1; padding: 5px 6px; font-weight: bold; white-space: nowrap; }
.lines td { border-bottom: 1px solid #e4e7eb; padding: 5px 6px; }
.lines tr { page-break-inside: avoid; }
.line-note { color: #52606d; font-size: 9px; }
.mark { font-weight: bold; }
.lines .basis td { background: #f7f8fa; font-weight: bold; border-bottom: 1px solid #9aa5b1; padding: 4px 6px; }
.rates th { background: #eef1f5; border-bottom: 1px solid #9aa5b1; padding: 4px 6px; font-weight: bold; white-space: nowrap; }
.rates td { border-bottom: 1px solid #e4e7eb; padding: 4px 6px; white-space: nowrap; }
.totals td { padding: 4px 6px; white-space: nowrap; border-bottom: 1px solid #e4e7eb; }
.totals .grand td { font-weight: bold; border-top: 1px solid #1f2933; border-bottom: 1px solid #1f2933; }
.totals .net td { font-weight: bold; font-size: 13px; background: #eef1f5; border-bottom: 2px solid #1f2933; }
.legend { padding-top: 6px; }
.section-title { font-weight: bold; padding: 14px 0 4px 0; }
.notes { border: 1px solid #cbd2d9; padding: 8px 10px; min-height: 30px; }
.closing { padding-top: 14px; }
.preview-banner { background: #fff4ce; border: 1px solid #e0b000; color: #5c4400; padding: 6px 10px; margin: 0 0 12px 0; font-size: 12px; text-align: center; }
.watermark { position: fixed; top: 38%; left: 0; width: 100%; text-align: center; transform: rotate(-24deg); font-size: 96px; font-weight: bold; line-height: 1.1; color: rgba(192, 32, 32, 0.13); pointer-events: none; white-space: nowrap; z-index: 10; }
`);

function money(amount: number): string {
  return formatYen(amount);
}

function lineRow(line: SaleLine, lang: Lang): SafeHtml {
  const reduced = isReducedRate(line.taxRate);
  return html`<tr>
<td class="nowrap">${formatLineDate(line.date, lang)}</td>
<td>${line.item}${reduced && html` <span class="mark">${REDUCED_RATE_MARK}</span>`}${
    line.detail && html`<br><span class="line-note">${line.detail}</span>`
  }</td>
<td class="right nowrap">${formatQuantity(line.quantity)}</td>
<td class="center nowrap">${line.unit}</td>
<td class="right nowrap">${money(line.unitPrice)}</td>
<td class="right nowrap">${money(line.amount)}</td>
</tr>`;
}

/**
 * The lines' rows. All on one basis: in date order, the basis in the column's header. 税抜 and
 * 税込 together: the 税抜 lines, then the 税込 lines, each group under a heading row that names
 * its basis over the amount column.
 */
function lineRows(lines: readonly SaleLine[], lang: Lang, labels: Labels): SafeHtml[] {
  const modes = new Set(lines.map((l) => l.taxMode));
  if (modes.size < 2) return lines.map((line) => lineRow(line, lang));
  const group = (mode: SaleLine['taxMode'], title: string, amount: string) => [
    html`<tr class="basis" data-basis="${mode}"><td colspan="5">${title}</td><td class="right nowrap">${amount}</td></tr>`,
    ...lines.filter((l) => l.taxMode === mode).map((line) => lineRow(line, lang)),
  ];
  return [
    ...group('exclusive', labels.basisExcl, labels.amountExcl),
    ...group('inclusive', labels.basisIncl, labels.amountIncl),
  ];
}

function issuerBlock(issuer: Issuer, lang: Lang, labels: Labels): SafeHtml {
  const address = addressLine(issuer.postalCode, issuer.address, lang);
  return html`<div class="issuer-name">${issuer.companyName}</div>
${issuer.registrationNumber.trim() && html`<div>${labels.registration}: ${issuer.registrationNumber.trim()}</div>`}
${address && html`<div>${address}</div>`}
${issuer.phone.trim() && html`<div>${labels.tel}: ${issuer.phone.trim()}</div>`}
${issuer.email.trim() && html`<div>${labels.email}: ${issuer.email.trim()}</div>`}`;
}

function bankBlock(issuer: Issuer, lang: Lang, labels: Labels): SafeHtml {
  const type = lang === 'ja' ? issuer.accountType : accountTypeEn(issuer.accountType);
  const parts = [
    issuer.bankName.trim(),
    issuer.bankBranch.trim(),
    type.trim(),
    issuer.accountNumber.trim(),
  ].filter((s) => s !== '');
  const holder = issuer.accountHolder.trim();
  return html`${parts.join(' ')}${holder && html`<br>${labels.accountHolder}: ${holder}`}`;
}

/** The invoice as a complete HTML document. */
export function renderInvoiceHtml(doc: InvoiceDocument): string {
  const { draft } = doc;
  const client = draft.client;
  const lang = doc.lang ?? client.language;
  const issuer = issuerIn(doc.issuer, lang);
  const L = invoiceLabels(lang);
  const month = billingMonth(draft.linesClosing, lang);
  const modes = new Set(draft.lines.map((l) => l.taxMode));
  const mixedModes = modes.size > 1;
  const amountHeader = mixedModes ? L.amount : modes.has('inclusive') ? L.amountIncl : L.amountExcl;
  const recipient = recipientLines(client, lang);
  const withholding = client.withholding;
  const notes = [issuer.invoiceNote?.trim() ?? ''].filter((s) => s !== '');
  const closing = printsTransferFee(issuer)
    ? html`${transferFeeLine(client, lang)}<br>${L.closing}`
    : html`${L.closing}`;
  const clientPostal = client.postalCode.trim();

  const doc_ = html`<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${doc.preview ? `${PREVIEW_MARK[doc.preview]} ` : ''}${L.title} ${doc.number} ${client.name}</title>
<style>${STYLE}</style>
</head>
<body>
${doc.preview && html`<div class="watermark" aria-hidden="true">${PREVIEW_MARK[doc.preview]}</div>`}
<div class="page">
${
  doc.preview &&
  html`<div class="preview-banner" data-preview>${PREVIEW_MARK[doc.preview]}${doc.preview === 'ja' ? '：' : ': '}${PREVIEW_NOTE[doc.preview]}</div>`
}
<table class="full"><tr><td class="title">${L.title}</td></tr><tr><td class="title-rule"></td></tr></table>

<table class="full" style="margin-top:16px">
<tr>
<td style="width:55%;padding-right:24px">
${
  lang === 'en'
    ? (clientPostal || client.address) &&
      html`<div class="muted">${addressLine(clientPostal, client.address, 'en')}</div>`
    : (clientPostal || client.address) &&
      html`<div class="muted">${clientPostal && `〒${clientPostal}`}${clientPostal && client.address && html`<br>`}${client.address}</div>`
}
<div class="recipient-name">${recipient[0]}</div>
${recipient.slice(1).map((line) => html`<div class="contact">${line}</div>`)}
<div class="intro">${L.intro}</div>
<table class="due-box full"><tr>
<th>${L.amountDue}</th>
<td>${yen(draft.billed)} <span class="note">${withholding ? L.amountDueNoteWithholding : L.amountDueNote}</span></td>
</tr></table>
</td>
<td style="width:45%">
<table class="meta full">
<tr><td class="key right" style="width:55%">${L.number}</td><td class="right nowrap">${doc.number || L.unnumbered}</td></tr>
<tr><td class="key right">${L.issueDate}</td><td class="right nowrap">${formatDate(draft.issueDate, lang)}</td></tr>
</table>
<div style="padding-top:8px;text-align:right">${issuerBlock(issuer, lang, L)}</div>
</td>
</tr>
</table>

<table class="info full">
<tr><th>${L.subject}</th><td>${L.subjectText(month)}</td></tr>
<tr><th>${L.period}</th><td>${formatDate(draft.periodStart, lang)}${L.periodSeparator}${formatDate(draft.periodEnd, lang)}</td></tr>
<tr><th>${L.dueDate}</th><td><b>${formatDate(draft.dueDate, lang, { weekday: lang === 'ja' })}</b></td></tr>
${hasBankAccount(issuer) && html`<tr><th>${L.bank}</th><td>${bankBlock(issuer, lang, L)}</td></tr>`}
</table>

<table class="lines full">
<thead><tr>
<th style="width:74px">${L.date}</th>
<th>${L.item}</th>
<th class="right" style="width:52px">${L.quantity}</th>
<th class="center" style="width:44px">${L.unit}</th>
<th class="right" style="width:80px">${L.unitPrice}</th>
<th class="right" style="width:96px">${amountHeader}</th>
</tr></thead>
<tbody>
${lineRows(draft.lines, lang, L)}
</tbody>
</table>

<table class="full" style="margin-top:14px">
<tr>
<td style="width:52%;padding-right:18px">
<table class="rates full">
<tr><th>${L.rateHeader}</th><th class="right">${L.baseHeader}</th><th class="right">${L.taxHeader}</th><th class="right">${L.totalHeader}</th></tr>
${draft.summary.byRate.map(
  (t) => html`<tr>
<td>${L.rate(t.rate)}</td>
<td class="right">${money(t.base)}</td>
<td class="right">${t.rate === 'exempt' ? '—' : money(t.tax)}</td>
<td class="right">${money(t.total)}</td>
</tr>`,
)}
</table>
${draft.hasReducedRate && html`<div class="legend small">${L.legend}</div>`}
</td>
<td style="width:48%">
<table class="totals full">
<tr><td>${L.subtotal}</td><td class="right">${yen(draft.summary.base)}</td></tr>
<tr><td>${L.taxTotal}</td><td class="right">${yen(draft.summary.tax)}</td></tr>
<tr class="grand"><td>${L.total}</td><td class="right">${yen(draft.total)}</td></tr>
${
  withholding &&
  html`<tr><td>${L.withholding}</td><td class="right">${yen(-draft.withholding)}</td></tr>
<tr class="net"><td>${L.net}</td><td class="right">${yen(draft.billed)}</td></tr>`
}
</table>
</td>
</tr>
</table>

${notes.length > 0 && html`<div class="section-title">${L.notes}</div><div class="notes">${notes.map((n, i) => html`${i > 0 && html`<br>`}${textToHtml(n)}`)}</div>`}

<div class="closing small muted">${closing}</div>
</div>
</body>
</html>
`;
  return doc_.value;
}
