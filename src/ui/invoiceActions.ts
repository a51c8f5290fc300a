import * as z from 'zod/mini';
import type { InvoiceDefaults, InvoicePreview, IssueReport } from '../core/contracts/invoices';
import { endOfMonth, parseDateKey, tokyoDateKey } from '../core/dates';
import { inLang, type Lang, type Text, text, UserError } from '../core/text';
import { appendRunLog } from '../features/automations/runLog';
import { BILLING_SHEETS, readBillingBook } from '../features/invoices/billingBook';
import {
  CONTINUE_INVOICES_HANDLER,
  finishInterruptedInvoices,
  issueInvoices,
} from '../features/invoices/issue';
import { MAX_SELECTED_ROWS, planInvoices, toPreview } from '../features/invoices/plan';
import { invoicePreviewDialog } from '../features/invoices/previewDialog';
import { now } from '../services/clock';
import { userLang } from '../services/language';
import { withWorkbookLock } from '../services/lock';
import { CONTINUE_AFTER_MS, deadlineFromNow } from '../services/timeBudget';
import { clearTriggers, scheduleContinuation } from '../services/triggers';
import { showModalDialog } from '../services/ui';
import { activeWorkbook } from '../services/workbook';
import { workbookTables } from '../sheets/workbookTables';
import { noRequest, rpc } from './rpc';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

import { requireTriggerFiring } from './triggerFiring';

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

/**
 * google.script.run: the sidebar's language and its default closing date, the month end of today
 * in Asia/Tokyo by the script's clock: the browser's date may be another day (another zone, a
 * wrong clock), and in the playground the clock is the playground's. Reads no sheet.
 */
export const invoicesDefaultsRpc = rpc(
  noRequest,
  (): InvoiceDefaults => ({ lang: userLang(), closingDate: endOfMonth(tokyoDateKey(now())) }),
);

/** google.script.run: what a closing run would issue. Reads only. */
export const invoicesPreviewRpc = rpc(runRequest, (req): InvoicePreview => {
  const book = readBillingBook(workbookTables(activeWorkbook(), { tables: BILLING_SHEETS }));
  return toPreview(planInvoices(book, parseDateKey(req.closingDate)!), book.settings);
});

/**
 * google.script.run: issue the closing run, or the selected rows. One run at a time per
 * workbook. A run too large for one execution (or cut off) records every invoice first, makes
 * PDFs and mails until its time budget is spent, and leaves the rest to `invoicesContinue` (the
 * sidebar calls it while it stays open) or, failing that, to a one-off trigger it set first.
 */
export const invoicesIssueRpc = rpc(runRequest, (req): IssueReport => {
  const deadline = deadlineFromNow();
  const startedAt = now();
  const lang = userLang();
  return withWorkbookLock(() => {
    const ss = activeWorkbook();
    const { moreRecurring: _more, ...report } = issueInvoices(ss, parseDateKey(req.closingDate)!, {
      rows: req.rows,
      deadline,
      lang,
    });
    logHalfConfigured(ss, startedAt, report, lang);
    return report;
  });
});

const ISSUE_JOB = text('請求書の発行', 'Issuing invoices');

/**
 * Invoices that went out while the settings lacked what an invoice should carry (登録番号,
 * 振込先…) leave a line in 実行ログ with the warnings, for the owner to find later. Other
 * issuing runs are recorded in the 請求書 sheet itself and cost no log line.
 */
function logHalfConfigured(
  ss: Spreadsheet,
  startedAt: Date,
  report: IssueReport,
  lang: Lang,
): void {
  if (report.settingsWarnings.length > 0) logIssuing(ss, ISSUE_JOB, startedAt, report, lang);
}

/** One 実行ログ line for an issuing run: paused while invoices remain, else done. */
function logIssuing(
  ss: Spreadsheet,
  job: Text,
  startedAt: Date,
  report: IssueReport,
  lang: Lang,
): void {
  appendRunLog(
    workbookTables(ss),
    [
      {
        startedAt,
        finishedAt: now(),
        day: tokyoDateKey(startedAt),
        job,
        result: report.unfinished > 0 ? 'paused' : 'ok',
        count: report.issued.length,
        message: report.message,
      },
    ],
    lang,
  );
}

/** google.script.run: make the PDFs and mails an earlier run left (never new invoices). */
export const invoicesContinueRpc = rpc(noRequest, (): IssueReport => {
  const deadline = deadlineFromNow();
  const lang = userLang();
  return withWorkbookLock(() => finishInterruptedInvoices(activeWorkbook(), deadline, lang));
});

const CONTINUED_JOB = text('請求書の発行(続き)', 'Invoices (continued)');

/**
 * The one-off trigger: finishes what an issuing run left, logs it in 実行ログ, and schedules
 * itself again while work remains — also when the workbook was busy (the sidebar finishing the
 * same invoices, the dispatcher), so no invoice is left waiting for someone to notice. A call
 * that is not its firing is refused before anything happens.
 */
export function runInvoiceContinuationTrigger(event: unknown): void {
  requireTriggerFiring(CONTINUE_INVOICES_HANDLER, event);
  const deadline = deadlineFromNow();
  clearTriggers(CONTINUE_INVOICES_HANDLER);
  const ss = activeWorkbook();
  const startedAt = now();
  const lang = userLang();
  let report: IssueReport;
  try {
    report = withWorkbookLock(() => finishInterruptedInvoices(ss, deadline, lang));
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    scheduleContinuation(CONTINUE_INVOICES_HANDLER, CONTINUE_AFTER_MS);
    return;
  }
  if (report.issued.length === 0 && report.unfinished === 0) return;
  logIssuing(ss, CONTINUED_JOB, startedAt, report, lang);
}

/** google.script.run: one invoice of the preview as it will look, in a modal dialog. Reads only. */
export const invoicesShowPreviewRpc = rpc(showPreviewRequest, (req): { shown: true } => {
  const dialog = invoicePreviewDialog(
    readBillingBook(workbookTables(activeWorkbook(), { tables: BILLING_SHEETS })),
    parseDateKey(req.closingDate)!,
    req.periodKey,
    req.rows,
    userLang(),
  );
  if (!dialog) {
    throw new UserError(
      'この請求書はプレビューにありません。もう一度プレビューしてください',
      'This invoice is no longer in the preview; preview again',
    );
  }
  showModalDialog(dialog.html, inLang(dialog.title, userLang()), 860, 720);
  return { shown: true };
});
