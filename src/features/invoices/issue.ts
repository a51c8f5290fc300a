import { bilingual } from '../../core/bilingual';
import { type DateKey, parseDateKey, tokyoDateKey, tokyoInstant } from '../../core/dates';
import {
  DEFAULT_NUMBER_PATTERN,
  draftInvoicesForClosing,
  type InvoiceDraft,
  invoiceFileName,
  invoiceFolderPath,
  invoiceMail,
  nextNumbers,
  renderInvoiceHtml,
  validateSaleRow,
} from '../../core/invoice';
import { ensureFolderPath, htmlToPdf, savePdfOnce } from '../../services/drive';
import { createDraft, type DraftRef, draftsBySubject } from '../../services/mail';
import { flushWorkbook } from '../../services/workbook';
import { cellText, textCell } from '../../sheets/cells';
import { CLIENTS_SHEET, SALES_SHEET } from '../../sheets/schema';
import { type Table, writeColumn } from '../../sheets/table';
import type { IssuedInvoice, IssueReport, RowProblem } from '../../ui/contracts';
import { type BillingBook, type InvoiceKey, readBillingBook } from './billingBook';
import { type InvoicePlan, planInvoices } from './plan';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const DRAFT_STATUS = '下書き';

/**
 * Issues the invoices of a closing run. The caller holds the document lock. Order matters for
 * safety: first the records (invoice rows with their period keys, sales lines marked with their
 * numbers) are written and flushed, so a second run — or a crash and a retry — can never issue
 * the same period again; then the PDFs and drafts are made; then their links are written.
 */
export function issueInvoices(ss: Spreadsheet, closingDate: DateKey): IssueReport {
  const book = readBillingBook(ss);
  const folderFor = folderCache();
  const resumed = resumeInterrupted(book, folderFor);
  const plan = planInvoices(book, closingDate);
  writeRowMessages(book, plan);
  if (plan.drafts.length === 0) return report(plan, resumed);

  const issueDate = plan.drafts[0]!.issueDate;
  const existing = book.invoices.rows.map((r) => cellText(r.values.number));
  const numbers = nextNumbers(DEFAULT_NUMBER_PATTERN, issueDate, existing, plan.drafts.length);
  const firstRow = book.invoices.height + 1;
  appendInvoiceRows(book.invoices, firstRow, plan.drafts, numbers);
  markLinesBilled(book.sales, plan.drafts, numbers);
  flushWorkbook();

  const issued = plan.drafts.map((draft, i) =>
    makeDocuments(book, draft, numbers[i]!, folderFor(draft.issueDate)),
  );
  writeLinks(book.invoices, firstRow, issued);
  return report(plan, [...resumed, ...issued]);
}

type FolderFor = (issueDate: DateKey) => GoogleAppsScript.Drive.Folder;

/** Looks each year/month folder up once per run. */
function folderCache(): FolderFor {
  const folders = new Map<string, GoogleAppsScript.Drive.Folder>();
  return (issueDate) => {
    const path = invoiceFolderPath(issueDate);
    const key = path.join('/');
    const folder = folders.get(key) ?? ensureFolderPath(path);
    folders.set(key, folder);
    return folder;
  };
}

/**
 * Finishes invoices whose records were written by a run that then stopped (a crash, the time
 * limit): rows in 下書き with a period key but no PDF link. Each is rebuilt from its own lines,
 * which carry its number, so it gets the same figures; the PDF is saved once by name and a
 * draft with the same subject is reused rather than made again.
 */
function resumeInterrupted(book: BillingBook, folderFor: FolderFor): Documents[] {
  const pending = book.invoices.rows.filter(
    (r) =>
      cellText(r.values.status) === DRAFT_STATUS &&
      cellText(r.values.periodKey) !== '' &&
      cellText(r.values.pdf) === '' &&
      r.values.issueDate instanceof Date,
  );
  if (pending.length === 0) return [];
  const drafts = draftsBySubject();
  const done: Documents[] = [];
  for (const row of pending) {
    const number = cellText(row.values.number);
    const periodKey = cellText(row.values.periodKey);
    const lines = book.sales.rows
      .filter((r) => cellText(r.values.invoiceNumber) === number)
      .map((r) =>
        validateSaleRow({ ...r.values, invoiceNumber: '' }, r.rowNumber, {
          clients: book.clientIndex,
        }),
      )
      .flatMap((result) => (result.ok ? [result.line] : []));
    const closing = parseDateKey(periodKey.split('|')[0] ?? '');
    const issueDate = tokyoDateKey(row.values.issueDate as Date);
    const draft =
      closing &&
      draftInvoicesForClosing(lines, book.clientIndex, closing, {
        rounding: book.settings.rounding,
        issueDate,
      }).drafts.find((d) => d.periodKey === periodKey);
    if (!draft) continue;
    const docs = makeDocuments(book, draft, number, folderFor(issueDate), drafts);
    writeLinks(book.invoices, row.rowNumber, [docs]);
    done.push(docs);
  }
  return done;
}

