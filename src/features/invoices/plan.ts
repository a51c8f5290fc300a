import type { DateKey } from '../../core/dates';
import {
  closingOnOrBefore,
  closingPeriodKey,
  draftInvoicesForClosing,
  type InvoiceDraft,
  joinProblems,
  type RowProblems,
} from '../../core/invoice';
import { cellText } from '../../sheets/cells';
import { CLIENTS_SHEET, SALES_SHEET } from '../../sheets/schema';
import type { InvoicePreview, InvoicePreviewItem, RowProblem } from '../../ui/contracts';
import { type BillingBook, VOIDED } from './billingBook';

export interface InvoicePlan {
  readonly closingDate: DateKey;
  /** Invoices to issue now: periods not issued yet. */
  readonly drafts: readonly InvoiceDraft[];
  readonly alreadyIssued: readonly string[];
  readonly problems: readonly RowProblem[];
  readonly laterLines: number;
}

/** Period keys of invoices that stand (not voided): those periods are never issued again. */
export function issuedPeriodKeys(book: BillingBook): Set<string> {
  const keys = new Set<string>();
  for (const row of book.invoices.rows) {
    const key = cellText(row.values.periodKey);
    if (key && cellText(row.values.status) !== VOIDED) keys.add(key);
  }
  return keys;
}

function rowProblems(sheet: string, rows: readonly RowProblems<string>[]): RowProblem[] {
  return rows.map((r) => ({ sheet, row: r.row, message: joinProblems(r.problems) }));
}

/** What a closing run on `closingDate` would issue. Reads nothing itself; writes nothing. */
export function planInvoices(book: BillingBook, closingDate: DateKey): InvoicePlan {
  const grouping = draftInvoicesForClosing(book.salesCheck.lines, book.clientIndex, closingDate, {
    rounding: book.settings.rounding,
  });
  const issued = issuedPeriodKeys(book);
  const drafts = grouping.drafts.filter((d) => !issued.has(d.periodKey));
  // Every client whose period for this closing date stands issued, with or without new lines.
  const alreadyIssued = book.clients.clients
    .filter((c) => issued.has(closingPeriodKey(closingOnOrBefore(closingDate, c.terms), c.key)))
    .map((c) => c.name);
  return {
    closingDate,
    drafts,
    alreadyIssued,
    problems: [
      ...rowProblems(CLIENTS_SHEET.name, book.clients.rejected),
      ...rowProblems(SALES_SHEET.name, book.salesCheck.rejected),
      ...rowProblems(SALES_SHEET.name, grouping.problems),
    ],
    laterLines: grouping.later.length,
  };
}

export function previewItem(d: InvoiceDraft): InvoicePreviewItem {
  return {
    periodKey: d.periodKey,
    client: d.client.name,
    lineCount: d.lines.length,
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
    issueDate: d.issueDate,
    dueDate: d.dueDate,
    ...d.figures,
    warnings: [...d.warnings],
  };
}

export function toPreview(plan: InvoicePlan): InvoicePreview {
  return {
    closingDate: plan.closingDate,
    invoices: plan.drafts.map(previewItem),
    alreadyIssued: [...plan.alreadyIssued],
    problems: [...plan.problems],
    laterLines: plan.laterLines,
  };
}
