import { bilingual } from '../../../core/bilingual';
import { mailText } from '../../../core/mailText';
import { parseYen } from '../../../core/money';
import { parseSummaryDay, summaryDayFor, summaryMonthDue } from '../../../core/schedule';
import {
  type ExpenseRate,
  monthlySummary,
  type SummaryExpense,
  type SummaryInvoice,
  type SummaryRow,
  summaryHighlights,
} from '../../../core/summary/monthlySummary';
import { now } from '../../../services/clock';
import { sendMail } from '../../../services/mail';
import { currentUserEmail } from '../../../services/session';
import { flushWorkbook } from '../../../services/workbook';
import { cellDateKey, cellText, textCell } from '../../../sheets/cells';
import {
  EXPENSES_SHEET,
  INVOICES_SHEET,
  SUMMARY_SHEET,
  TAX_RATE_CHOICES,
} from '../../../sheets/schema';
import { appendRecords } from '../../../sheets/table';
import type { WorkbookTables } from '../../../sheets/workbookTables';
import type { PlannedJob } from '../../../ui/automationContracts';
import type { Job, JobContext, JobOutcome } from '../job';

const LABEL = bilingual('月次集計', 'Monthly summary');
/** The row that records the owner's mail was sent, so a retry does not send it again. */
const MAIL_SECTION = '通知';
const MAIL_ITEM = 'メール送信';

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

function readExpenses(tables: WorkbookTables): SummaryExpense[] {
  return (tables.table(EXPENSES_SHEET)?.rows ?? []).flatMap((r) => {
    const date = cellDateKey(r.values.date);
    const rate = cellText(r.values.taxRate) as ExpenseRate;
    if (!date) return [];
    return [
      {
        date,
        account: cellText(r.values.account),
        amount: yenOf(r.values.amount),
        rate: (TAX_RATE_CHOICES as readonly string[]).includes(rate) ? rate : '10%',
      },
    ];
  });
}

interface SummaryState {
  readonly month: string | null;
  readonly written: boolean;
}

function stateOf(ctx: JobContext): SummaryState {
  const month = monthDue(ctx);
  const rows = month ? ctx.tables.table(SUMMARY_SHEET)?.rows : undefined;
  if (!month || !rows) return { month, written: false };
  return { month, written: rows.some((r) => cellText(r.values.month) === month) };
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
 * are mailed to the person the trigger runs as, at most once (a 通知 row records it first).
 */
export const summaryJob: Job = {
  id: 'summary',
  label: LABEL,
  plan(ctx): PlannedJob {
    const state = stateOf(ctx);
    const actions: string[] = [];
    if (state.month && !state.written) {
      actions.push(bilingual(`${state.month} の月次集計を作成`, `Summarise ${state.month}`));
    }
    if (state.month && !state.written && ctx.settings.summaryMail) {
      actions.push(bilingual('集計の要点を自分宛てにメール', 'Mail the highlights to yourself'));
    }
    return { job: 'summary', label: LABEL, actions, problems: [] };
  },
  run(ctx): JobOutcome {
    if (!ctx.tables.sheet(SUMMARY_SHEET)) {
      return { result: 'skipped', count: 0, message: '', more: false };
    }
    const state = stateOf(ctx);
    const month = state.month;
    if (!month || state.written) return { result: 'ok', count: 0, message: '', more: false };
    const rows = monthlySummary(month, readInvoices(ctx.tables), readExpenses(ctx.tables));
    const to = ctx.settings.summaryMail ? currentUserEmail() : '';
    const at = now();
    // The 通知 row goes in with the figures, before the mail: a run cut off after this write
    // never mails twice (at worst the mail of that month is missing, never doubled).
    const mailRow = { section: MAIL_SECTION, item: MAIL_ITEM, amount: 0, count: 1 };
    appendRecords(
      ctx.tables.table(SUMMARY_SHEET)!,
      [...rows, ...(to ? [mailRow] : [])].map((r: SummaryRow) => ({
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
    if (to) {
      const { text, html } = mailText(
        [summaryHighlights(month, rows), ['詳しくは「月次集計」シートをご覧ください。']],
        'Pokke',
      );
      sendMail({ to, subject: `【Pokke】${month} 月次集計`, body: text, htmlBody: html });
    }
    return {
      result: 'ok',
      count: 1,
      message: bilingual(
        `${month} の月次集計を作成しました${to ? `(${to} へメール送信)` : ''}`,
        `Summarised ${month}${to ? ` (mailed to ${to})` : ''}`,
      ),
      more: false,
    };
  },
};
