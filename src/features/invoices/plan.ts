import type { InvoicePreview, InvoicePreviewItem, RowProblem } from '../../core/contracts/invoices';
import type { SettingsForm } from '../../core/contracts/settings';
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
import { text } from '../../core/text';
import { cellText } from '../../sheets/cells';
import { CLIENTS_SHEET, SALES_SHEET } from '../../sheets/schema';
import { type BillingBook, VOIDED } from './billingBook';
import { type DueRecurring, dueRecurringLines } from './recurringLines';

export interface InvoicePlan {
  readonly closingDate: DateKey;
  /** Invoices to issue now: periods not issued yet. */
  readonly drafts: readonly InvoiceDraft[];
  /**
   * The 定期請求 lines due by the closing date and not in 売上明細 yet: issuing adds them first;
   * the drafts already hold them, at the rows they will get.
   */
  readonly recurring: DueRecurring;
  /** Rows of lines made from 定期請求, in the sheet or to be added. */
  readonly recurringRows: ReadonlySet<number>;
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

/**
 * Per client key, the latest closing of a closing run's invoice that stands: its lines' periods
 * are issued, so a line dated in them arrived late (selections bill lines, not periods).
 */
function issuedThrough(book: BillingBook): Map<string, DateKey> {
  const through = new Map<string, DateKey>();
  for (const row of book.invoices.rows) {
    if (cellText(row.values.status) === VOIDED) continue;
    const [closing, client, ...rest] = cellText(row.values.periodKey).split('|');
    if (!closing || !client || rest.length > 0) continue;
    const was = through.get(client);
    if (!was || closing > was) through.set(client, closing as DateKey);
  }
  return through;
}

/** Unbilled lines (those of 売上明細 and the recurring ones to be added), rows of recurring lines. */
function billableLines(book: BillingBook, recurring: DueRecurring) {
  const added = recurring.lines.map((l) => l.line);
  const recurringRows = new Set([
    ...book.sales.rows
      .filter((r) => cellText(r.values.recurringKey) !== '')
      .map((r) => r.rowNumber),
    ...added.map((l) => l.row),
  ]);
  return { lines: [...book.salesCheck.lines, ...added], recurringRows };
}

/**
 * What a closing run on `closingDate` would issue, the 定期請求 lines due by then included.
 * Reads nothing itself; writes nothing.
 */
export function planInvoices(book: BillingBook, closingDate: DateKey): InvoicePlan {
  const recurring = dueRecurringLines(book, closingDate);
  const { lines, recurringRows } = billableLines(book, recurring);
  const grouping = draftInvoicesForClosing(lines, book.clientIndex, closingDate, {
    rounding: book.settings.rounding,
    issuedThrough: issuedThrough(book),
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
    recurring,
    recurringRows,
    alreadyIssued,
    problems: [
      ...rowProblems(CLIENTS_SHEET.name, book.clients.rejected),
      ...rowProblems(SALES_SHEET.name, book.salesCheck.rejected),
      ...rowProblems(SALES_SHEET.name, grouping.problems),
      ...recurring.problems,
    ],
    laterLines: grouping.later.length,
    refused: [],
  };
}

/**
 * What issuing the selected 売上明細 rows would issue: one invoice per client with its selected
 * lines (core `draftInvoicesForLines`; the period runs from the first line to the last and the
 * 請求キー carries a hash of the rows, so the same selection is recognised on a retry). The
 * 定期請求 lines due by the closing — to be added, or `added` by this run — go with their
 * client's selected lines: the owner could not tick them, they bill with the client's invoice.
 * Rows and problems of the whole sheet are still reported as a closing run would, so a run never
 * clears the メッセージ of a row it did not look at.
 */
export function planSelection(
  book: BillingBook,
  closingDate: DateKey,
  rows: readonly number[],
  added: readonly number[] = [],
): InvoicePlan {
  const base = planInvoices(book, closingDate);
  const lines = new Map(billableLines(book, base.recurring).lines.map((l) => [l.row, l]));
  const chosen = new Set(rows.map((r) => lines.get(r)?.clientKey).filter((k) => k !== undefined));
  const companions = [...base.recurring.lines.map((l) => l.line.row), ...added].filter((r) => {
    const client = lines.get(r)?.clientKey;
    return client !== undefined && chosen.has(client);
  });
  const wanted = [...new Set([...rows, ...companions])].sort((a, b) => a - b);
  const rejected = new Map(book.salesCheck.rejected.map((r) => [r.row, r]));
  const present = new Map(book.sales.rows.map((r) => [r.rowNumber, r]));
  const refused: RowProblem[] = [];
  const selected = [];
  const refuse = (row: number, ja: string, en: string) =>
    refused.push({ sheet: SALES_SHEET.name, row, message: text(ja, en) });
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
    issuedThrough: issuedThrough(book),
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

export function previewItem(d: InvoiceDraft, plan: InvoicePlan): InvoicePreviewItem {
  const pending = new Set(plan.recurring.lines.map((l) => l.line.row));
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
      recurring: plan.recurringRows.has(l.row),
      pending: pending.has(l.row),
      taxRate: l.taxRate,
      taxMode: l.taxMode,
    })),
  };
}

/** The preview of a plan, with what the owner's settings mean for it. */
export function toPreview(plan: InvoicePlan, settings: SettingsForm): InvoicePreview {
  return {
    closingDate: plan.closingDate,
    invoices: plan.drafts.map((d) => previewItem(d, plan)),
    alreadyIssued: [...plan.alreadyIssued],
    problems: [...plan.problems],
    laterLines: plan.laterLines,
    sendDirectly: settings.sendDirectly === 'する',
    rounding: settings.rounding,
    settingsWarnings: issuerWarnings(settings),
  };
}