interface Documents extends IssuedInvoice {
  readonly note: string;
}

function makeDocuments(
  book: BillingBook,
  draft: InvoiceDraft,
  number: string,
  folder: GoogleAppsScript.Drive.Folder,
  existingDrafts?: ReadonlyMap<string, DraftRef>,
): Documents {
  const doc = { draft, number, issuer: book.settings };
  const fileName = invoiceFileName({
    date: draft.issueDate,
    clientName: draft.client.name,
    amount: draft.billed,
    invoiceNumber: number,
  });
  const file = savePdfOnce(folder, fileName, () => htmlToPdf(renderInvoiceHtml(doc), fileName));
  const base = { number, client: draft.client.name, billed: draft.billed, pdfUrl: file.getUrl() };
  const mail = invoiceMail(doc);
  if (!mail.to) {
    return {
      ...base,
      draftUrl: '',
      note: bilingual(
        '取引先のメールアドレスがないため下書きは作成していません',
        'No draft: the client has no email address',
      ),
    };
  }
  const draftRef =
    existingDrafts?.get(mail.subject) ??
    createDraft({
      to: mail.to,
      subject: mail.subject,
      body: mail.text,
      htmlBody: mail.html,
      attachments: [file.getBlob()],
      name: book.settings.companyName || undefined,
    });
  return { ...base, draftUrl: draftRef.url, note: '' };
}

/** One block of new rows below the table, each cell placed under its header. */
function appendInvoiceRows(
  invoices: Table<InvoiceKey>,
  firstRow: number,
  drafts: readonly InvoiceDraft[],
  numbers: readonly string[],
): void {
  const { index, width } = invoices.headers;
  const block = drafts.map((d, i) => {
    const cells: Partial<Record<InvoiceKey, unknown>> = {
      number: numbers[i],
      client: textCell(d.client.name),
      issueDate: tokyoInstant(d.issueDate),
      periodStart: tokyoInstant(d.periodStart),
      periodEnd: tokyoInstant(d.periodEnd),
      dueDate: tokyoInstant(d.dueDate),
      ...d.figures,
      status: DRAFT_STATUS,
      message: d.warnings.join('\n'),
      periodKey: d.periodKey,
    };
    const row: unknown[] = new Array(width).fill('');
    for (const [key, value] of Object.entries(cells)) {
      const col = index[key as InvoiceKey];
      if (col !== undefined) row[col] = value;
    }
    return row;
  });
  invoices.sheet.getRange(firstRow, 1, block.length, width).setValues(block);
}

function markLinesBilled(
  sales: Table<string>,
  drafts: readonly InvoiceDraft[],
  numbers: readonly string[],
): void {
  const byRow = new Map<number, unknown>();
  drafts.forEach((d, i) => {
    for (const line of d.lines) byRow.set(line.row, numbers[i]);
  });
  writeColumn(sales, 'invoiceNumber', byRow);
}

function writeLinks(
  invoices: Table<InvoiceKey>,
  firstRow: number,
  issued: readonly Documents[],
): void {
  const { index } = invoices.headers;
  const columns: [InvoiceKey, (d: Documents) => string][] = [
    ['pdf', (d) => d.pdfUrl],
    ['draft', (d) => d.draftUrl],
  ];
  if (issued.some((d) => d.note)) columns.push(['message', (d) => d.note]);
  for (const [key, pick] of columns) {
    const col = index[key];
    if (col === undefined) continue;
    invoices.sheet
      .getRange(firstRow, col + 1, issued.length, 1)
      .setValues(issued.map((d) => [pick(d)]));
  }
}

/** Each row that cannot be billed gets its reason in its own メッセージ cell; fixed rows are cleared. */
function writeRowMessages(book: BillingBook, plan: InvoicePlan): void {
  const bySheet = (sheet: string) =>
    new Map(
      plan.problems.filter((p: RowProblem) => p.sheet === sheet).map((p) => [p.row, p.message]),
    );
  const sync = (table: Table<string>, messages: Map<number, string>) => {
    if (table.headers.index.message === undefined) return;
    const updates = new Map<number, unknown>();
    for (const row of table.rows) {
      const want = messages.get(row.rowNumber) ?? '';
      if (String(row.values.message ?? '') !== want) updates.set(row.rowNumber, textCell(want));
    }
    writeColumn(table, 'message', updates);
  };
  sync(book.sales, bySheet(SALES_SHEET.name));
  sync(book.clientTable, bySheet(CLIENTS_SHEET.name));
}

function report(plan: InvoicePlan, issued: readonly Documents[]): IssueReport {
  const message =
    issued.length > 0
      ? bilingual(`${issued.length}件の請求書を作成しました`, `Issued ${issued.length} invoice(s)`)
      : bilingual('新しく発行する請求書はありません', 'No new invoices to issue');
  return {
    issued: issued.map(({ note: _note, ...rest }) => rest),
    alreadyIssued: [...plan.alreadyIssued],
    problems: [...plan.problems],
    message,
  };
}
