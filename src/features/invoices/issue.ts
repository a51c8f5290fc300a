import type { IssuedInvoice, IssueReport, RowProblem } from '../../core/contracts/invoices';
import { type DateKey, parseDateKey, tokyoDateKey, tokyoInstant } from '../../core/dates';
import {
  DEFAULT_NUMBER_PATTERN,
  draftInvoicesForClosing,
  draftInvoicesForLines,
  type InvoiceDraft,
  invoiceFileName,
  invoiceFolderPath,
  invoiceMail,
  issuerWarnings,
  type NumberPattern,
  nextNumbers,
  parseNumberPattern,
  renderInvoiceHtml,
  type SaleLine,
  validateSaleRow,
} from '../../core/invoice';
import { recipientCount } from '../../core/mime';
import { inLang, joinWith, type Lang, type Text, text, UserError } from '../../core/text';
import { now, nowMs } from '../../services/clock';
import { type DeliveryStage, deliverOnce } from '../../services/deliverOnce';
import {
  type DriveFolderRef,
  ensureFolderPath,
  htmlToPdf,
  savePdfOnce,
} from '../../services/drive';
import { ownAddress, remainingMailQuota } from '../../services/mail';
import { CONTINUE_AFTER_MS } from '../../services/timeBudget';
import { deleteTriggers, scheduleContinuation } from '../../services/triggers';
import { flushWorkbook } from '../../services/workbook';
import { cellText, textCell } from '../../sheets/cells';
import { CLIENTS_SHEET, SALES_SHEET } from '../../sheets/schema';
import { appendRecords, type Table, writeColumn, writeColumns } from '../../sheets/table';
import { type WorkbookTables, workbookTables } from '../../sheets/workbookTables';
import {
  BILLING_SHEETS,
  type BillingBook,
  type InvoiceKey,
  PROVISIONAL_MARK,
  readBillingBook,
  settleLineMarks,
} from './billingBook';
import { type InvoicePlan, planInvoices, planSelection } from './plan';
import { addRecurringLines, dueRecurringLines } from './recurringLines';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const DRAFT_STATUS = '下書き';
const SENT_STATUS = '送付済';
/**
 * Written to an invoice's メッセージ cell, with its draft's link, and flushed just before the
 * draft is sent. A row still carrying it was cut off around the send: the mail left if and only
 * if its draft is gone (services/deliverOnce.ts), so the next run sends it or records it, once.
 */
export const SENDING_MARK = '【送信処理中】';

/** The one-off trigger that finishes invoices a run recorded but left without PDF and mail. */
export const CONTINUE_INVOICES_HANDLER = 'continueInvoices';

export interface IssueOptions {
  /** Issue only these 売上明細 rows (one invoice per client) instead of the closing run. */
  readonly rows?: readonly number[];
  /** Of the closing run, issue only the invoices this accepts (the others wait for the owner). */
  readonly only?: (draft: InvoiceDraft, plan: InvoicePlan) => boolean;
  /**
   * Epoch ms after which no further PDF or mail is started. Records are written for the whole
   * run first, so invoices left without documents are finished by the next run (a trigger
   * continuing the work), exactly as after a crash.
   */
  readonly deadline?: number;
  /** The run's tables, when the caller has read some of them already. */
  readonly tables?: WorkbookTables;
  /** The language of the report and of the notes written to the rows (the owner's). */
  readonly lang: Lang;
}

/**
 * Issues the invoices of a closing run. The caller holds the workbook lock. The 定期請求 lines due
 * by the closing date are added to 売上明細 first (recurringLines.ts), so they are billed with the
 * closing they belong to, whoever runs it. Order matters for
 * safety, wherever a run is cut off and whether or not Apps Script keeps the writes it had not
 * flushed: a continuation trigger is set first (so a run that dies is finished without the
 * owner); then the records — the sales lines marked provisionally with their numbers, the invoice
 * rows, the lines marked for good — are written and flushed, so a second run, or a crash and a
 * retry, can never issue the same period again and never strands an invoice without its lines;
 * then the PDFs and mails are made; then their links are written.
 */
