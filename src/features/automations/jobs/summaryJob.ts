import type { PlannedJob } from '../../../core/contracts/automations';
import type { DateKey } from '../../../core/dates';
import { parseYen } from '../../../core/money';
import { parseSummaryDay, summaryDayFor, summaryMonthDue } from '../../../core/schedule';
import {
  type ExpenseRate,
  monthlySummary,
  type SummaryExpense,
  type SummaryInvoice,
  type SummaryRow,
  summaryMail,
} from '../../../core/summary/monthlySummary';
import { formatTaxRate } from '../../../core/tax';
import { joinWith, type Lang, type Text, text } from '../../../core/text';
import { now } from '../../../services/clock';
import { type DeliveryStage, deliverOnce } from '../../../services/deliverOnce';
import { currentUserEmail } from '../../../services/session';
import { flushWorkbook } from '../../../services/workbook';
import { cellDateKey, cellText, textCell } from '../../../sheets/cells';
import { EXPENSES_SHEET, INVOICES_SHEET, SUMMARY_SHEET } from '../../../sheets/schema';
import { appendRecords, type Table } from '../../../sheets/table';
import type { WorkbookTables } from '../../../sheets/workbookTables';
import { loggedExpenses } from '../../expenses/expenseLog';
import { type Job, type JobContext, type JobOutcome, skippedForMissingSheets } from '../job';

const LABEL = text('月次集計', 'Monthly summary');
/**
 * The 通知 row records the owner's mail through its 項目: to be sent, being sent (its draft made
 * and about to go), sent. A retry finishes the mail from there, never twice (deliverOnce).
 */
const MAIL_SECTION = '通知';
const MAIL_PENDING = 'メール未送信';
const MAIL_SENDING = 'メール送信中';
const MAIL_SENT = 'メール送信';

const yenOf = (cell: unknown) => {
  const parsed = parseYen(cell);
  return parsed.ok ? parsed.yen : 0;
};

function readInvoices(tables: WorkbookTables): SummaryInvoice[] {
  return (tables.table(INVOICES_SHEET)?.rows ?? []).flatMap((r) => {
    const issueDate = cellDateKey(r.values.issueDate);
    if (!issueDate || !cellText(r.values.number)) return [];
    return [
      {
        client: cellText(r.values.client),
        issueDate,
        status: cellText(r.values.status),
        total: yenOf(r.values.total),
        billed: yenOf(r.values.billed),
        tax10: yenOf(r.values.tax10),
        tax8: yenOf(r.values.tax8),
      },
    ];
  });
}

/** The expense log's rows that check (a row needing attention is left out until it is fixed). */
function readExpenses(tables: WorkbookTables, today: DateKey): SummaryExpense[] {
  const table = tables.table(EXPENSES_SHEET);
  if (!table) return [];
  return loggedExpenses(table, today).map((e) => ({
    date: e.date,
    account: e.account,
    amount: e.amount,
    // formatTaxRate writes exactly the summary's rates: 10%, 8%, 0%, 非課税.
    rate: formatTaxRate(e.taxRate) as ExpenseRate,
    tax: e.tax,
  }));
}

type SummaryKey = (typeof SUMMARY_SHEET.columns)[number]['key'];
type SummaryTable = Table<SummaryKey>;

/** The 通知 row of a month whose mail is not known to be sent, and how far it got. */
interface PendingMail {
  readonly month: string;
  readonly row: number;
  readonly stage: DeliveryStage;
  /** The figures, when this run just wrote them (else they are read from the table). */
  readonly rows?: readonly SummaryRow[];
}

/** The 通知 row of a summary mail not known to be sent (a run cut off, a send that failed). */
export function isUnsentSummaryMail(values: Readonly<Record<SummaryKey, unknown>>): boolean {
  const item = cellText(values.item);
  return (
    cellText(values.section) === MAIL_SECTION && (item === MAIL_PENDING || item === MAIL_SENDING)
  );
}

interface SummaryState {
  readonly month: string | null;
  readonly written: boolean;
  readonly table: SummaryTable | null;
  /** Mails of earlier months (or of this one) that a run cut off or a failed send left. */
  readonly pending: PendingMail[];
}

function stateOf(ctx: JobContext): SummaryState {
  const month = monthDue(ctx);
  const table = ctx.tables.table(SUMMARY_SHEET);
  if (!table) return { month, written: false, table: null, pending: [] };
  const pending = table.rows.flatMap((r): PendingMail[] => {
    if (!isUnsentSummaryMail(r.values)) return [];
    const stage = cellText(r.values.item) === MAIL_SENDING ? 'sending' : 'maybeDrafted';
    return [{ month: cellText(r.values.month), row: r.rowNumber, stage }];
  });
  const written = month !== null && table.rows.some((r) => cellText(r.values.month) === month);
  return { month, written, table, pending };
}

/**
 * The month whose summary day fell since the last run (today on a first run), so a missed day
 * is caught up but turning automations on mid-month does not summarise a month long gone.
 */
function monthDue(ctx: JobContext): string | null {
  const parsed = parseSummaryDay(ctx.settings.summaryDay);
  if (!parsed.ok) return null;
  const month = summaryMonthDue(parsed.value, ctx.today);
  const day = month ? summaryDayFor(parsed.value, month) : null;
  if (!month || !day) return null;
  return (ctx.lastDay === null ? day === ctx.today : day > ctx.lastDay) ? month : null;
}

