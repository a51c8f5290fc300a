import * as z from 'zod/mini';
import { UserError } from '../core/bilingual';
import { parseDateKey } from '../core/dates';
import { readBillingBook } from '../features/invoices/billingBook';
import { issueInvoices } from '../features/invoices/issue';
import { MAX_SELECTED_ROWS, planInvoices, toPreview } from '../features/invoices/plan';
import { invoicePreviewDialog } from '../features/invoices/previewDialog';
import { withDocumentLock } from '../services/lock';
import { showModalDialog } from '../services/ui';
import { activeWorkbook } from '../services/workbook';
import type { InvoicePreview, IssueReport } from './contracts';
import { rpc } from './rpc';

const closingDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/),
  z.refine((s) => parseDateKey(s) !== null),
);
/** 売上明細 rows (row 1 is the header), at least one when given. */
const rows = z.optional(
  z
    .array(z.int().check(z.gte(2), z.lte(10_000_000)))
    .check(z.minLength(1), z.maxLength(MAX_SELECTED_ROWS)),
);

const runRequest = z.strictObject({ closingDate, rows });

const showPreviewRequest = z.strictObject({
  closingDate,
  periodKey: z.string().check(z.minLength(1), z.maxLength(500)),
  rows,
});

/** google.script.run: what a closing run would issue. Reads only. */
export const invoicesPreviewRpc = rpc(runRequest, (req): InvoicePreview => {
  const book = readBillingBook(activeWorkbook());
  return {
    ...toPreview(planInvoices(book, parseDateKey(req.closingDate)!)),
    sendDirectly: book.settings.sendDirectly === 'する',
  };
});

/** google.script.run: issue the closing run, or the selected rows. One run at a time per workbook. */
export const invoicesIssueRpc = rpc(
  runRequest,
  (req): IssueReport =>
    withDocumentLock(() =>
      issueInvoices(activeWorkbook(), parseDateKey(req.closingDate)!, { rows: req.rows }),
    ),
);

/** google.script.run: one invoice of the preview as it will look, in a modal dialog. Reads only. */
export const invoicesShowPreviewRpc = rpc(showPreviewRequest, (req): { shown: true } => {
  const dialog = invoicePreviewDialog(
    readBillingBook(activeWorkbook()),
    parseDateKey(req.closingDate)!,
    req.periodKey,
    req.rows,
  );
  if (!dialog) {
    throw new UserError(
      'この請求書はプレビューにありません。もう一度プレビューしてください',
      'This invoice is no longer in the preview; preview again',
    );
  }
  showModalDialog(dialog.html, dialog.title, 860, 720);
  return { shown: true };
});
