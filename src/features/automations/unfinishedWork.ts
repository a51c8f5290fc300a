import { type Text, text } from '../../core/text';
import { INVOICES_SHEET, SUMMARY_SHEET } from '../../sheets/schema';
import type { WorkbookTables } from '../../sheets/workbookTables';
import { isUnfinishedInvoice } from '../invoices/issue';
import { hasUnfinishedReminder } from './jobs/remindersJob';
import { isUnsentSummaryMail } from './jobs/summaryJob';

/**
 * What a run cut off (or a send that failed) left unfinished, one line each for the owner:
 * invoices recorded without their PDF and mail, reminders whose mail is not finished, summary
 * mails not known to be sent. The next run, or the continuation trigger, finishes each of them
 * once; until then the automations sidebar shows them.
 */
/** The sheets `unfinishedWork` reads: one batched read for both. */
export const UNFINISHED_WORK_READS = { tables: [INVOICES_SHEET, SUMMARY_SHEET] };

export function unfinishedWork(tables: WorkbookTables): Text[] {
  const invoices = tables.table(INVOICES_SHEET)?.rows ?? [];
  const summary = tables.table(SUMMARY_SHEET)?.rows ?? [];
  const unfinishedInvoices = invoices.filter((r) => isUnfinishedInvoice(r.values)).length;
  const reminders = invoices.filter((r) => hasUnfinishedReminder(r.values.message)).length;
  const months = summary.filter((r) => isUnsentSummaryMail(r.values)).map((r) => r.values.month);
  const lines: Text[] = [];
  if (unfinishedInvoices > 0)
    lines.push(
      text(
        `請求書${unfinishedInvoices}件はPDFとメールがまだです`,
        `${unfinishedInvoices} invoice(s) still lack their PDF and mail`,
      ),
    );
  if (reminders > 0)
    lines.push(
      text(`督促${reminders}件のメールがまだです`, `${reminders} reminder mail(s) not finished`),
    );
  if (months.length > 0)
    lines.push(
      text(
        `${months.join('、')} の月次集計メールが未送信です`,
        `The summary mail of ${months.join(', ')} is not sent yet`,
      ),
    );
  return lines;
}