/**
 * On the 月次集計の日 rule's day, the previous month's figures are written to 月次集計 once
 * (rows carry their month; a month already there is never written again), then the highlights
 * are mailed to the person the trigger runs as, exactly once (its 通知 row records the mail's
 * progress; a mail a cut-off run or a failed send left is finished by the next run).
 */
export const summaryJob: Job = {
  id: 'summary',
  label: LABEL,
  reads: [INVOICES_SHEET, EXPENSES_SHEET, SUMMARY_SHEET],
  plan(ctx): PlannedJob {
    const state = stateOf(ctx);
    const actions: Text[] = [];
    if (state.month && !state.written) {
      actions.push(text(`${state.month} の月次集計を作成`, `Summarise ${state.month}`));
    }
    if (state.month && !state.written && ctx.settings.summaryMail) {
      actions.push(text('集計の要点を自分宛てにメール', 'Mail the highlights to yourself'));
    }
    for (const p of state.pending)
      actions.push(
        text(
          `${p.month} の月次集計メールを送信(前回未完了)`,
          `Send the ${p.month} summary mail (left unsent)`,
        ),
      );
    return { job: 'summary', label: LABEL, actions, problems: [] };
  },
  run(ctx): JobOutcome {
    const state = stateOf(ctx);
    const table = state.table;
    if (!table) return skippedForMissingSheets(ctx, [SUMMARY_SHEET]);
    let owner: string | undefined;
    const ownerAddress = () => {
      owner ??= currentUserEmail();
      return owner;
    };
    const messages: Text[] = [];
    const mails: PendingMail[] = [...state.pending];
    let failed = 0;
    let count = 0;
    const month = state.month;
    if (month && !state.written) {
      const rows = monthlySummary(
        month,
        readInvoices(ctx.tables),
        readExpenses(ctx.tables, ctx.today),
      );
      // Who the mail goes to is known before anything is written: a failing lookup writes nothing.
      const to = ctx.settings.summaryMail ? ownerAddress() : '';
      const mail = to !== '';
      const at = now();
      // The 通知 row goes in with the figures, before the mail: a run cut off after this write
      // finds it and sends the mail then, once.
      const mailRow = { section: MAIL_SECTION, item: MAIL_PENDING, amount: 0, count: 1 };
      const first = appendRecords(
        table,
        [...rows, ...(mail ? [mailRow] : [])].map((r: SummaryRow) => ({
          month: textCell(month),
          section: textCell(r.section),
          item: textCell(r.item),
          amount: r.amount,
          count: r.count,
          createdAt: at,
        })),
      );
      ctx.tables.forget(SUMMARY_SHEET);
      flushWorkbook();
      if (mail) mails.push({ month, row: first + rows.length, stage: 'fresh', rows });
      count += 1;
      messages.push(text(`${month} の月次集計を作成しました`, `Summarised ${month}`));
    }
    if (mails.length > 0) {
      const to = ownerAddress();
      for (const p of mails) {
        const outcome = sendSummaryMail(table, p, to, ctx.lang);
        if (outcome === 'sent') {
          messages.push(
            text(
              `${p.month} の月次集計を ${to} へメール送信しました`,
              `Mailed the ${p.month} summary to ${to}`,
            ),
          );
          if (p.stage !== 'fresh') count += 1;
        } else {
          failed += 1;
          messages.push(
            text(
              `${p.month} の月次集計メールを送信できませんでした(${outcome.error})。下書きに残し、次回の実行で再送します`,
              `Could not send the ${p.month} summary mail (${outcome.error}); it stays a draft and the next run sends it`,
            ),
          );
        }
      }
    }
    return {
      result: failed > 0 ? 'error' : 'ok',
      count,
      message: messages.length > 0 ? joinWith(messages, '\n') : null,
      more: false,
    };
  },
};

/** The month's highlights, from the rows the summary wrote (the figures as the owner sees them). */
function summaryRowsOf(table: SummaryTable, month: string): SummaryRow[] {
  return table.rows
    .filter(
      (r) => cellText(r.values.month) === month && cellText(r.values.section) !== MAIL_SECTION,
    )
    .map((r) => ({
      section: cellText(r.values.section),
      item: cellText(r.values.item),
      amount: yenOf(r.values.amount),
      count: typeof r.values.count === 'number' ? r.values.count : 0,
    }));
}

/**
 * The summary mail of one month to the owner, once (services/deliverOnce.ts): its 通知 row says
 * 送信中 with a flush before the draft is sent, and メール送信 after.
 */
function sendSummaryMail(
  table: SummaryTable,
  p: PendingMail,
  to: string,
  lang: Lang,
): 'sent' | { error: string } {
  const rows = p.rows ?? summaryRowsOf(table, p.month);
  const setItem = (item: string) => {
    const col = table.headers.index.item;
    if (col !== undefined) table.range(p.row, col + 1, 1, 1).setValue(item);
  };
  const mail = summaryMail(p.month, rows, lang);
  const delivered = deliverOnce({
    mail: { to, subject: mail.subject, body: mail.text, htmlBody: mail.html },
    searchTerm: p.month,
    stage: p.stage,
    send: true,
    markSending: () => {
      setItem(MAIL_SENDING);
      flushWorkbook();
    },
  });
  if (!delivered.sent) return { error: delivered.error ?? '' };
  setItem(MAIL_SENT);
  return 'sent';
}
