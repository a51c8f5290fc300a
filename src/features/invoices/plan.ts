import { bilingual } from '../../core/bilingual';
import type { DateKey } from '../../core/dates';
import {
  closingOnOrBefore,
  closingPeriodKey,
  draftInvoicesForClosing,
  draftInvoicesForLines,
  type InvoiceDraft,
  issuerWarnings,
  joinProblems,
  type RowProblems,
} from '../../core/invoice';
import { cellText } from '../../sheets/cells';
import { CLIENTS_SHEET, SALES_SHEET } from '../../sheets/schema';
import type {
  InvoicePreview,
  InvoicePreviewItem,
  RowProblem,
  SettingsForm,
} from '../../ui/contracts';
import { type BillingBook, VOIDED } from './billingBook';

export interface InvoicePlan {
  readonly closingDate: DateKey;
  /** Invoices to issue now: periods not issued yet. */
  readonly drafts: readonly InvoiceDraft[];
  readonly alreadyIssued: readonly string[];
  readonly problems: readonly RowProblem[];
  readonly laterLines: number;
  /**
   * Selected rows that cannot be issued (already billed, not valid, no such line). When any is
   * refused, nothing of the selection is issued. Never written to the rows' メッセージ cells.
   */
  readonly refused: readonly RowProblem[];
}

/** Most rows one selection may hold (the zod schema refuses more). */
export const MAX_SELECTED_ROWS = 2000;

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
    refused: [],
  };
}

/**
 * What issuing the selected 売上明細 rows would issue: one invoice per client with its selected
 * lines (core `draftInvoicesForLines`; the period runs from the first line to the last and the
 * 請求キー carries a hash of the rows, so the same selection is recognised on a retry). Rows and
 * problems of the whole sheet are still reported as a closing run would, so a run never clears
 * the メッセージ of a row it did not look at.
 */
export function planSelection(
  book: BillingBook,
  closingDate: DateKey,
  rows: readonly number[],
): InvoicePlan {
  const base = planInvoices(book, closingDate);
  const wanted = [...new Set(rows)].sort((a, b) => a - b);
  const lines = new Map(book.salesCheck.lines.map((l) => [l.row, l]));
  const rejected = new Map(book.salesCheck.rejected.map((r) => [r.row, r]));
  const present = new Map(book.sales.rows.map((r) => [r.rowNumber, r]));
  const refused: RowProblem[] = [];
  const selected = [];
  const refuse = (row: number, ja: string, en: string) =>
    refused.push({ sheet: SALES_SHEET.name, row, message: bilingual(ja, en) });
  for (const row of wanted) {
    const line = lines.get(row);
    const bad = rejected.get(row);
    // salesCheck.lines are unbilled (a voided invoice's lines count as unbilled again).
    if (line) selected.push(line);
    else if (bad)
      refused.push({ sheet: SALES_SHEET.name, row, message: joinProblems(bad.problems) });
    else {
      const number = cellText(present.get(row)?.values.invoiceNumber);
      if (number)
        refuse(row, `請求書 ${number} で請求済みです`, `Already billed on invoice ${number}`);
      else refuse(row, '請求できる明細がありません', 'No billable line in this row');
    }
  }
  const grouping = draftInvoicesForLines(selected, book.clientIndex, {
    rounding: book.settings.rounding,
    issueDate: closingDate,
  });
  refused.push(...rowProblems(SALES_SHEET.name, grouping.problems));
  const issued = issuedPeriodKeys(book);
  const drafts = refused.length > 0 ? [] : grouping.drafts.filter((d) => !issued.has(d.periodKey));
  const alreadyIssued =
    refused.length > 0
      ? []
      : grouping.drafts.filter((d) => issued.has(d.periodKey)).map((d) => d.client.name);
  return { ...base, drafts, alreadyIssued, laterLines: 0, refused };
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
    withholds: d.client.withholding,
    warnings: [...d.warnings],
    lines: d.lines.map((l) => ({
      row: l.row,
      date: l.date,
      item: l.item,
      amount: l.amount,
      taxRate: l.taxRate,
      taxMode: l.taxMode,
    })),
  };
}

/** The preview of a plan, with what the owner's settings mean for it. */
export function toPreview(plan: InvoicePlan, settings: SettingsForm): InvoicePreview {
  return {
    closingDate: plan.closingDate,
    invoices: plan.drafts.map(previewItem),
    alreadyIssued: [...plan.alreadyIssued],
    problems: [...plan.problems],
    laterLines: plan.laterLines,
    sendDirectly: settings.sendDirectly === 'する',
    rounding: settings.rounding,
    settingsWarnings: issuerWarnings(settings),
  };
}
