import * as z from 'zod/mini';
import { parseDateKey } from '../core/dates';
import { readBillingBook } from '../features/invoices/billingBook';
import { issueInvoices } from '../features/invoices/issue';
import { planInvoices, toPreview } from '../features/invoices/plan';
import { withDocumentLock } from '../services/lock';
import { activeWorkbook } from '../services/workbook';
import type { InvoicePreview, IssueReport } from './contracts';
import { rpc } from './rpc';

const runRequest = z.strictObject({
  closingDate: z.string().check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/),
    z.refine((s) => parseDateKey(s) !== null),
  ),
});

/** google.script.run: what a closing run would issue. Reads only. */
export const invoicesPreviewRpc = rpc(
  runRequest,
  (req): InvoicePreview =>
    toPreview(planInvoices(readBillingBook(activeWorkbook()), parseDateKey(req.closingDate)!)),
);

/** google.script.run: issue the closing run. One run at a time per workbook. */
export const invoicesIssueRpc = rpc(
  runRequest,
  (req): IssueReport =>
    withDocumentLock(() => issueInvoices(activeWorkbook(), parseDateKey(req.closingDate)!)),
);