export function issueInvoices(
  ss: Spreadsheet,
  closingDate: DateKey,
  options: IssueOptions,
): IssueReport & { readonly moreRecurring: boolean } {
  const tables = options.tables ?? workbookTables(ss, { tables: BILLING_SHEETS });
  let book = readBillingBook(tables);
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  // A bad pattern stops the run before anything is written.
  const pattern = numberPatternOf(book);
  const due = dueRecurringLines(book, closingDate);
  const added = addRecurringLines(tables, book, due, options.lang);
  if (added.length > 0) book = readBillingBook(tables);
  const run = startRun(book, deadline, options.lang);
  settleLineMarks(book);
  const resumed = resumeInterrupted(run);
  const planned = options.rows
    ? planSelection(book, closingDate, options.rows, added)
    : planInvoices(book, closingDate);
  const { only } = options;
  const plan = only
    ? { ...planned, drafts: planned.drafts.filter((d) => only(d, planned)) }
    : planned;
  const warnings = issuerWarnings(book.settings);
  const report = (issued: readonly Documents[], unfinished: number, drafts = plan.drafts) => ({
    ...issueReport({ ...plan, drafts }, issued, unfinished, added.length, warnings),
    moreRecurring: due.more,
  });
  // Out of time while finishing earlier invoices: new ones wait for the next run.
  if (resumed.unfinished > 0) return report(resumed.done, resumed.unfinished, []);
  writeRowMessages(book, plan, run.lang);
  if (plan.drafts.length === 0) return report(resumed.done, 0);

  const continuation = scheduleContinuation(CONTINUE_INVOICES_HANDLER, CONTINUE_AFTER_MS);
  const issueDate = plan.drafts[0]!.issueDate;
  const existing = book.invoices.rows.map((r) => cellText(r.values.number));
  const numbers = nextNumbers(pattern, issueDate, existing, plan.drafts.length);
  markLines(book.sales, plan.drafts, (i) => `${PROVISIONAL_MARK}${numbers[i]}`);
  const firstRow = appendInvoiceRows(book.invoices, plan.drafts, numbers, run.lang);
  markLines(book.sales, plan.drafts, (i) => numbers[i]);
  flushWorkbook();

  const issued: Documents[] = [];
  for (const [i, draft] of plan.drafts.entries()) {
    if (nowMs() >= deadline) break;
    const docs = makeDocuments(run, draft, numbers[i]!, firstRow + i, 'new');
    // Sending is not repeatable: each sent invoice is recorded before the next one starts.
    if (run.direct) writeOutcome(book.invoices, docs);
    issued.push(docs);
  }
  if (!run.direct) writeLinks(book.invoices, issued);
  const unfinished = plan.drafts.length - issued.length;
  if (unfinished === 0) deleteTriggers(continuation);
  return report([...resumed.done, ...issued], unfinished);
}

/**
 * Only makes the PDFs and mails of invoices already recorded by a run that stopped (its time
 * budget, a crash): never plans new ones, so it is safe to run for a selection too. The caller
 * holds the workbook lock.
 */
export function finishInterruptedInvoices(
  ss: Spreadsheet,
  deadline: number,
  lang: Lang,
): IssueReport {
  const book = readBillingBook(workbookTables(ss, { tables: BILLING_SHEETS }));
  settleLineMarks(book);
  const resumed = resumeInterrupted(startRun(book, deadline, lang));
  const nothingPlanned = { drafts: [], alreadyIssued: [], problems: [], refused: [] };
  return issueReport(
    nothingPlanned,
    resumed.done,
    resumed.unfinished,
    0,
    issuerWarnings(book.settings),
  );
}

function startRun(book: BillingBook, deadline: number, lang: Lang): Run {
  return {
    book,
    lang,
    folderFor: folderCache(),
    direct: book.settings.sendDirectly === 'する',
    deadline,
  };
}

/** The owner's 請求書番号の形式 (the default when empty); a bad one stops the run with its reason. */
function numberPatternOf(book: BillingBook): NumberPattern {
  const source = book.settings.invoiceNumberPattern?.trim() || DEFAULT_NUMBER_PATTERN;
  const parsed = parseNumberPattern(source);
  if (parsed.ok) return parsed.pattern;
  throw new UserError(
    `設定の${parsed.message.ja}。設定を直してから発行してください`,
    `${parsed.message.en} (in Settings); fix it before issuing`,
  );
}

