import type { DateKey } from '../../core/dates';
import { renderInvoiceHtml } from '../../core/invoice';
import { type Lang, type Text, text } from '../../core/text';
import type { BillingBook } from './billingBook';
import { planInvoices, planSelection } from './plan';

export interface PreviewDialog {
  readonly title: Text;
  readonly html: string;
}

/**
 * One invoice exactly as issuing would render it (the same `renderInvoiceHtml`), marked プレビュー /
 * PREVIEW and without a number. `periodKey` names the preview item; with `rows` (the owner's
 * selection) the invoice holds only that client's selected lines. Null when there is no such
 * invoice to issue (issued meanwhile, lines changed). Reads only.
 */
export function invoicePreviewDialog(
  book: BillingBook,
  closingDate: DateKey,
  periodKey: string,
  rows: readonly number[] | undefined,
  lang: Lang,
): PreviewDialog | null {
  const item = planInvoices(book, closingDate).drafts.find((d) => d.periodKey === periodKey);
  if (!item) return null;
  let draft = item;
  if (rows) {
    const own = new Set(item.lines.map((l) => l.row));
    const selected = rows.filter((r) => own.has(r));
    if (selected.length === 0) return null;
    const selection = planSelection(book, closingDate, selected);
    const found = selection.drafts.find((d) => d.client.key === item.client.key);
    if (!found || selection.refused.length > 0) return null;
    draft = found;
  }
  return {
    title: text(`プレビュー: ${draft.client.name}`, 'Invoice preview'),
    html: renderInvoiceHtml({ draft, number: '', issuer: book.settings, preview: lang }),
  };
}