interface Run {
  readonly book: BillingBook;
  readonly lang: Lang;
  readonly folderFor: FolderFor;
  /** 設定「請求書を直接送信」する. */
  readonly direct: boolean;
  /** The owner's address for the drafts' From header, looked up once per run. */
  sender?: string;
  /** Recipients the owner may still mail today: read once per run, less what this run sent. */
  mailQuota?: number;
  /** Epoch ms after which no further document is started. */
  readonly deadline: number;
}

type FolderFor = (issueDate: DateKey) => DriveFolderRef;

/** Looks each year/month folder up once per run. */
function folderCache(): FolderFor {
  const folders = new Map<string, DriveFolderRef>();
  return (issueDate) => {
    const path = invoiceFolderPath(issueDate);
    const key = path.join('/');
    const folder = folders.get(key) ?? ensureFolderPath(path);
    folders.set(key, folder);
    return folder;
  };
}

/** An invoice a run recorded and stopped before its PDF: the next run (or trigger) makes it. */
export function isUnfinishedInvoice(values: Readonly<Record<InvoiceKey, unknown>>): boolean {
  return (
    cellText(values.status) === DRAFT_STATUS &&
    cellText(values.periodKey) !== '' &&
    cellText(values.pdf) === '' &&
    values.issueDate instanceof Date
  );
}

/**
 * Finishes invoices whose records were written by a run that then stopped (a crash, the time
 * limit): rows in 下書き with a period key but no PDF link. Each is rebuilt from its own lines,
 * which carry its number, so it gets the same figures; the PDF is saved once by name and a
 * draft with the same subject is reused rather than made again. A row marked SENDING_MARK may
 * have been sent already: it is never sent again, it gets a draft and a message instead.
 */
function resumeInterrupted(run: Run): { done: Documents[]; unfinished: number } {
  const { book } = run;
  const pending = book.invoices.rows.filter((r) => isUnfinishedInvoice(r.values));
  if (pending.length === 0) return { done: [], unfinished: 0 };
  // Set before the work, so a resumed run that dies too is finished by the trigger.
  const continuation = scheduleContinuation(CONTINUE_INVOICES_HANDLER, CONTINUE_AFTER_MS);
  const salesByNumber = new Map<string, (typeof book.sales.rows)[number][]>();
  for (const r of book.sales.rows) {
    const key = cellText(r.values.invoiceNumber);
    const same = salesByNumber.get(key);
    if (same) same.push(r);
    else salesByNumber.set(key, [r]);
  }
  const done: Documents[] = [];
  const finish = (unfinished: number) => {
    if (!run.direct) writeLinks(book.invoices, done);
    if (unfinished === 0) deleteTriggers(continuation);
    return { done, unfinished };
  };
  for (const [i, row] of pending.entries()) {
    if (nowMs() >= run.deadline) return finish(pending.length - i);
    const number = cellText(row.values.number);
    const periodKey = cellText(row.values.periodKey);
    const lines = (salesByNumber.get(number) ?? [])
      .map((r) =>
        validateSaleRow({ ...r.values, invoiceNumber: '' }, r.rowNumber, {
          clients: book.clientIndex,
        }),
      )
      .flatMap((result) => (result.ok ? [result.line] : []));
    const issueDate = tokyoDateKey(row.values.issueDate as Date);
    const draft = rebuildDraft(book, lines, periodKey, issueDate);
    if (!draft) continue;
    const sending = cellText(row.values.message).startsWith(SENDING_MARK);
    const docs = makeDocuments(run, draft, number, row.rowNumber, sending ? 'sending' : 'resume');
    // Sending is not repeatable: a sent (or maybe sent) invoice is recorded at once.
    if (run.direct) writeOutcome(book.invoices, docs);
    done.push(docs);
  }
  return finish(0);
}

/** The draft a period key stands for, from the lines carrying its number. */
function rebuildDraft(
  book: BillingBook,
  lines: readonly SaleLine[],
  periodKey: string,
  issueDate: DateKey,
): InvoiceDraft | undefined {
  const options = { rounding: book.settings.rounding, issueDate };
  // Selected lines: `closing|sel-<hash>|client`, one invoice per client of the selection.
  if (periodKey.split('|')[1]?.startsWith('sel-'))
    return draftInvoicesForLines(lines, book.clientIndex, options).drafts.find(
      (d) => d.periodKey === periodKey,
    );
  const closing = parseDateKey(periodKey.split('|')[0] ?? '');
  return closing
    ? draftInvoicesForClosing(lines, book.clientIndex, closing, options).drafts.find(
        (d) => d.periodKey === periodKey,
      )
    : undefined;
}

interface Documents extends IssuedInvoice {
  /** The invoice's row in 請求書. */
  readonly rowNumber: number;
  /** What the row's メッセージ cell holds: the draft's warnings, then this invoice's message. */
  readonly cellMessage: string;
  /** Left as a draft because the day's mail quota ran out. */
  readonly overQuota: boolean;
}

/** How an invoice's mail is handled: a new record, a resumed one, or one cut off while sending. */
type Stage = 'new' | 'resume' | 'sending';

const MESSAGES = {
  noRecipient: () =>
    text(
      '取引先のメールアドレスがないため下書きは作成していません',
      'No draft: the client has no email address',
    ),
  quota: (left: number) =>
    text(
      `メール送信の1日の上限に達したため下書きにしました(残り${left}件)。明日以降に Gmail の下書きから送信してください`,
      `The daily mail sending limit was reached (${left} left), so a draft was made instead; send it from Gmail drafts tomorrow or later`,
    ),
  sendFailed: (reason: string) =>
    text(
      `送信できなかったため下書きにしました: ${reason}`,
      `Could not send, so a draft was made instead: ${reason}`,
    ),
  sent: (at: string) => text(`${at} に送信しました`, `Sent on ${at} (JST)`),
};

/** `2026/11/30 18:05` in Asia/Tokyo (no DST: a fixed +9 h). */
function tokyoDateTime(instant: Date): string {
  const t = new Date(instant.getTime() + 9 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}/${pad(t.getUTCMonth() + 1)}/${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/**
 * The PDF (saved once by name), then the mail: sent directly when the owner chose it and the daily
 * quota allows, otherwise a Gmail draft. Before a send the row is marked SENDING_MARK and the
 * workbook flushed, so a run cut off around the send can never send it a second time.
 */
function makeDocuments(
  run: Run,
  draft: InvoiceDraft,
  number: string,
  rowNumber: number,
  stage: Stage,
): Documents {
  const { book } = run;
  const doc = { draft, number, issuer: book.settings };
  const fileName = invoiceFileName({
    date: draft.issueDate,
    clientName: draft.client.name,
    amount: draft.billed,
    invoiceNumber: number,
  });
  const folder = run.folderFor(draft.issueDate);
  const file = savePdfOnce(folder, fileName, () => htmlToPdf(renderInvoiceHtml(doc), fileName));
  const base = {
    number,
    client: draft.client.name,
    billed: draft.billed,
    pdfUrl: file.url,
    rowNumber,
  };
  const done = (draftUrl: string, sent: boolean, message: Text | null): Documents => ({
    ...base,
    draftUrl,
    sent,
    message,
    cellMessage: rowNote([...draft.warnings, ...(message ? [message] : [])], run.lang),
    overQuota: message === fallback && fallback !== null,
  });
  const mail = invoiceMail(doc);
  let fallback: Text | null = null;
  if (!mail.to) return done('', false, MESSAGES.noRecipient());
  let send = run.direct;
  if (send) {
    run.mailQuota ??= remainingMailQuota();
    send = run.mailQuota >= recipientCount(mail.to);
    if (!send) fallback = MESSAGES.quota(run.mailQuota);
  }
  const delivered = deliverOnce({
    mail: {
      to: mail.to,
      subject: mail.subject,
      body: mail.text,
      htmlBody: mail.html,
      attachments: [file.blob],
      name: book.settings.companyName || undefined,
    },
    searchTerm: number,
    stage: deliveryStage(stage, file.existed),
    send,
    sender: () => {
      run.sender ??= ownAddress();
      return run.sender;
    },
    markSending: (made) =>
      markSending(book.invoices, rowNumber, made.url, rowNote(draft.warnings, run.lang)),
  });
  if (delivered.sent) {
    if (run.mailQuota !== undefined) run.mailQuota -= recipientCount(mail.to);
    return done('', true, MESSAGES.sent(tokyoDateTime(now())));
  }
  const reason = delivered.error ? MESSAGES.sendFailed(delivered.error) : fallback;
  return done(delivered.draft.url, false, reason);
}

/** A draft can only exist if the PDF did: a resumed invoice whose PDF was just made has none. */
function deliveryStage(stage: Stage, pdfExisted: boolean): DeliveryStage {
  if (stage === 'sending') return 'sending';
  return stage === 'resume' && pdfExisted ? 'maybeDrafted' : 'fresh';
}

/** Marks the row as being sent, with its draft, and makes sure it is saved before the send. */
function markSending(
  invoices: Table<InvoiceKey>,
  rowNumber: number,
  draftUrl: string,
  warnings: string,
): void {
  writeRowCells(invoices, rowNumber, {
    draft: draftUrl,
    message: [SENDING_MARK, warnings].filter(Boolean).join('\n'),
  });
  flushWorkbook();
}

/**
 * Writes some cells of one row: one range per run of adjacent columns (状態, PDF, 下書き and
 * メッセージ sit side by side unless the owner moved them).
 */
function writeRowCells(
  table: Table<InvoiceKey>,
  rowNumber: number,
  cells: Partial<Record<InvoiceKey, unknown>>,
): void {
  const placed = Object.entries(cells)
    .map(([key, value]) => ({ col: table.headers.index[key as InvoiceKey], value }))
    .filter((c): c is { col: number; value: unknown } => c.col !== undefined)
    .sort((a, b) => a.col - b.col);
  let i = 0;
  while (i < placed.length) {
    let j = i + 1;
    while (j < placed.length && placed[j]!.col === placed[j - 1]!.col + 1) j++;
    const run = placed.slice(i, j);
    table.range(rowNumber, run[0]!.col + 1, 1, run.length).setValues([run.map((c) => c.value)]);
    i = j;
  }
}

/** One invoice's links, message and (when sent) 状態 送付済, written as soon as it is done. */
function writeOutcome(invoices: Table<InvoiceKey>, docs: Documents): void {
  writeRowCells(invoices, docs.rowNumber, {
    ...(docs.sent ? { status: SENT_STATUS } : {}),
    pdf: docs.pdfUrl,
    draft: docs.draftUrl,
    message: textCell(docs.cellMessage),
  });
}

/** One block of new rows below the table (rows are added when the sheet is full). */
function appendInvoiceRows(
  invoices: Table<InvoiceKey>,
  drafts: readonly InvoiceDraft[],
  numbers: readonly string[],
  lang: Lang,
): number {
  return appendRecords(
    invoices,
    drafts.map((d, i) => ({
      number: numbers[i],
      client: textCell(d.client.name),
      issueDate: tokyoInstant(d.issueDate),
      periodStart: tokyoInstant(d.periodStart),
      periodEnd: tokyoInstant(d.periodEnd),
      dueDate: tokyoInstant(d.dueDate),
      ...d.figures,
      status: DRAFT_STATUS,
      message: textCell(rowNote(d.warnings, lang)),
      periodKey: d.periodKey,
    })),
  );
}

/** Writes each draft's mark (its number, or its provisional number) on its sales lines. */
function markLines(
  sales: Table<string>,
  drafts: readonly InvoiceDraft[],
  mark: (draftIndex: number) => unknown,
): void {
  const byRow = new Map<number, unknown>();
  drafts.forEach((d, i) => {
    for (const line of d.lines) byRow.set(line.row, mark(i));
  });
  writeColumn(sales, 'invoiceNumber', byRow);
}

/**
 * The links (and notes) of invoices left as drafts, once the loop ends (side-by-side columns as
 * one block). A run cut off before this loses nothing: the next one finds each PDF by name and
 * its draft by number.
 */
function writeLinks(invoices: Table<InvoiceKey>, made: readonly Documents[]): void {
  if (made.length === 0) return;
  const columns: [InvoiceKey, (d: Documents) => string][] = [['draft', (d) => d.draftUrl]];
  // The rows hold their warnings already: rewrite the column only when a note adds to them.
  if (made.some((d) => d.message)) columns.push(['message', (d) => textCell(d.cellMessage)]);
  // The PDF link last: it is what marks an invoice done, so a run cut off between two columns
  // leaves it to be resumed (its PDF and draft are found again), never done without its draft.
  columns.push(['pdf', (d) => d.pdfUrl]);
  writeColumns(
    invoices,
    columns.map(([key]) => key),
    new Map(made.map((d) => [d.rowNumber, columns.map(([, pick]) => pick(d))])),
  );
}

/** Each row that cannot be billed gets its reason in its own メッセージ cell; fixed rows are cleared. */
function writeRowMessages(book: BillingBook, plan: InvoicePlan, lang: Lang): void {
  const bySheet = (sheet: string) =>
    new Map(
      plan.problems
        .filter((p: RowProblem) => p.sheet === sheet)
        .map((p) => [p.row, inLang(p.message, lang)]),
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

function issueReport(
  plan: Pick<InvoicePlan, 'drafts' | 'alreadyIssued' | 'problems' | 'refused'>,
  issued: readonly Documents[],
  unfinished: number,
  addedLines: number,
  /** The settings' warnings (`issuerWarnings`): reported when an invoice was made. */
  warnings: readonly Text[],
): IssueReport {
  const sent = issued.filter((d) => d.sent).length;
  const settingsWarnings = issued.length > 0 ? [...warnings] : [];
  const parts: Text[] = [];
  if (issued.length > 0)
    parts.push(
      sent > 0
        ? text(
            `${issued.length}件の請求書を作成しました(うち${sent}件をメールで送信)`,
            `Issued ${issued.length} invoice(s), ${sent} sent by mail`,
          )
        : text(`${issued.length}件の請求書を作成しました`, `Issued ${issued.length} invoice(s)`),
    );
  if (addedLines > 0)
    parts.push(
      text(
        `定期請求の明細${addedLines}行を売上明細に追加しました`,
        `Added ${addedLines} recurring line(s) to the sales sheet`,
      ),
    );
  parts.push(...settingsWarnings);
  const limited = issued.filter((d) => d.overQuota).length;
  if (limited > 0)
    parts.push(
      text(
        `メール送信の1日の上限に達したため、${limited}件は下書きにしました`,
        `The daily mail limit was reached: ${limited} left as draft(s)`,
      ),
    );
  if (plan.refused.length > 0)
    parts.push(
      text(
        `選択した明細のうち${plan.refused.length}行は発行できないため、選択分は発行していません`,
        `${plan.refused.length} selected row(s) cannot be issued, so the selection was not issued`,
      ),
    );
  if (unfinished > 0)
    parts.push(
      text(
        `残り${unfinished}件の請求書は番号を記録済みです。PDFとメールを続けて作成します`,
        `${unfinished} more invoice(s) are numbered and recorded; their PDFs and mails follow`,
      ),
    );
  if (issued.length === 0 && unfinished === 0 && plan.refused.length === 0)
    parts.push(text('新しく発行する請求書はありません', 'No new invoices to issue'));
  return {
    issued: issued.map(
      ({ cellMessage: _cell, rowNumber: _row, overQuota: _quota, ...rest }) => rest,
    ),
    alreadyIssued: [...plan.alreadyIssued],
    problems: [...plan.problems],
    refused: [...plan.refused],
    unfinished,
    addedLines,
    settingsWarnings,
    message: joinWith(parts, '\n'),
  };
}

/** A row's メッセージ cell: its notes in the owner's language, one per line. */
const rowNote = (notes: readonly Text[], lang: Lang): string =>
  notes.map((n) => inLang(n, lang)).join('\n');
